namespace ServiceHall.Credit.OpenApi;

/// <summary>
/// How many lookups one client made in one window: a county day (the daily quota) or a minute (the rate). Counted in
/// the credit database, so every replica of the credit service and the gateway sees the same count.
/// </summary>
public sealed class ClientUsage
{
    public const string Day = "day";
    public const string Minute = "minute";

    public required string ClientId { get; init; }
    /// <summary><see cref="Day"/> or <see cref="Minute"/>.</summary>
    public required string Window { get; init; }
    /// <summary>The window's first instant (UTC): the county's midnight for a day.</summary>
    public DateTime WindowStart { get; init; }
    public int Count { get; set; }
}
