namespace ServiceHall.Credit.OpenApi;

/// <summary>
/// One change of a watched entity for one client: an entry of its Atom feed and, while the client has a webhook,
/// a delivery to it, retried with backoff until the receiver answers 2xx or the attempts run out (dead letter).
/// </summary>
public sealed class ChangeDelivery
{
    /// <summary>The event id the client de-duplicates on: the same in the feed and on every retry.</summary>
    public required string EventId { get; init; }
    public required string ClientId { get; init; }
    public required string EntityCode { get; init; }
    public int Kind { get; init; }
    /// <summary>The webhook body and feed content: <see cref="V1.WatchedChange"/> as JSON.</summary>
    public required string Payload { get; init; }
    public DateTime OccurredAt { get; init; }

    /// <summary>Due for an attempt from then on; null once delivered or dead.</summary>
    public DateTime? NextAttemptAt { get; set; }
    /// <summary>A replica attempting it holds it until then, so two replicas never post it at once.</summary>
    public DateTime? LeasedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTime? DeliveredAt { get; set; }
    /// <summary>Set when the last allowed attempt failed: the delivery is on the client's dead-letter list.</summary>
    public DateTime? DeadAt { get; set; }
    public string LastError { get; set; } = "";
}
