using Microsoft.AspNetCore.Diagnostics;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Portal;

/// <summary>Where to go back to after signing in or switching elder mode: only a path of this site, never another site.</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        // "//host" and "/\host" are read by browsers as another site.
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>
    /// The page being shown, to come back to it (for an error page, the address that failed, not /error). A query that
    /// holds a resident ID number (typed into the search box) is left out: such a number is never echoed.
    /// </summary>
    public static string Current(HttpRequest request)
    {
        var (path, query) = request.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } original
            ? ($"{original.OriginalPathBase}{original.OriginalPath}", original.OriginalQueryString ?? "")
            : ($"{request.PathBase}{request.Path}", request.QueryString.Value ?? "");
        return PersonalNumbers.ContainsResidentId(Uri.UnescapeDataString(query.Replace('+', ' '))) ? path : path + query;
    }
}
