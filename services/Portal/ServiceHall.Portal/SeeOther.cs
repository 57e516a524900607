using Microsoft.AspNetCore.Mvc;

namespace ServiceHall.Portal;

/// <summary>303 See Other: after a form is posted, the browser fetches the next page with GET (no re-post on reload).</summary>
public sealed class SeeOther(string location) : IResult, IActionResult
{
    public string Location => location;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
