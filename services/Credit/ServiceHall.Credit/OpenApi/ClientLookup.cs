namespace ServiceHall.Credit.OpenApi;

/// <summary>One lookup of an entity by an institution's client (who, which entity, when; never why): the entity sees these.</summary>
public sealed class ClientLookup
{
    public long Id { get; private set; }
    public required string ClientId { get; init; }
    /// <summary>The institution's name as its token carried it at the time (the client's display name).</summary>
    public required string Institution { get; init; }
    public required string EntityCode { get; init; }
    public DateTime LookedUpAt { get; init; }
}
