namespace ServiceHall.Credit.OpenApi;

/// <summary>A client's watch on one entity: the entity's later changes are queued for the client.</summary>
public sealed class EntityWatch
{
    public required string ClientId { get; init; }
    public required string EntityCode { get; init; }
    public DateTime Since { get; init; }

    /// <summary>
    /// The ids of the entity's public records the client last heard of (space-separated), so the next announcement
    /// tells what was added and what left public view.
    /// </summary>
    public string KnownRecordIds { get; set; } = "";

    public IReadOnlySet<string> KnownRecords() => KnownRecordIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
