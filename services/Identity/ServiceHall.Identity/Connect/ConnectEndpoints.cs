using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ServiceHall.Identity.Account;
using ServiceHall.Identity.Data;
using ServiceHall.ServiceDefaults;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ServiceHall.Identity.Connect;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through to the hall: it has already validated the request
/// (client, redirect URI, PKCE, secret, grant); these decide who the token is for and what it says.
/// Revocation, introspection, discovery and the key set are OpenIddict's own.
/// </summary>
public static class ConnectEndpoints
{
    const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static WebApplication MapConnectEndpoints(this WebApplication app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeAsync).DisableAntiforgery();
        app.MapPost("/connect/token", TokenAsync).DisableAntiforgery();
        app.MapMethods("/connect/endsession", ["GET", "POST"], EndSessionAsync).DisableAntiforgery();
        app.MapMethods("/connect/userinfo", ["GET", "POST"], UserInfoAsync).DisableAntiforgery();
        return app;
    }

    static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<HallUser> users, AccountStatus accounts, HallPrincipals principals)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not pass an authorization request");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;
        if (user is null || accounts.IsDisabled(user) || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }
            return Results.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(ReturnUrl(context, request)));
        }
        return Results.SignIn(await principals.ForUserAsync(user, request.GetScopes()), authenticationScheme: Scheme);
    }

    /// <summary>This authorization request again (GET or POST), without prompt, so signing in does not loop back to the page.</summary>
    static string ReturnUrl(HttpContext context, OpenIddictRequest request)
    {
        var parameters = request.GetParameters()
            .Where(p => p.Key != Parameters.Prompt)
            .Select(p => new KeyValuePair<string, string?>(p.Key, (string?)p.Value));
        return context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
    }

    static async Task<IResult> TokenAsync(HttpContext context, UserManager<HallUser> users, AccountStatus accounts, HallPrincipals principals,
        OpenIddict.Abstractions.IOpenIddictApplicationManager applications, AuditTrail audit)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not pass a token request");
        var grant = request.GrantType ?? "";
        var clientId = request.ClientId ?? "";

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(clientId);
            var displayName = application is null ? null : await applications.GetDisplayNameAsync(application);
            await audit.RecordAsync(clientId, "token", clientId, "OK", $"grant {grant}");
            return Results.SignIn(HallPrincipals.ForClient(clientId, displayName, request.GetScopes()), authenticationScheme: Scheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType() || request.IsDeviceCodeGrantType())
        {
            // The code, approved device code or refresh token is valid; the account behind it must still be able to sign in.
            var granted = (await context.AuthenticateAsync(Scheme)).Principal;
            var user = granted?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (user is null || accounts.IsDisabled(user))
            {
                var why = user is null ? "The account no longer exists." : "The account is disabled.";
                await audit.RecordAsync(user?.UserName ?? "unknown user", "token", clientId, "Refused", $"grant {grant}: {why}");
                return Refuse(Errors.InvalidGrant, why);
            }
            await audit.RecordAsync(user.UserName ?? user.Id, "token", clientId, "OK", $"grant {grant}");
            return Results.SignIn(await principals.ForUserAsync(user, granted!.GetScopes()), authenticationScheme: Scheme);
        }

        return Refuse(Errors.UnsupportedGrantType, $"The grant type '{grant}' is not supported.");
    }

    /// <summary>
    /// RP-initiated logout. A client proves the request is its own with id_token_hint (the portal sends it); without
    /// one naming the signed-in user, anyone's page could sign the user out, so the user confirms with a button
    /// (a POST with the antiforgery token) first.
    /// </summary>
    static async Task<IResult> EndSessionAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<HallUser> signIns, AuditTrail audit)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not pass an end session request");
        var user = await signIns.UserManager.GetUserAsync(context.User);
        if (user is not null && !await ConfirmedAsync(context, antiforgery, user))
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return AccountEndpoints.Html(HallPage.Layout("退出登录", $"""
                <h1>退出登录</h1>
                <p>应用请求退出县政务服务网统一身份认证。</p>
                <form method="post" action="{HallPage.Encode(context.Request.PathBase + context.Request.Path)}">
                {string.Concat(request.GetParameters().Where(p => p.Key != ConfirmField && p.Key != "__RequestVerificationToken")
                    .Select(p => $"""<input type="hidden" name="{HallPage.Encode(p.Key)}" value="{HallPage.Encode((string?)p.Value)}">"""))}
                {HallPage.Antiforgery(tokens.FormFieldName, tokens.RequestToken)}
                <button type="submit" name="{ConfirmField}" value="yes">退出登录</button>
                </form>
                """));
        }
        await signIns.SignOutAsync();
        if (user is not null)
        {
            await audit.RecordAsync(user.UserName ?? user.Id, "sign-out", user.Id, "OK", "end session");
        }
        // OpenIddict redirects to the client's registered post_logout_redirect_uri when the request named one.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/logout" }, [Scheme]);
    }

    const string ConfirmField = "confirm_sign_out";

    static async Task<bool> ConfirmedAsync(HttpContext context, IAntiforgery antiforgery, HallUser user)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
            && context.Request.Form[ConfirmField] == "yes" && await antiforgery.IsRequestValidAsync(context))
        {
            return true;
        }
        // For an end session request OpenIddict authenticates the id_token_hint, when there is a valid one.
        var hint = (await context.AuthenticateAsync(Scheme)).Principal;
        return hint?.GetClaim(Claims.Subject) == user.Id;
    }

    static async Task<IResult> UserInfoAsync(HttpContext context, UserManager<HallUser> users)
    {
        var token = (await context.AuthenticateAsync(Scheme)).Principal;
        var user = token?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (token is null || user is null)
        {
            return Results.Challenge(ErrorProperties(Errors.InvalidToken, "The account behind this token no longer exists."), [Scheme]);
        }
        var claims = new Dictionary<string, object?> { [Claims.Subject] = user.Id };
        if (token.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
            claims[Claims.PreferredUsername] = user.UserName;
        }
        if (token.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = await users.GetRolesAsync(user);
        }
        if (token.HasScope(HallPrincipals.ServiceScope))
        {
            foreach (var (type, value) in new[] { (HallClaims.ApplicantKind, user.ApplicantKind), (HallClaims.CreditCode, user.CreditCode),
                         (HallClaims.Department, user.Department), (HallClaims.Organisation, user.Organisation) })
            {
                if (!string.IsNullOrEmpty(value))
                {
                    claims[type] = value;
                }
            }
        }
        return Results.Ok(claims);
    }

    static IResult Refuse(string error, string description) =>
        Results.Forbid(ErrorProperties(error, description), [Scheme]);

    static AuthenticationProperties ErrorProperties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
