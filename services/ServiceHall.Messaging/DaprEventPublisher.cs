using Dapr.Client;
using Microsoft.Extensions.Options;

namespace ServiceHall.Messaging;

/// <summary>Publishes through the Dapr sidecar, which wraps the payload in a CloudEvent and delivers it to every subscriber.</summary>
sealed class DaprEventPublisher(DaprClient dapr, IOptions<MessagingOptions> options) : IEventPublisher
{
    public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // The CloudEvent id is the outbox event id, so a redelivered event is recognisable downstream.
        var metadata = new Dictionary<string, string> { ["cloudevent.id"] = message.EventId };
        await dapr.PublishEventAsync(options.Value.PubSubName, message.Topic, message.WirePayload(), metadata, cancellationToken);
    }
}
