using Microsoft.AspNetCore.WebUtilities;
using ServiceHall.Catalog.V1;
using ServiceHall.Disclosures.V1;
using ServiceHall.Search.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Portal;

/// <summary>
/// The search page's address: the query and its filters. Facet links add or remove one filter (and start again at the
/// first page); the next-page link keeps them all. Facet names are the search service's, parameters the portal's.
/// Filter values are the address's words (type=item, sector=social-insurance, onlineDepth=4), short enough to read and
/// share; the search service names the enum facets' values as the contract does (DOCUMENT_TYPE_ITEM).
/// </summary>
public sealed record SearchLinks(string Query, IReadOnlyDictionary<string, string> Filters)
{
    /// <summary>Search facet name → query parameter of /search, in the order they appear in links.</summary>
    public static readonly IReadOnlyList<(string Facet, string Parameter)> Parameters =
    [
        ("type", "type"), ("department", "department"), ("theme", "theme"), ("sector", "sector"), ("online_depth", "onlineDepth"),
    ];

    /// <summary>The address's word for a facet value the search service sent.</summary>
    public static string Word(string facet, string value) => facet switch
    {
        "type" when EnumWords.TryParseProtoName<DocumentType>(value, out var type) => EnumWords.Of(type),
        "sector" when EnumWords.TryParseProtoName<Sector>(value, out var sector) => EnumWords.Of(sector, '-'),
        "online_depth" when EnumWords.TryParseProtoName<OnlineDepth>(value, out var depth) => ((int)depth).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>The type an address asks for; none is Unspecified, an unknown word is false.</summary>
    public static bool TryParse(string? word, out DocumentType type) => TryParse(word, '_', out type);

    public static bool TryParse(string? word, out Sector sector) => TryParse(word, '-', out sector);

    static bool TryParse<TEnum>(string? word, char separator, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return string.IsNullOrWhiteSpace(word) || EnumWords.TryParse(word.Trim(), separator, out value);
    }

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
