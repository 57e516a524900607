using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Credit.V1;
using ServiceHall.Disclosures.V1;
using ServiceHall.Search.V1;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// The public API's document at /api/openapi.json, served by the gateway: every JSON route of the contracts (their
/// google.api.http rules) is in it, its lock marks agree with what the gateway and services actually let through,
/// and the reference page at /api/docs answers.
/// </summary>
public sealed partial class OpenApiTests(HallFixture hall)
{
    static readonly ServiceDescriptor[] Contracts =
    [
        CatalogService.Descriptor, ConsultationService.Descriptor, ApplicationsService.Descriptor, SupervisionService.Descriptor, RatingService.Descriptor,
        CreditService.Descriptor, CreditImportService.Descriptor, CreditCorrectionService.Descriptor, CreditOpenApi.Descriptor, CreditLookupService.Descriptor, CreditListsService.Descriptor, DisclosuresService.Descriptor, SearchService.Descriptor, PublicFiguresService.Descriptor,
    ];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every (method, path) the contracts transcode, additional bindings included.</summary>
    public static IEnumerable<(string Method, string Path, string Rpc)> Routes() =>
        from service in Contracts
        from method in service.Methods
        let rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http)
        where rule is not null
        from binding in rule.AdditionalBindings.Prepend(rule)
        select (Verb(binding), binding.Get + binding.Put + binding.Post + binding.Delete + binding.Patch + (binding.Custom?.Path ?? ""), method.FullName);

    static string Verb(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Custom => rule.Custom.Kind.ToLowerInvariant(),
        var pattern => pattern.ToString().ToLowerInvariant(),
    };

    /// <summary>Parameter names differ in case (proto snake_case, OpenAPI camelCase); the shape of the path is what counts.</summary>
    static string Shape(string path) => Variable().Replace(path, "{}");

    async Task<JsonObject> DocumentAsync()
    {
        using var response = await hall.Http.GetAsync("/api/openapi.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
    }

    [Fact]
    public async Task Every_transcoded_route_is_in_the_public_document()
    {
        var document = await DocumentAsync();
        var documented = ((JsonObject)document["paths"]!)
            .SelectMany(p => ((JsonObject)p.Value!).Select(op => $"{op.Key} {Shape(p.Key)}"))
            .ToHashSet();

        var missing = Routes().Where(r => !documented.Contains($"{r.Method} {Shape(r.Path)}")).Select(r => $"{r.Method.ToUpperInvariant()} {r.Path} ({r.Rpc})").ToList();

        Assert.True(Routes().Count() > 20, "the contracts' routes were not found");
        Assert.True(missing.Count == 0, "missing from /api/openapi.json:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task Descriptions_come_from_the_proto_comments_and_the_bearer_scheme_is_defined()
    {
        var document = await DocumentAsync();

        Assert.Equal("The current public version.", (string?)document["paths"]!["/api/catalog/items/{id}"]!["get"]!["summary"]);
        var described = ((JsonObject)document["components"]!["schemas"]!)
            .SelectMany(s => (s.Value!["properties"] as JsonObject ?? []).Select(p => (string?)p.Value?["description"]))
            .Count(d => !string.IsNullOrEmpty(d));
        Assert.True(described > 0, "no schema property carries a proto comment");
        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["bearer"]!["scheme"]);
    }

    /// <summary>
    /// An operation shown without a lock goes through without a token; one with a lock is refused (401) without one,
    /// by the gateway or by the service. Placeholders are filled with a value no record has: anonymous, so nothing changes.
    /// </summary>
    [Fact]
    public async Task The_lock_marks_agree_with_what_an_anonymous_caller_gets()
    {
        var document = await DocumentAsync();
        var wrong = new List<string>();
        foreach (var (path, operations) in (JsonObject)document["paths"]!)
        {
            foreach (var (verb, operation) in (JsonObject)operations!)
            {
                var locked = operation!["security"] is JsonArray { Count: > 0 };
                var url = Variable().Replace(path, "no-such-record");
                using var request = new HttpRequestMessage(new HttpMethod(verb.ToUpperInvariant()), url);
                if (verb is "post" or "put" or "patch")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                using var response = await hall.Http.SendAsync(request, Ct);
                if (locked != (response.StatusCode == HttpStatusCode.Unauthorized))
                {
                    wrong.Add($"{verb.ToUpperInvariant()} {path}: documented {(locked ? "with" : "without")} a token, anonymous got {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task The_reference_page_answers_html_that_reads_the_document()
    {
        // /api/docs redirects to /api/docs/, whose page loads its script from beside it and the document from the root.
        using var response = await hall.Http.GetAsync("/api/docs", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"url\":\"api/openapi.json\"", await response.Content.ReadAsStringAsync(Ct));
        using var script = await hall.Http.GetAsync("/api/docs/scalar.js", Ct);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Variable();
}
