using ServiceHall.ServiceDefaults;

namespace ServiceHall.Search;

/// <summary>
/// JSON transcoding ignores query parameters it does not know; a misspelt filter (?tpye=item) would then silently
/// widen the search. Search answers 400 naming the parameter instead (GOV.UK's rule).
/// </summary>
public static class UnknownParameters
{
    static readonly Dictionary<string, HashSet<string>> Allowed = new(StringComparer.Ordinal)
    {
        ["/api/search"] = new(StringComparer.Ordinal)
        {
            "q", "pageSize", "page_size", "pageToken", "page_token", "type", "department", "theme", "sector", "onlineDepth", "online_depth", "explain",
        },
        ["/api/search/suggest"] = new(StringComparer.Ordinal) { "q", "limit" },
    };

    public static IApplicationBuilder UseUnknownParametersAsBadRequest(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
            if (Allowed.TryGetValue(path, out var allowed))
            {
                var unknown = context.Request.Query.Keys.Where(k => !allowed.Contains(k)).ToList();
                var repeated = context.Request.Query.Where(p => p.Value.Count > 1).Select(p => p.Key).ToList();
                if (unknown.Count > 0 || repeated.Count > 0)
                {
                    var message = unknown.Count > 0
                        ? $"未知参数 {string.Join("、", unknown.Select(Quote))}；可用的参数：{string.Join(", ", allowed.Where(a => !a.Contains('_')))}"
                        : $"参数 {string.Join("、", repeated.Select(Quote))} 重复出现";
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    // The shape JSON transcoding gives its own errors: code 3 is INVALID_ARGUMENT.
                    await context.Response.WriteAsJsonAsync(new { code = 3, message, details = Array.Empty<object>() }, ReadableJson.Options);
                    return;
                }
            }
            await next(context);
        });

    /// <summary>Parameter names come from the caller: shown clipped, never whole if long.</summary>
    static string Quote(string name) => $"'{(name.Length > 30 ? name[..30] + "…" : name)}'";
}
