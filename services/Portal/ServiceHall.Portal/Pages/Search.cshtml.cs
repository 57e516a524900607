using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using ServiceHall.Search.V1;
using ServiceHall.ServiceDefaults;
using Depth = ServiceHall.Catalog.V1.OnlineDepth;
using Sector = ServiceHall.Disclosures.V1.Sector;
using SearchClient = ServiceHall.Search.V1.SearchService.SearchServiceClient;

namespace ServiceHall.Portal.Pages;

/// <summary>
/// Search results: hits with marked snippets and why they matched, facets, "did you mean", related searches when few
/// hits match, paging. When search is down the page says so and offers browsing, which needs only the catalog.
/// </summary>
public sealed class SearchModel(SearchClient search, HallCalls calls) : PortalPage
{
    /// <summary>The search service's own limit; longer text is refused before it is sent.</summary>
    public const int MaxQueryLength = 100;
    public const int PageSize = 10;
    /// <summary>Fewer hits than this, and related searches are offered.</summary>
    public const int FewHits = 3;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public int? OnlineDepth { get; set; }
    /// <summary>?page= (read from the query: "page" is also Razor Pages' own route value, the page's name).</summary>
    public string? PageToken => Request.Query["page"].FirstOrDefault();

    public SearchOutcome Outcome { get; private set; } = SearchOutcome.NoQuery;
    public SearchResponse? Result { get; private set; }
    public IReadOnlyList<Suggestion> Related { get; private set; } = [];
    public SearchLinks Links { get; private set; } = new("", new Dictionary<string, string>());

    /// <summary>What goes back into the search box: never a resident ID number (it is not echoed anywhere).</summary>
    public string ShownQuery => Outcome == SearchOutcome.PersonalNumber ? "" : Query ?? "";

    public async Task OnGetAsync()
    {
        var query = (Query ?? "").Trim();
        var filters = new Dictionary<string, string>();
        void Filter(string facet, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                filters[facet] = value.Trim();
            }
        }
        Filter("type", Type);
        Filter("department", Department);
        Filter("theme", Theme);
        Filter("sector", Sector);
        Filter("online_depth", OnlineDepth is >= 1 and <= 4 ? OnlineDepth.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Links = new SearchLinks(query, filters);

        if (query.Length == 0)
        {
            Outcome = SearchOutcome.NoQuery;
            return;
        }
        if (PersonalNumbers.ContainsResidentId(query))
        {
            // The search service refuses these too; the portal does not even send one.
            Outcome = SearchOutcome.PersonalNumber;
            return;
        }
        if (query.Length > MaxQueryLength)
        {
            Outcome = SearchOutcome.TooLong;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (!SearchLinks.TryParse(Type, out DocumentType type) || !SearchLinks.TryParse(Sector, out Sector sector))
        {
            // An old or hand-made link with a type or sector nobody knows: say so, and offer the plain query.
            Outcome = SearchOutcome.Refused;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var request = new SearchRequest
        {
            Q = query,
            PageSize = PageSize,
            PageToken = PageToken ?? "",
            Type = type,
            Department = Department?.Trim() ?? "",
            Theme = Theme?.Trim() ?? "",
            Sector = sector,
            OnlineDepth = OnlineDepth is >= 1 and <= 4 ? (Depth)OnlineDepth.Value : Depth.Unspecified,
        };
        // Asked together: completions cost little and are there when the hits turn out few.
        using var searching = search.SearchAsync(request, calls.Public(HttpContext));
        using var suggesting = search.SuggestAsync(new SuggestRequest { Q = query, Limit = 8 }, calls.Public(HttpContext));
        try
        {
            Result = await searching.ResponseAsync;
            Outcome = SearchOutcome.Answered;
        }
        catch (RpcException e) when (ServiceTroubles.Of(e) is { } trouble)
        {
            Outcome = trouble == ServiceTrouble.Slow ? SearchOutcome.Slow : SearchOutcome.Unavailable;
            return;
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.InvalidArgument)
        {
            // An old page link or a filter the service does not know: say so, and offer the plain query.
            Outcome = SearchOutcome.Refused;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (Result.Hits.Count < FewHits)
        {
            try
            {
                Related = (await suggesting.ResponseAsync).Suggestions.Where(s => s.Text != query).ToList();
            }
            catch (RpcException)
            {
                // Related searches are a nicety; without them the page is complete.
            }
        }
    }
}

public enum SearchOutcome
{
    NoQuery,
    Answered,
    PersonalNumber,
    TooLong,
    Refused,
    Slow,
    Unavailable,
}
