using System.Security.Claims;
using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Testing;

/// <summary>Someone calling a service in a unit test: the claims the identity service would put in their token.</summary>
public sealed record TestUser(string Subject, IReadOnlyList<string> Roles, string Department = "", string Organisation = "", string CreditCode = "", string ApplicantKind = "",
    string VerifiedName = "", string VerifiedIdNumber = "", string ClientId = "", string Scope = "")
{
    public static TestUser Person(string subject = "person-a") => new(subject, [HallRoles.Applicant], ApplicantKind: "person");
    public static TestUser Business(string creditCode, string subject = "business-a") => new(subject, [HallRoles.Applicant], CreditCode: creditCode, ApplicantKind: "business");
    public static TestUser Officer(string department, string subject = "officer-a") => new(subject, [HallRoles.Officer], Department: department);
    public static TestUser CreditEditor(string department, string subject = "credit-editor-a") => new(subject, [HallRoles.CreditEditor], Department: department);
    public static TestUser Publisher(string organisation, string subject = "publisher-a") => new(subject, [HallRoles.Publisher], Organisation: organisation);
    public static TestUser Supervisor(string subject = "supervisor-a") => new(subject, [HallRoles.Supervisor]);
    public static TestUser Administrator(string subject = "administrator-a") => new(subject, [HallRoles.Administrator]);
    /// <summary>A machine client (client credentials): signed in, no user role.</summary>
    public static TestUser Machine(string clientId = "bank-credit-check") => new(clientId, []);
    /// <summary>An institution's client of the credit open API: client id and the credit.lookup scope, as the identity service issues them.</summary>
    public static TestUser CreditClient(string clientId = "bank-credit-check") => new(clientId, [], ClientId: clientId, Scope: "servicehall " + HallScopes.CreditLookup);
}

/// <summary>
/// Tokens for in-process service tests, signed with a key of the test run; <see cref="Trust"/> makes a hosted
/// service accept them the way it accepts the identity service's tokens (same audience, same claim names).
/// The end-to-end tests use the real identity service instead.
/// </summary>
public static class TestIdentity
{
    public const string Issuer = "https://identity.test/";
    static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };

    /// <param name="tokenType">The JWT "typ" header: an access token's by default; "JWT" makes it look like an identity token.</param>
    public static string Token(TestUser user, TimeSpan? lifetime = null, string audience = HallAuthentication.DefaultAudience,
        string tokenType = HallAuthentication.AccessTokenType)
    {
        var claims = new List<Claim> { new(HallClaims.Subject, user.Subject), new(HallClaims.Name, user.Subject) };
        claims.AddRange(user.Roles.Select(r => new Claim(HallClaims.Role, r)));
        foreach (var (type, value) in new[] { (HallClaims.Department, user.Department), (HallClaims.Organisation, user.Organisation),
                     (HallClaims.CreditCode, user.CreditCode), (HallClaims.ApplicantKind, user.ApplicantKind),
                     (HallClaims.VerifiedName, user.VerifiedName), (HallClaims.VerifiedIdNumber, user.VerifiedIdNumber),
                     (HallClaims.ClientId, user.ClientId), (HallScopes.Claim, user.Scope) })
        {
            if (value.Length > 0)
            {
                claims.Add(new Claim(type, value));
            }
        }
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            TokenType = tokenType,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expires < now ? expires.AddMinutes(-1) : now,
            IssuedAt = expires < now ? expires.AddMinutes(-1) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Makes the service's bearer validation trust the test key instead of fetching an authority's keys.</summary>
    public static void Trust(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.Authority = null;
            o.Configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            o.TokenValidationParameters.ValidIssuer = Issuer;
            o.TokenValidationParameters.IssuerSigningKey = Key;
            o.TokenValidationParameters.ClockSkew = TimeSpan.Zero;
        });

    /// <summary>A call invoker that sends the user's token with every call.</summary>
    public static CallInvoker As(this CallInvoker invoker, TestUser user) =>
        invoker.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + Token(user));
            return metadata;
        });
}
