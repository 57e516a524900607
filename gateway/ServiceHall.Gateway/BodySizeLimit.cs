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
            await context.Response.WriteAsJsonAsync(new { message = $"The request body is {context.Request.ContentLength} bytes; the limit is {maxBytes}." });
            return;
        }
        await next(context);
    }
}
