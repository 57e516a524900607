using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Portal;

/// <summary>
/// Citizens sign in at the hall's identity service (OpenID Connect code flow with PKCE); the portal keeps the session
/// in its own cookie together with the tokens, and calls services with the access token on the citizen's behalf.
/// Authority: Identity:Authority, else the identity service's address (services:identity:http:0).
/// </summary>
public static class PortalSignIn
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string IdentityScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static WebApplicationBuilder AddPortalSignIn(this WebApplicationBuilder builder, PortalSettings settings)
    {
        var authority = builder.Configuration["Identity:Authority"] ?? builder.Configuration["services:identity:http:0"];
        var authentication = builder.Services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = CookieScheme;
                o.DefaultChallengeScheme = IdentityScheme;
            })
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "servicehall.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurity(settings);
                // As long as the refresh token lives: past it, the access token can no longer be renewed.
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = false;
                o.EventsType = typeof(SessionTokenRefresh);
            });
        // The antiforgery cookie guards every form: over HTTPS only as well.
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurity(settings));
        builder.Services.AddScoped<SessionTokenRefresh>();
        builder.Services.AddSessionTickets();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new SignInAvailability(authority is not null));
        builder.Services.AddAuthorization();
        if (authority is null)
        {
            // Public pages work without one; /signin then explains that signing in is not available.
            builder.Services.AddHostedService<MissingAuthorityWarning>();
            return builder;
        }

        authentication.AddOpenIdConnect(IdentityScheme, o =>
        {
            o.Authority = authority;
            o.RequireHttpsMetadata = authority.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The code comes back in the query string, a top-level GET that SameSite=Lax cookies accompany, so a
            // local hall on plain HTTP works (form_post would need SameSite=None, which browsers refuse without https).
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurity(settings);
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurity(settings);
            o.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile", "roles", "offline_access", HallAuthentication.DefaultAudience })
            {
                o.Scope.Add(scope);
            }
            o.SaveTokens = true;
            o.CallbackPath = "/signin-oidc";
            o.SignedOutCallbackPath = "/signout-callback-oidc";
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = HallClaims.Name;
            o.TokenValidationParameters.RoleClaimType = HallClaims.Role;
            o.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                // The identity service lets the portal come back to its home page after signing out (the address it
                // registers for the portal), so people land on the home page, signed out.
                var request = context.HttpContext.Request;
                context.ProtocolMessage.PostLogoutRedirectUri = $"{request.Scheme}://{request.Host}{request.PathBase}/";
                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = context =>
            {
                // Cancelled at the identity service, an expired attempt, a refused code: say so kindly, no stack trace.
                context.HttpContext.RequestServices.GetRequiredService<ILogger<SignInAvailability>>()
                    .LogWarning(context.Failure, "Sign-in did not complete");
                context.Response.Redirect("/error/signin");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>
    /// The session cookie is the session, the correlation and nonce cookies guard the sign-in, the antiforgery cookie
    /// guards the forms: only over HTTPS,
    /// unless Portal:RequireHttps=false (the local hall on plain-HTTP loopback), where they follow the request.
    /// </summary>
    static CookieSecurePolicy CookieSecurity(PortalSettings settings) =>
        settings.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    sealed class MissingAuthorityWarning(ILogger<MissingAuthorityWarning> logger) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken)
        {
            logger.LogWarning("No Identity:Authority or services:identity:http:0 configured: nobody can sign in to the portal");
            return Task.CompletedTask;
        }
    }
}

/// <summary>Whether an identity provider is configured, so signing in can be offered.</summary>
public sealed record SignInAvailability(bool Available);
