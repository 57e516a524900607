using Microsoft.AspNetCore.Http.Features;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Gateway;

/// <summary>
/// The largest request body: <see cref="Default"/> everywhere but on the upload paths, which take one whole file
/// (Applications:Materials:MaxFileBytes, Catalog:MaxGuideFileBytes and Credit:Import:MaxFileBytes, 10 MiB by default) as base64 in JSON, 4/3 larger, plus the rest of the request,
/// and the portal's form paths, whose forms carry several whole files at once (multipart, not base64): the apply form
/// (a file per material), the 补正 answer and the decision (ServiceHall.Portal's MaterialUploads.MaxFormBytes, 50 MiB).
/// </summary>
public sealed record BodyLimits(long Default, long Upload, IReadOnlyList<string> UploadPaths)
{
    /// <summary>The portal's forms with files; "*" stands for one path segment (an item's id, a tracking number).</summary>
    public static readonly string[] DefaultFormPaths = ["/items/*/apply", "/my/applications/*", "/work/cases/*"];

    public long Form { get; init; } = 50L * 1024 * 1024;

    public IReadOnlyList<string> FormPaths { get; init; } = DefaultFormPaths;

    public static readonly string[] DefaultUploadPaths =
    [
        "/api/applications/materials", "/servicehall.applications.v1.ApplicationsService/UploadMaterial",
        "/api/catalog/files", "/servicehall.catalog.v1.CatalogService/UploadGuideFile",
        // A credit import file (Credit:Import:MaxFileBytes, 10 MiB by default), whole.
        "/api/credit/imports", "/servicehall.credit.v1.CreditImportService/ImportRecords",
    ];

    public static BodyLimits From(IConfiguration configuration) => new(
        configuration.GetValue("Gateway:MaxRequestBodyBytes", 1_048_576L),
        configuration.GetValue("Gateway:MaxUploadBodyBytes", 15L * 1024 * 1024),
        configuration.GetSection("Gateway:UploadPaths").Get<string[]>() is { Length: > 0 } paths ? paths : DefaultUploadPaths)
    {
        Form = configuration.GetValue("Gateway:MaxFormBodyBytes", 50L * 1024 * 1024),
        FormPaths = configuration.GetSection("Gateway:FormPaths").Get<string[]>() is { Length: > 0 } forms ? forms : DefaultFormPaths,
    };

    public long For(PathString path) =>
        UploadPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)) ? Upload
        : FormPaths.Any(p => Matches(p, path.Value ?? "")) ? Form
        : Default;

    /// <summary>The same segments, "*" matching any one non-empty segment.</summary>
    static bool Matches(string pattern, string path)
    {
        var want = pattern.Split('/');
        var have = path.Split('/');
        return want.Length == have.Length
            && want.Zip(have).All(p => p.First == "*" ? p.Second.Length > 0 : p.First.Equals(p.Second, StringComparison.OrdinalIgnoreCase));
    }
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
