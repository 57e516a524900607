namespace ServiceHall.Catalog.Data;

/// <summary>One navigation theme an item is filed under (自然人主题 or 法人主题), so lists filter by theme in the database.</summary>
public sealed class ItemThemeRecord
{
    public const string PersonKind = "person";
    public const string LegalPersonKind = "legal";

    public required string ItemId { get; init; }
    public required string Kind { get; init; }
    public required string Theme { get; init; }
}
