using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// Every service and the gateway validate the hall's access tokens themselves (defence in depth): signed JWTs
/// from the identity service, or from any OpenID Connect provider named by configuration alone:
/// Identity:Authority (defaults to the embedded identity service's address), Identity:Audience ("servicehall"),
/// Identity:AccessTokenTypes (the accepted JWT "typ" headers: at+jwt, or what another provider types its access tokens).
/// The fallback policy requires a signed-in caller, so an endpoint is public only where it says so.
/// </summary>
public static class HallAuthentication
{
    public const string DefaultAudience = "servicehall";

    /// <summary>The JWT header type of an access token (RFC 9068), what the hall's identity service issues.</summary>
    public const string AccessTokenType = "at+jwt";

    public static WebApplicationBuilder AddHallAuthentication(this WebApplicationBuilder builder)
    {
        var authority = builder.Configuration["Identity:Authority"] ?? builder.Configuration["services:identity:http:0"];
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = authority;
            o.Audience = builder.Configuration["Identity:Audience"] ?? DefaultAudience;
            // Plain HTTP only for a loopback or in-cluster authority the operator chose; https is the default.
            o.RequireHttpsMetadata = builder.Configuration.GetValue("Identity:RequireHttpsMetadata", authority?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ?? true);
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = HallClaims.Name;
            o.TokenValidationParameters.RoleClaimType = HallClaims.Role;
            o.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(builder.Configuration.GetValue("Identity:ClockSkewSeconds", 30));
            // Only access tokens (RFC 9068, typ at+jwt) open a service: an identity token, or any other JWT the provider
            // signs for the same audience, says who someone is to a client, not what they may do here.
            o.TokenValidationParameters.ValidTypes = builder.Configuration.GetSection("Identity:AccessTokenTypes").Get<string[]>() is { Length: > 0 } types
                ? types
                : [AccessTokenType];
        });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        if (authority is null)
        {
            // Without an authority no token validates: only the explicitly public endpoints answer.
            builder.Services.AddHostedService<MissingAuthorityWarning>();
        }
        return builder;
    }

    sealed class MissingAuthorityWarning(ILogger<MissingAuthorityWarning> logger) : Microsoft.Extensions.Hosting.BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken)
        {
            logger.LogWarning("No Identity:Authority configured: every signed-in operation will be refused");
            return Task.CompletedTask;
        }
    }
}
