using System.Net;
using System.Text.Json;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>What a client or a hall service learns from discovery, and the end-session endpoint.</summary>
public sealed class DiscoveryTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_names_the_hall_endpoints_and_only_the_s256_challenge()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);

        var discovery = JsonDocument.Parse(await host.Browser().GetStringAsync("/.well-known/openid-configuration")).RootElement;

        Assert.Equal("http://localhost/", discovery.GetProperty("issuer").GetString());
        Assert.Equal("http://localhost/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("http://localhost/connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://localhost/connect/revoke", discovery.GetProperty("revocation_endpoint").GetString());
        Assert.Equal("http://localhost/connect/introspect", discovery.GetProperty("introspection_endpoint").GetString());
        Assert.Equal("http://localhost/connect/endsession", discovery.GetProperty("end_session_endpoint").GetString());
        Assert.Equal("http://localhost/connect/userinfo", discovery.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("http://localhost/connect/device", discovery.GetProperty("device_authorization_endpoint").GetString());
        Assert.Equal(["authorization_code", "client_credentials", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code"],
            discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Contains("servicehall", discovery.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_configured_issuer_is_the_issuer_of_discovery_and_of_tokens()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite, new Dictionary<string, string?> { ["Identity:Issuer"] = "https://id.hall.example/" });
        var browser = host.Browser();

        var discovery = JsonDocument.Parse(await browser.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        var (_, tokens) = await browser.ClientCredentialsAsync("bank-credit-check", "bank-demo-secret");

        Assert.Equal("https://id.hall.example/", discovery.GetProperty("issuer").GetString());
        Assert.Equal("https://id.hall.example/", Tokens.Read(Tokens.Access(tokens)).Issuer);
    }

    [Fact]
    public async Task Plain_http_is_refused_unless_the_configuration_allows_it()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite, new Dictionary<string, string?> { ["Identity:RequireHttps"] = "true" });

        var response = await host.Browser().Http.GetAsync("/.well-known/openid-configuration", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HTTPS", await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task End_session_without_the_clients_id_token_asks_before_signing_out_and_returns_to_the_registered_address()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var browser = host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(DemoCounty.Shichang, Browser.Password)).StatusCode);
        const string endSession = "/connect/endsession?client_id=servicehall-portal&post_logout_redirect_uri=";

        // A link from anywhere only shows the button: the session goes on until the user presses it.
        var asked = await browser.Http.GetAsync(endSession + Uri.EscapeDataString("http://localhost:8080/"), Ct);
        var page = await asked.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("退出登录", page);
        Assert.StartsWith(Browser.CliRedirect, (await browser.Http.GetAsync(Browser.AuthorizeUrl(Browser.Cli, Browser.CliRedirect, Pkce.New()), Ct)).Headers.Location!.OriginalString);
        var forged = await browser.Http.PostAsync("/connect/endsession", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = "servicehall-portal", ["post_logout_redirect_uri"] = "http://localhost:8080/", ["confirm_sign_out"] = "yes",
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);

        var ended = await browser.Http.PostAsync("/connect/endsession", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = "servicehall-portal", ["post_logout_redirect_uri"] = "http://localhost:8080/", ["confirm_sign_out"] = "yes",
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(page),
        }), Ct);
        var foreign = await browser.Http.GetAsync(endSession + Uri.EscapeDataString("https://evil.example/"), Ct);

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal("http://localhost:8080/", ended.Headers.Location!.AbsoluteUri);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        var authorize = await browser.Http.GetAsync(Browser.AuthorizeUrl(Browser.Cli, Browser.CliRedirect, Pkce.New()), Ct);
        Assert.StartsWith("/account/login", authorize.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task End_session_with_the_signed_in_users_id_token_signs_out_at_once()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var browser = host.Browser();
        var pkce = Pkce.New();
        var code = await browser.AuthorizeAsync(DemoCounty.Shichang, Browser.Portal, Browser.PortalRedirect, pkce);
        var (_, tokens) = await browser.RedeemAsync(code, Browser.Portal, Browser.PortalRedirect, pkce, Browser.PortalSecret);

        var ended = await browser.Http.GetAsync("/connect/endsession?client_id=servicehall-portal&post_logout_redirect_uri="
            + Uri.EscapeDataString("http://localhost:8080/") + "&id_token_hint=" + tokens.GetProperty("id_token").GetString(), Ct);

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal("http://localhost:8080/", ended.Headers.Location!.AbsoluteUri);
        var authorize = await browser.Http.GetAsync(Browser.AuthorizeUrl(Browser.Cli, Browser.CliRedirect, Pkce.New()), Ct);
        Assert.StartsWith("/account/login", authorize.Headers.Location!.OriginalString);
    }
}
