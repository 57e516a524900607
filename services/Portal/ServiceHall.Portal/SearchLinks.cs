using Microsoft.AspNetCore.WebUtilities;

namespace ServiceHall.Portal;

/// <summary>
/// The search page's address: the query and its filters. Facet links add or remove one filter (and start again at the
/// first page); the next-page link keeps them all. Facet names are the search service's, parameters the portal's.
/// </summary>
public sealed record SearchLinks(string Query, IReadOnlyDictionary<string, string> Filters)
{
    /// <summary>Search facet name → query parameter of /search, in the order they appear in links.</summary>
    public static readonly IReadOnlyList<(string Facet, string Parameter)> Parameters =
    [
        ("type", "type"), ("department", "department"), ("theme", "theme"), ("sector", "sector"), ("online_depth", "onlineDepth"),
    ];

    public static string ForQuery(string query) => Build(query, new Dictionary<string, string>(), null);

    public string With(string facet, string value) => Build(Query, new Dictionary<string, string>(Filters) { [facet] = value }, null);

    public string Without(string facet) => Build(Query, Filters.Where(f => f.Key != facet).ToDictionary(), null);

    public string Page(string pageToken) => Build(Query, Filters, pageToken);

    public string FirstPage => Build(Query, Filters, null);

    public bool IsSelected(string facet, string value) => Filters.TryGetValue(facet, out var selected) && selected == value;

    static string Build(string query, IReadOnlyDictionary<string, string> filters, string? pageToken)
    {
        var url = QueryHelpers.AddQueryString("/search", "q", query);
        foreach (var (facet, parameter) in Parameters)
        {
            if (filters.TryGetValue(facet, out var value) && value.Length > 0)
            {
                url = QueryHelpers.AddQueryString(url, parameter, value);
            }
        }
        return string.IsNullOrEmpty(pageToken) ? url : QueryHelpers.AddQueryString(url, "page", pageToken);
    }
}
