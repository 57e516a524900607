using System.Net;
using System.Text.Json;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>
/// Identity behind a TLS-terminating ingress: the forwarded scheme and address are believed only from configured
/// proxies; session cookies are Secure whenever HTTPS is required; HSTS outside development.
/// </summary>
public sealed class TransportTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static HttpRequestMessage Forwarded(string url, string? host = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");
        if (host is not null)
        {
            request.Headers.Host = host;
        }
        return request;
    }

    [Fact]
    public async Task From_a_trusted_proxy_a_forwarded_https_request_is_https_with_secure_cookies()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite, IdentityHost.BehindProxy(new() { ["Identity:RequireHttps"] = "true" }));
        var http = host.Browser().Http;

        var response = await http.SendAsync(Forwarded("/.well-known/openid-configuration"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var discovery = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("https://localhost/", discovery.GetProperty("issuer").GetString());
        Assert.Equal("https://localhost/connect/token", discovery.GetProperty("token_endpoint").GetString());

        var login = await http.SendAsync(Forwarded("/account/login"), Ct);
        var antiforgery = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("servicehall.identity.antiforgery="));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task From_an_untrusted_address_the_forwarded_headers_are_ignored()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite, new Dictionary<string, string?>() { ["Identity:RequireHttps"] = "true", ["Identity:TrustedProxies:0"] = "10.20.0.0/16" });

        var response = await host.Browser().Http.SendAsync(Forwarded("/.well-known/openid-configuration"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HTTPS", await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Cookies_go_without_secure_only_on_the_local_plain_http_hall()
    {
        await using var local = IdentityHost.Start(Databases.Sqlite);
        var page = await local.Browser().Http.GetAsync("/account/login", Ct);
        Assert.DoesNotContain("secure", string.Join(";", page.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Outside_development_https_answers_carry_hsts()
    {
        await using var production = IdentityHost.Start(Databases.Sqlite, IdentityHost.BehindProxy(new() { ["environment"] = "Production" }));
        await using var development = IdentityHost.Start(Databases.Sqlite, IdentityHost.BehindProxy());

        var strict = await production.Browser().Http.SendAsync(Forwarded("/account/login", "id.hall.example"), Ct);
        var relaxed = await development.Browser().Http.SendAsync(Forwarded("/account/login", "id.hall.example"), Ct);

        Assert.True(strict.Headers.Contains("Strict-Transport-Security"));
        Assert.False(relaxed.Headers.Contains("Strict-Transport-Security"));
    }
}
