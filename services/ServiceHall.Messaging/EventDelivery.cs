using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceHall.Messaging;

/// <summary>
/// The subscriber's side of the bus, the same for Dapr and the local bus (docs/architecture.md §4): CloudEvents
/// unwrapped (a broken envelope a 400), topics announced on /dapr/subscribe, and event routes that take no user
/// token but only the event bus (<see cref="EventSenders"/>).
/// </summary>
public static class EventDelivery
{
    /// <summary>Before the endpoints: reads a CloudEvent body as its data, and answers a broken envelope with 400.</summary>
    public static IApplicationBuilder UseEventDelivery(this IApplicationBuilder app) =>
        app.UseMalformedEnvelopeAsBadRequest().UseCloudEvents();

    /// <summary>/dapr/subscribe, where the sidecar or the local bus asks which topics to deliver; the list is no secret.</summary>
    public static IEndpointConventionBuilder MapEventSubscriptions(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapSubscribeHandler().AllowAnonymous();

    /// <summary>The pub/sub component events come from (Messaging:PubSubName, "pubsub" by default).</summary>
    public static string PubSubName(IConfiguration configuration) => configuration["Messaging:PubSubName"] ?? "pubsub";

    /// <summary>
    /// A route the bus delivers <paramref name="topic"/> to. Not a user's endpoint: no token, but only the event bus
    /// may call it. The handler answers 200 (SUCCESS) once the event is taken or was already, 400 for a payload that
    /// can never be taken (Dapr drops it), never 404, and fails only for what a retry can mend.
    /// </summary>
    public static RouteHandlerBuilder MapEventRoute(this IEndpointRouteBuilder endpoints, string route, string topic, Delegate handler) =>
        endpoints.MapPost(route, handler)
            .WithTopic(PubSubName(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()), topic)
            .AllowAnonymous()
            .AddEndpointFilter<EventSenders>();
}
