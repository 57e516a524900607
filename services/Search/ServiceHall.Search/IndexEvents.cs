using System.Text.Json;
using Google.Protobuf;
using ServiceHall.Catalog.V1;
using ServiceHall.Credit.V1;
using ServiceHall.Disclosures.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Search;

/// <summary>
/// The subscriptions that keep the index up to date, announced on /dapr/subscribe for Dapr and the local bus alike,
/// and the same reading of each topic for the catch-up that replays a source's log. Delivery is at least once and
/// unordered; the index's per-owner version makes repeats and stale events harmless.
/// </summary>
public static class IndexEvents
{
    public const string ItemChangedRoute = "/events/catalog-item-changed";
    public const string EntityChangedRoute = "/events/credit-entity-changed";
    public const string PersonLicencePublishedRoute = "/events/credit-person-licence-published";
    public const string DisclosurePublishedRoute = "/events/disclosure-published";
    public const string QuestionPublishedRoute = "/events/catalog-question-published";

    /// <summary>
    /// How far an event's version or source sequence may lie beyond the source's high-water mark the index holds.
    /// A real version grows by one per write and a sequence by one per event, so no source gets near this between
    /// two catch-ups; a forged Int64.MaxValue, which would freeze a document for good, is refused.
    /// </summary>
    public const long MaxAhead = 1_000_000;

    // Publishers may add fields before this service knows them (the relay adds sourceSequence); that must not stop the index.
    static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>One topic: the route it is delivered to, the source that publishes it, and how its payload becomes an index change.</summary>
    public sealed record Topic(string Name, string Route, string Source, Func<string, (FieldErrors Errors, IndexChange? Change)> Read);

    public static readonly IReadOnlyList<Topic> Topics =
    [
        Reading<ItemChanged>(Messaging.Topics.CatalogItemChanged, ItemChangedRoute, "catalog", Projections.Check, Projections.From),
        Reading<QuestionPublished>(Messaging.Topics.CatalogQuestionPublished, QuestionPublishedRoute, "catalog", Projections.Check, Projections.From),
        Reading<EntityChanged>(Messaging.Topics.CreditEntityChanged, EntityChangedRoute, "credit", Projections.Check, Projections.From),
        Reading<PersonLicencePublished>(Messaging.Topics.CreditPersonLicencePublished, PersonLicencePublishedRoute, "credit", Projections.Check, Projections.From),
        Reading<DisclosurePublished>(Messaging.Topics.DisclosurePublished, DisclosurePublishedRoute, "disclosures", Projections.Check, Projections.From),
    ];

    public static IEnumerable<string> Sources => Topics.Select(t => t.Source).Distinct();

    public static IEndpointRouteBuilder MapIndexEvents(this IEndpointRouteBuilder endpoints)
    {
        foreach (var topic in Topics)
        {
            endpoints.MapEventRoute(topic.Route, topic.Name,
                (HttpRequest request, PublicIndex index, CancellationToken ct) => HandleAsync(topic, request, index, ct));
        }
        return endpoints;
    }

    /// <summary>The sequence the source's relay stamped on a delivered payload, if any.</summary>
    public static long? SourceSequence(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(OutboxMessage.SourceSequenceProperty, out var value)
                && value.TryGetInt64(out var sequence) ? sequence : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// 200 once the change is searchable or was already held; 400 for a payload that can never be indexed
    /// (Dapr then drops it, right for poison). Never 404: Dapr would drop a good event for it.
    /// </summary>
    static async Task<IResult> HandleAsync(Topic topic, HttpRequest request, PublicIndex index, CancellationToken ct)
    {
        // UseCloudEvents has already replaced a CloudEvent body with its data.
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(ct);
        var (errors, change) = topic.Read(json);
        if (errors.Any || change is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: string.Join("; ", errors.Problems));
        }
        var mark = index.HighWaterMark(topic.Source);
        if (change.Version > mark + MaxAhead || SourceSequence(json) > mark + MaxAhead)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                detail: $"version {change.Version} or source sequence is far ahead of what {topic.Source} has published (high-water mark {mark}); a forged version would freeze the document");
        }
        var applied = index.Apply(change);
        if (SourceSequence(json) is { } sequence)
        {
            index.RecordMark(topic.Source, sequence);
        }
        // Dapr's subscriber contract: SUCCESS acknowledges, also for an event already held.
        return Results.Ok(new { status = "SUCCESS", applied });
    }

    static Topic Reading<TEvent>(string name, string route, string source, Func<TEvent, FieldErrors> check, Func<TEvent, IndexChange> project)
        where TEvent : IMessage<TEvent>, new() =>
        new(name, route, source, json =>
        {
            TEvent integrationEvent;
            try
            {
                integrationEvent = Parser.Parse<TEvent>(LegacyWords.Upgrade(json, new TEvent().Descriptor));
            }
            catch (Exception ex) when (ex is InvalidJsonException or InvalidProtocolBufferException)
            {
                return (new FieldErrors(null).Add("payload", $"not a {new TEvent().Descriptor.FullName}: {ex.Message}"), null);
            }
            var errors = check(integrationEvent);
            return (errors, errors.Any ? null : project(integrationEvent));
        });
}
