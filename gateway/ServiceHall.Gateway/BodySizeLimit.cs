using ServiceHall.ServiceDefaults;

namespace ServiceHall.Gateway;

/// <summary>
/// Refuses a request whose declared body is over the limit with 413 and a message, before any service sees it.
/// Bodies without a declared length are cut off by Kestrel's own limit (the same number).
/// </summary>
public sealed class BodySizeLimit(RequestDelegate next, long maxBytes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.Response.WriteAsJsonAsync(new { message = $"请求内容有{context.Request.ContentLength}字节，超过上限{maxBytes}字节" }, ReadableJson.Options);
            return;
        }
        await next(context);
    }
}
