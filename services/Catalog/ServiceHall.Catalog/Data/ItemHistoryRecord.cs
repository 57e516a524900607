using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ServiceHall.Catalog.V1;

namespace ServiceHall.Catalog.Data;

/// <summary>
/// One entry of an item's public history: a publication (with the version's whole guide, so any version can be
/// shown again) or a status change. Entries are only ever added.
/// </summary>
public sealed class ItemHistoryRecord
{
    public long Id { get; set; }
    public required string ItemId { get; init; }
    public required ItemHistoryAction Action { get; init; }
    public int GuideVersion { get; init; }
    public required string Reason { get; init; }
    public required string ChangesJson { get; init; }
    public string? GuideJson { get; init; }
    public DateTime At { get; init; }

    public static ItemHistoryRecord Publication(ItemRecord item, string reason, List<string> changes) => new()
    {
        ItemId = item.Id,
        Action = ItemHistoryAction.Published,
        GuideVersion = item.GuideVersion,
        Reason = reason,
        ChangesJson = JsonSerializer.Serialize(changes),
        GuideJson = item.PublicJson,
        At = item.UpdatedAt,
    };

    public static ItemHistoryRecord StatusChange(ItemRecord item, ItemHistoryAction action, string reason) => new()
    {
        ItemId = item.Id,
        Action = action,
        GuideVersion = item.GuideVersion,
        Reason = reason,
        ChangesJson = "[]",
        At = item.UpdatedAt,
    };

    public ItemHistoryEntry ToMessage()
    {
        var entry = new ItemHistoryEntry { Action = Action, GuideVersion = GuideVersion, Reason = Reason, At = Timestamp.FromDateTime(At) };
        entry.Changes.AddRange(JsonSerializer.Deserialize<List<string>>(ChangesJson) ?? []);
        return entry;
    }

    public ItemGuide? Guide => GuideJson is null ? null : ItemGuide.Parser.ParseJson(GuideJson);
}
