using Microsoft.AspNetCore.Http.Features;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Gateway;

/// <summary>
/// The largest request body: <see cref="Default"/> everywhere but on the upload paths, which take one whole file
/// (Applications:Materials:MaxFileBytes and Catalog:MaxGuideFileBytes, 10 MiB by default) as base64 in JSON, 4/3 larger, plus the rest of the request.
/// </summary>
public sealed record BodyLimits(long Default, long Upload, IReadOnlyList<string> UploadPaths)
{
    public static readonly string[] DefaultUploadPaths =
    [
        "/api/applications/materials", "/servicehall.applications.v1.ApplicationsService/UploadMaterial",
        "/api/catalog/files", "/servicehall.catalog.v1.CatalogService/UploadGuideFile",
    ];

    public static BodyLimits From(IConfiguration configuration) => new(
        configuration.GetValue("Gateway:MaxRequestBodyBytes", 1_048_576L),
        configuration.GetValue("Gateway:MaxUploadBodyBytes", 15L * 1024 * 1024),
        configuration.GetSection("Gateway:UploadPaths").Get<string[]>() is { Length: > 0 } paths ? paths : DefaultUploadPaths);

    public long For(PathString path) =>
        UploadPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)) ? Upload : Default;
}

/// <summary>
/// Refuses a request whose declared body is over its path's limit with 413 and a message, before any service sees
/// it. Bodies without a declared length (gRPC's streams) are cut off by Kestrel at the same number, set per request.
/// </summary>
public sealed class BodySizeLimit(RequestDelegate next, BodyLimits limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var maxBytes = limits.For(context.Request.Path);
        if (context.Request.ContentLength > maxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.Response.WriteAsJsonAsync(new { message = $"请求内容有{context.Request.ContentLength}字节，超过上限{maxBytes}字节" }, ReadableJson.Options);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }
        await next(context);
    }
}
