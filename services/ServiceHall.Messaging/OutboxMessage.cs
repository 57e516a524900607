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
