using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ServiceHall.Identity.Account;
using ServiceHall.Identity.Data;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Identity.Connect;

/// <summary>
/// The device authorization flow's end-user verification (RFC 8628): a tool without a browser (servicehall-cli)
/// asks /connect/device for a user code, the person opens /connect/verify, signs in, checks the code and approves
/// or denies; the tool's polling of /connect/token then gets tokens or access_denied. OpenIddict has already
/// looked the user code up when these run; they decide who the tokens are for.
/// </summary>
public static class DeviceEndpoints
{
    const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;
    const string Path = "/connect/verify";

    public static WebApplication MapDeviceEndpoints(this WebApplication app)
    {
        app.MapGet(Path, ShowAsync);
        // The antiforgery token is checked by hand, so a stale page is shown again rather than a bare 400.
        app.MapPost(Path, DecideAsync).DisableAntiforgery();
        app.MapGet("/account/device/{outcome:regex(^(approved|denied)$)}", (string outcome) =>
            AccountEndpoints.Html(DeviceVerificationPage.Done(outcome == "approved")));
        return app;
    }

    static async Task<IResult> ShowAsync(HttpContext context, IAntiforgery antiforgery, UserManager<HallUser> users,
        IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not pass a verification request");
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            // Sign in first, then back here with the same user code.
            return Results.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        }
        if (string.IsNullOrEmpty(request.UserCode))
        {
            return AccountEndpoints.Html(DeviceVerificationPage.AskForCode(null, null));
        }
        var device = await DeviceRequestAsync(context);
        if (device is null)
        {
            return AccountEndpoints.Html(DeviceVerificationPage.AskForCode(request.UserCode, "用户码无效或已过期，请核对后重新输入，或在命令行工具中重新获取。"),
                StatusCodes.Status400BadRequest);
        }
        var tokens = antiforgery.GetAndStoreTokens(context);
        return AccountEndpoints.Html(DeviceVerificationPage.Confirm(await ClientNameAsync(applications, device), user.DisplayName ?? user.UserName ?? "",
            request.UserCode, tokens.FormFieldName, tokens.RequestToken));
    }

    static async Task<IResult> DecideAsync(HttpContext context, IAntiforgery antiforgery, UserManager<HallUser> users, AccountStatus accounts,
        HallPrincipals principals, AuditTrail audit)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not pass a verification request");
        var user = await users.GetUserAsync(context.User);
        if (user is null || accounts.IsDisabled(user))
        {
            return Results.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(Path + QueryString.Create("user_code", request.UserCode ?? "")));
        }
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return AccountEndpoints.Html(DeviceVerificationPage.AskForCode(request.UserCode, "页面已过期，请重新确认用户码。"), StatusCodes.Status400BadRequest);
        }
        var device = await DeviceRequestAsync(context);
        if (device is null)
        {
            return AccountEndpoints.Html(DeviceVerificationPage.AskForCode(request.UserCode, "用户码无效或已过期，请在命令行工具中重新获取。"),
                StatusCodes.Status400BadRequest);
        }
        var clientId = device.GetClaim(OpenIddictConstants.Claims.ClientId)!;
        var actor = user.UserName ?? user.Id;
        if (context.Request.Form["decision"] != "approve")
        {
            await audit.RecordAsync(actor, "device-verification", clientId, "Denied");
            // OpenIddict marks the device code as rejected: the tool's next poll gets access_denied.
            return Results.Forbid(new AuthenticationProperties { RedirectUri = "/account/device/denied" }, [Scheme]);
        }
        await audit.RecordAsync(actor, "device-verification", clientId, "OK", $"scopes {string.Join(' ', device.GetScopes())}");
        return Results.SignIn(await principals.ForUserAsync(user, device.GetScopes()),
            new AuthenticationProperties { RedirectUri = "/account/device/approved" }, Scheme);
    }

    /// <summary>
    /// The pending device request behind the user code, or null. For an unknown, expired or used user code OpenIddict
    /// still "succeeds" with an empty principal (so the page can show the typed code), hence the client_id test.
    /// </summary>
    static async Task<System.Security.Claims.ClaimsPrincipal?> DeviceRequestAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        return result is { Succeeded: true, Principal: { } principal } && !string.IsNullOrEmpty(principal.GetClaim(OpenIddictConstants.Claims.ClientId))
            ? principal
            : null;
    }

    static async Task<string> ClientNameAsync(IOpenIddictApplicationManager applications, System.Security.Claims.ClaimsPrincipal device)
    {
        var clientId = device.GetClaim(OpenIddictConstants.Claims.ClientId)!;
        var application = await applications.FindByClientIdAsync(clientId);
        return (application is null ? null : await applications.GetLocalizedDisplayNameAsync(application)) ?? clientId ?? "未知应用";
    }
}
