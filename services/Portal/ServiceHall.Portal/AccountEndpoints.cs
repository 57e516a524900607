using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace ServiceHall.Portal;

/// <summary>GET /signin?returnUrl= starts signing in at the identity service; POST /signout ends the session there too.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapGet("/signin", (HttpContext http, SignInAvailability signIn, string? returnUrl) =>
        {
            var target = LocalUrl.OrHome(returnUrl);
            if (http.User.Identity?.IsAuthenticated == true)
            {
                return Results.Redirect(target);
            }
            return signIn.Available
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [PortalSignIn.IdentityScheme])
                : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });

        app.MapPost("/signout", async (HttpContext http, IAntiforgery antiforgery, SignInAvailability signIn, ILogger<SignInAvailability> logger) =>
        {
            // Signing out is a change made for the user: only from the portal's own form (cross-site posts are refused).
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }
            var signedIn = http.User.Identity?.IsAuthenticated == true;
            await http.SignOutAsync(PortalSignIn.CookieScheme);
            if (signedIn && signIn.Available)
            {
                try
                {
                    // Ends the identity service's session too, which then sends the browser back to the home page.
                    await http.SignOutAsync(PortalSignIn.IdentityScheme, new AuthenticationProperties { RedirectUri = "/" });
                    return Results.Empty;
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
                {
                    // The portal's session is over either way; the identity service's own session ends on its expiry.
                    logger.LogWarning(e, "Could not reach the identity service to end its session");
                }
            }
            return new SeeOther("/");
        });
    }
}
