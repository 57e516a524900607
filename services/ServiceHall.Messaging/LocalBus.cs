using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServiceHall.Messaging;

/// <summary>
/// Delivers events on one machine without a Dapr runtime, the way Dapr would: it reads each subscriber's
/// /dapr/subscribe and posts the same CloudEvent to the same route. Subscriber code cannot tell the two apart.
/// </summary>
sealed class LocalBus(HttpClient http, IOptions<MessagingOptions> options, IHostEnvironment environment, ILogger<LocalBus> logger) : IEventPublisher
{
    static readonly TimeSpan SubscriptionsTtl = TimeSpan.FromSeconds(30);
    readonly SemaphoreSlim discovery = new(1, 1);
    IReadOnlyList<Subscription> subscriptions = [];
    DateTime discoveredAt = DateTime.MinValue;

    sealed record Subscription(string PubSubName, string Topic, Uri Endpoint);

    public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var pubSub = options.Value.PubSubName;
        var targets = (await SubscriptionsAsync(cancellationToken)).Where(s => s.Topic == message.Topic && s.PubSubName == pubSub);
        foreach (var target in targets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Endpoint)
            {
                Content = new StringContent(CloudEvent(message, pubSub), Encoding.UTF8),
                // A hand-made request does not take the client's defaults; the subscribers speak h2c only.
                Version = http.DefaultRequestVersion,
                VersionPolicy = http.DefaultVersionPolicy,
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json") { CharSet = "utf-8" };
            if (options.Value.AppApiToken is { Length: > 0 } token)
            {
                request.Headers.Add(MessagingOptions.AppApiTokenHeader, token);
            }
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                // Dapr drops an event its subscriber answers 404 for; do the same so both modes behave alike.
                logger.LogWarning("Subscriber {Endpoint} answered 404 for event {EventId}; dropped as Dapr would", target.Endpoint, message.EventId);
                continue;
            }
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode || body.Contains("\"RETRY\"", StringComparison.Ordinal))
            {
                discoveredAt = DateTime.MinValue;
                throw new HttpRequestException($"Subscriber {target.Endpoint} refused event {message.EventId}: {(int)response.StatusCode} {body}");
            }
        }
    }

    /// <summary>Dapr reads /dapr/subscribe case-insensitively (the .NET SDK writes pubsubName, the docs pubsubname); so do we.</summary>
    static JsonElement? Property(JsonElement element, string name) =>
        element.EnumerateObject().Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();

    string CloudEvent(OutboxMessage message, string pubSub)
    {
        var envelope = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = message.EventId,
            ["source"] = environment.ApplicationName,
            ["type"] = "com.dapr.event.sent",
            ["topic"] = message.Topic,
            ["pubsubname"] = pubSub,
            ["time"] = message.OccurredAt.ToString("O"),
            ["datacontenttype"] = "application/json",
            ["data"] = message.WirePayload(),
        };
        return envelope.ToJsonString();
    }

    async Task<IReadOnlyList<Subscription>> SubscriptionsAsync(CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow - discoveredAt < SubscriptionsTtl)
        {
            return subscriptions;
        }
        await discovery.WaitAsync(cancellationToken);
        try
        {
            var found = new List<Subscription>();
            foreach (var subscriber in options.Value.Subscribers)
            {
                var baseAddress = new Uri(subscriber.TrimEnd('/') + "/");
                using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(baseAddress, "dapr/subscribe"), cancellationToken));
                foreach (var entry in document.RootElement.EnumerateArray())
                {
                    var route = Property(entry, "route")?.GetString()
                        ?? (Property(entry, "routes") is { } routes ? Property(routes, "default")?.GetString() : null);
                    if (route is null)
                    {
                        continue;
                    }
                    found.Add(new Subscription(
                        Property(entry, "pubsubName")?.GetString() ?? "",
                        Property(entry, "topic")?.GetString() ?? "",
                        new Uri(baseAddress, route.TrimStart('/'))));
                }
            }
            subscriptions = found;
            discoveredAt = DateTime.UtcNow;
            return found;
        }
        finally
        {
            discovery.Release();
        }
    }
}
