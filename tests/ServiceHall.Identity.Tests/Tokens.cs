using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ServiceHall.Identity.Tests;

/// <summary>Reads and checks the identity service's JWTs the way a hall service does.</summary>
public static class Tokens
{
    public const string Issuer = "http://localhost/";

    public static JsonWebToken Read(string jwt) => new JsonWebTokenHandler().ReadJsonWebToken(jwt);

    public static string Access(JsonElement tokenResponse) => tokenResponse.GetProperty("access_token").GetString()!;

    /// <summary>Validates signature, issuer, audience and lifetime against the keys the service publishes.</summary>
    public static async Task<TokenValidationResult> ValidateAsync(string jwt, IEnumerable<SecurityKey> keys) =>
        await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = "servicehall",
            IssuerSigningKeys = keys,
            ClockSkew = TimeSpan.Zero,
        });

    public static async Task<IList<SecurityKey>> PublishedKeysAsync(Browser browser)
    {
        var discovery = JsonDocument.Parse(await browser.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        var jwksUri = new Uri(discovery.GetProperty("jwks_uri").GetString()!);
        return new JsonWebKeySet(await browser.GetStringAsync(jwksUri.PathAndQuery)).GetSigningKeys();
    }

    /// <summary>A key the identity service never had, to show that validation really checks the signature.</summary>
    public static SecurityKey StrangerKey() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = "stranger" };
}
