using Dapr;
using Google.Protobuf;
using ServiceHall.Catalog.V1;
using ServiceHall.Credit.V1;
using ServiceHall.Disclosures.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Search;

/// <summary>
/// The subscriptions that keep the index up to date, announced on /dapr/subscribe for Dapr and the local bus alike.
/// Delivery is at least once and unordered; the index's per-owner version makes repeats and stale events harmless.
/// </summary>
public static class IndexEvents
{
    public const string ItemChangedRoute = "/events/catalog-item-changed";
    public const string EntityChangedRoute = "/events/credit-entity-changed";
    public const string DisclosurePublishedRoute = "/events/disclosure-published";
    public const string QuestionPublishedRoute = "/events/catalog-question-published";

    // Publishers may add fields before this service knows them; that must not stop the index.
    static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static IEndpointRouteBuilder MapIndexEvents(this IEndpointRouteBuilder endpoints, string pubSubName)
    {
        endpoints.MapPost(ItemChangedRoute, (HttpRequest request, PublicIndex index, CancellationToken ct) =>
                HandleAsync<ItemChanged>(request, index, Projections.Check, Projections.From, ct))
            .WithTopic(pubSubName, Topics.CatalogItemChanged);
        endpoints.MapPost(EntityChangedRoute, (HttpRequest request, PublicIndex index, CancellationToken ct) =>
                HandleAsync<EntityChanged>(request, index, Projections.Check, Projections.From, ct))
            .WithTopic(pubSubName, Topics.CreditEntityChanged);
        endpoints.MapPost(DisclosurePublishedRoute, (HttpRequest request, PublicIndex index, CancellationToken ct) =>
                HandleAsync<DisclosurePublished>(request, index, Projections.Check, Projections.From, ct))
            .WithTopic(pubSubName, Topics.DisclosurePublished);
        endpoints.MapPost(QuestionPublishedRoute, (HttpRequest request, PublicIndex index, CancellationToken ct) =>
                HandleAsync<QuestionPublished>(request, index, Projections.Check, Projections.From, ct))
            .WithTopic(pubSubName, Topics.CatalogQuestionPublished);
        return endpoints;
    }

    /// <summary>
    /// 200 once the change is searchable or was already held; 400 for a payload that can never be indexed
    /// (Dapr then drops it, right for poison). Never 404: Dapr would drop a good event for it.
    /// </summary>
    static async Task<IResult> HandleAsync<TEvent>(
        HttpRequest request, PublicIndex index, Func<TEvent, FieldErrors> check, Func<TEvent, IndexChange> project, CancellationToken ct)
        where TEvent : IMessage<TEvent>, new()
    {
        // UseCloudEvents has already replaced a CloudEvent body with its data.
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(ct);
        TEvent integrationEvent;
        try
        {
            integrationEvent = Parser.Parse<TEvent>(json);
        }
        catch (Exception ex) when (ex is InvalidJsonException or InvalidProtocolBufferException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                detail: $"not a {new TEvent().Descriptor.FullName}: {ex.Message}");
        }
        var errors = check(integrationEvent);
        if (errors.Any)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: string.Join("; ", errors.Problems));
        }
        var applied = index.Apply(project(integrationEvent));
        // Dapr's subscriber contract: SUCCESS acknowledges, also for an event already held.
        return Results.Ok(new { status = "SUCCESS", applied });
    }
}
