using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace ServiceHall.Portal;

/// <summary>
/// Access tokens live minutes (README: 10), a portal session hours: shortly before the access token expires, the
/// session's refresh token buys a new one, so a citizen who reads a long guide can still ask a question. A refresh
/// the identity service refuses ends the session (the next protected page signs in again); an identity service that
/// does not answer leaves the session as it is, and the service call then says the sign-in has expired.
/// </summary>
public sealed class SessionTokenRefresh(
    IOptionsMonitor<OpenIdConnectOptions> oidc, TimeProvider clock, ILogger<SessionTokenRefresh> logger) : CookieAuthenticationEvents
{
    static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var properties = context.Properties;
        if (!DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt)
            || expiresAt - clock.GetUtcNow() > Margin)
        {
            return;
        }
        var refreshToken = properties.GetTokenValue("refresh_token");
        if (string.IsNullOrEmpty(refreshToken))
        {
            await EndSessionAsync(context);
            return;
        }
        var options = oidc.Get(PortalSignIn.IdentityScheme);
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
            using var response = await options.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = options.ClientId!,
                ["client_secret"] = options.ClientSecret!,
            }), context.HttpContext.RequestAborted);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogInformation("The identity service refused to refresh the session's token ({Status}); the session ends", (int)response.StatusCode);
                await EndSessionAsync(context);
                return;
            }
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(context.HttpContext.RequestAborted));
            var tokens = json.RootElement;
            properties.UpdateTokenValue("access_token", tokens.GetProperty("access_token").GetString()!);
            if (tokens.TryGetProperty("refresh_token", out var renewed) && renewed.GetString() is { Length: > 0 } next)
            {
                properties.UpdateTokenValue("refresh_token", next);
            }
            var lifetime = tokens.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300;
            properties.UpdateTokenValue("expires_at", clock.GetUtcNow().AddSeconds(lifetime).ToString("o", CultureInfo.InvariantCulture));
            context.ShouldRenew = true;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or JsonException or KeyNotFoundException
            or TaskCanceledException)
        {
            logger.LogWarning(e, "Could not refresh the session's access token; keeping the session as it is");
        }
    }

    static async Task EndSessionAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(PortalSignIn.CookieScheme);
    }
}
