using OpenIddict.Abstractions;
using ServiceHall.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ServiceHall.Identity.Connect;

public static class OpenIddictRegistration
{
    /// <summary>
    /// The OpenID Connect server: authorization code with PKCE (required), refresh tokens, client credentials and
    /// the device authorization flow (a terminal gets a token while the person signs in on any browser);
    /// access tokens are signed, unencrypted JWTs for audience "servicehall", so every service validates them
    /// locally with JwtBearer.
    /// </summary>
    public static WebApplicationBuilder AddHallOpenIddict(this WebApplicationBuilder builder, IdentitySettings settings)
    {
        var folder = DataFolder.Of(builder.Configuration);
        var signingKey = PersistedKeys.LoadOrCreate(settings.SigningKeyFile ?? Path.Combine(folder, "identity-signing.pem"));
        var encryptionKey = PersistedKeys.LoadOrCreate(settings.EncryptionKeyFile ?? Path.Combine(folder, "identity-encryption.pem"));

        builder.Services.AddScoped<HallPrincipals>();
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetDeviceAuthorizationEndpointUris("connect/device")
                    .SetEndUserVerificationEndpointUris("connect/verify");
                o.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow().AllowDeviceAuthorizationFlow();
                o.RequireProofKeyForCodeExchange();
                // S256 only: a "plain" challenge is the verifier itself, readable by whoever sees the redirect.
                o.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, HallPrincipals.ServiceScope, HallPrincipals.CreditLookupScope);
                o.RegisterClaims(Claims.Subject, Claims.Name, Claims.PreferredUsername, Claims.Role, ServiceDefaults.HallClaims.ApplicantKind,
                    ServiceDefaults.HallClaims.CreditCode, ServiceDefaults.HallClaims.Department, ServiceDefaults.HallClaims.Organisation);
                o.SetAccessTokenLifetime(settings.AccessTokenLifetime).SetRefreshTokenLifetime(settings.RefreshTokenLifetime);
                if (settings.Issuer is { Length: > 0 } issuer)
                {
                    o.SetIssuer(new Uri(issuer, UriKind.Absolute));
                }
                o.AddSigningKey(signingKey).AddEncryptionKey(encryptionKey);
                o.DisableAccessTokenEncryption();

                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndUserVerificationEndpointPassthrough();
                if (!settings.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }

                o.AddEventHandler<ApplyRevocationResponseContext>(h => h.UseSingletonHandler<AuditedProtocolEvents>().SetOrder(AuditedProtocolEvents.Order));
                o.AddEventHandler<ApplyTokenResponseContext>(h => h.UseSingletonHandler<AuditedProtocolEvents>().SetOrder(AuditedProtocolEvents.Order));
                o.AddEventHandler<ApplyDeviceAuthorizationResponseContext>(h => h.UseSingletonHandler<AuditedProtocolEvents>().SetOrder(AuditedProtocolEvents.Order));
            });
        return builder;
    }
}
