using System.Net;
using System.Text.RegularExpressions;

namespace ServiceHall.Portal.Tests;

/// <summary>Reading rendered pages in tests.</summary>
public static partial class Pages
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(HttpStatusCode Status, string Html)> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The text of the first element with this class (tags kept, entities decoded), or null.</summary>
    public static string? Element(string html, string tag, string cssClass)
    {
        var match = Regex.Match(html, $"<{tag}[^>]*class=\"{Regex.Escape(cssClass)}\"[^>]*>(.*?)</{tag}>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public static IReadOnlyList<string> Elements(string html, string tag, string cssClass) =>
        Regex.Matches(html, $"<{tag}[^>]*class=\"{Regex.Escape(cssClass)}\"[^>]*>(.*?)</{tag}>", RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    public static int Count(string html, string text) => Regex.Matches(html, Regex.Escape(text)).Count;

    /// <summary>The section with this id (up to its closing tag; sections are not nested).</summary>
    public static string Section(string html, string id)
    {
        var match = Regex.Match(html, $"<section id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</section>", RegexOptions.Singleline);
        Assert.True(match.Success, $"the page has no section #{id}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
