namespace ServiceHall.Messaging;

/// <summary>Puts one outbox message on the wire: Dapr pub/sub in production, the local bus on one machine.</summary>
public interface IEventPublisher
{
    Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken);
}
