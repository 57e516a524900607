namespace ServiceHall.Portal;

/// <summary>How long browsers keep what the portal serves, and the headers every page carries.</summary>
public static class BrowserCaching
{
    /// <summary>
    /// The stylesheet and script are linked with a version (?v=hash of the file), so a versioned address never changes
    /// content: browsers keep it a year and a page costs only its HTML after the first visit.
    /// </summary>
    public static StaticFileOptions StaticFiles() => new()
    {
        OnPrepareResponse = context =>
        {
            if (context.Context.Request.Query.ContainsKey("v"))
            {
                context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            }
        },
    };

    /// <summary>Pages are never framed by another site nor sniffed as another type, and send no address to other sites.</summary>
    public static IApplicationBuilder UsePageHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return next(context);
        });
}
