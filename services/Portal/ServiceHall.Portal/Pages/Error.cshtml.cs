using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceHall.Portal.Pages;

/// <summary>
/// The portal's own page for every failure and bare status code (404, 400, 403, a failed sign-in, an exception), in
/// the reader's language, with ways on; never a raw framework error page.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Kind { get; private set; } = "error";

    public void OnGet(string? code) => Describe(code);

    // A failed post (a stale antiforgery token) is re-executed with its own method.
    public void OnPost(string? code) => Describe(code);

    void Describe(string? code)
    {
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { Error: { } error } failure)
        {
            logger.LogError(error, "Unhandled error on {Path}", failure.Path);
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            Kind = "error";
            return;
        }
        Kind = code switch
        {
            "404" or "405" => "not-found",
            "400" => "bad-request",
            "401" or "403" => "forbidden",
            "503" => "unavailable",
            "signin" => "signin",
            _ => "error",
        };
        if (code == "signin")
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            // Reached directly (/error/404) rather than re-executed: answer with the status it describes.
            Response.StatusCode = int.TryParse(code, out var status) && status is >= 400 and <= 599 ? status : StatusCodes.Status500InternalServerError;
        }
    }
}
