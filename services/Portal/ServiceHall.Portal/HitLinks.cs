using System.Text.RegularExpressions;
using ServiceHall.Search.V1;

namespace ServiceHall.Portal;

/// <summary>
/// Where a search hit leads in the portal: an item to its guide page; a public question to its item's page, at the
/// questions; anything else to the address the search service gives (a public JSON page, until the portal shows it).
/// </summary>
public static partial class HitLinks
{
    public static string For(SearchHit hit) => hit.Type switch
    {
        DocumentType.Item when hit.Id.Length > 0 => ItemPage(hit.Id),
        DocumentType.Qa when QuestionsOfItem().Match(hit.Url) is { Success: true } match => ItemPage(Uri.UnescapeDataString(match.Groups["item"].Value)) + "#questions",
        _ when hit.Url.Length > 0 => hit.Url,
        // Nothing to open: searching for the title at least finds it again with its neighbours.
        _ => SearchLinks.ForQuery(hit.Title),
    };

    public static string ItemPage(string itemId) => "/items/" + Uri.EscapeDataString(itemId);

    /// <summary>A question's address names its item: /api/catalog/items/{item}/questions.</summary>
    [GeneratedRegex("^/api/catalog/items/(?<item>[^/?#]+)/questions")]
    private static partial Regex QuestionsOfItem();
}
