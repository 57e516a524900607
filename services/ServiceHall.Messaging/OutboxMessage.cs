using System.Text.Json.Nodes;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace ServiceHall.Messaging;

/// <summary>
/// An integration event waiting to be published. It is added to the same DbContext, and so saved in the
/// same transaction, as the change it announces: either both are written or neither.
/// </summary>
public sealed class OutboxMessage
{
    public long Sequence { get; private set; }
    public required string EventId { get; init; }
    public required string Topic { get; init; }
    public required string Payload { get; init; }
    public DateTime OccurredAt { get; init; }
    public DateTime? PublishedAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>The property the relay adds to a published payload: the row's <see cref="Sequence"/>.</summary>
    public const string SourceSequenceProperty = "sourceSequence";

    /// <summary>Every event message of the hall carries its own event_id; it becomes the CloudEvent id.</summary>
    public static OutboxMessage For(string topic, IMessage integrationEvent)
    {
        var eventId = integrationEvent.Descriptor.FindFieldByName("event_id")?.Accessor.GetValue(integrationEvent) as string;
        if (string.IsNullOrEmpty(eventId))
        {
            throw new ArgumentException($"{integrationEvent.Descriptor.Name} has no event_id", nameof(integrationEvent));
        }
        return new OutboxMessage
        {
            EventId = eventId,
            Topic = topic,
            Payload = JsonFormatter.Default.Format(integrationEvent),
            OccurredAt = DateTime.UtcNow,
        };
    }

    /// <summary>
    /// The payload as the relay publishes it: the stored event plus <c>"sourceSequence"</c>, so a consumer can keep
    /// a high-water mark of this source's log and later ask PublicExport for what came after it. Event parsers
    /// ignore unknown fields, so subscribers that do not care are unaffected; the stored payload stays as it was.
    /// </summary>
    public JsonObject WirePayload()
    {
        if (JsonNode.Parse(Payload) is not JsonObject payload)
        {
            throw new InvalidOperationException($"Outbox event {EventId} is not a JSON object");
        }
        payload[SourceSequenceProperty] = Sequence;
        return payload;
    }
}

public static class OutboxModel
{
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(m => m.Sequence);
            e.Property(m => m.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(m => m.EventId).IsUnique();
            e.HasIndex(m => m.PublishedAt);
            e.Property(m => m.EventId).HasMaxLength(64);
            e.Property(m => m.Topic).HasMaxLength(200);
        });
        return modelBuilder;
    }
}
