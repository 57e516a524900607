using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServiceHall.Portal.Tests;

/// <summary>
/// Stands in for the OpenID Connect session in tests: a request with X-Test-User: sub|name|role is signed in as that
/// user (each part percent-encoded, as headers carry ASCII only), with the access token "token-of-{sub}" saved the way the real session saves it.
/// </summary>
public sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";

    public static string AccessTokenOf(string subject) => "token-of-" + subject;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[Header].ToString() is not { Length: > 0 } user)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var parts = user.Split('|').Select(Uri.UnescapeDataString).ToArray();
        var identity = new ClaimsIdentity(
            [new Claim("sub", parts[0]), new Claim("name", parts[1]), .. parts.Skip(2).Select(r => new Claim("role", r))],
            SchemeName, "name", "role");
        var properties = new AuthenticationProperties();
        properties.StoreTokens([
            new AuthenticationToken { Name = "access_token", Value = AccessTokenOf(parts[0]) },
            new AuthenticationToken { Name = "id_token", Value = "id-token-of-" + parts[0] },
        ]);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, SchemeName)));
    }
}

/// <summary>Who signs in, in tests; the demo accounts' kinds (README).</summary>
public sealed record TestUser(string Subject, string Name, params string[] Roles)
{
    public static readonly TestUser Zhangsan = new("zhangsan-sub", "张三", "applicant");
    public static readonly TestUser Officer = new("gongan-sub", "公安窗口", "officer");
    public static readonly TestUser DepartmentHead = new("gonganfzr-sub", "公安负责人", "officer", "department_head");
    public static readonly TestUser Supervisor = new("jiancha-sub", "电子监察", "supervisor");

    public string Header => string.Join('|', new[] { Subject, Name }.Concat(Roles).Select(Uri.EscapeDataString));
}
