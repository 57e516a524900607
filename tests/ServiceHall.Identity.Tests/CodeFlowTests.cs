using System.Net;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>The authorization-code flow with PKCE, as the portal and the command-line client use it.</summary>
public sealed class CodeFlowTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_officer_signs_in_through_the_code_flow_and_gets_a_signed_jwt_for_the_hall(string database)
    {
        await using var host = IdentityHost.Start(database);
        var browser = host.Browser();
        var pkce = Pkce.New();

        var code = await browser.AuthorizeAsync(DemoCounty.Gongan, Browser.Cli, Browser.CliRedirect, pkce);
        var (status, tokens) = await browser.RedeemAsync(code, Browser.Cli, Browser.CliRedirect, pkce);

        Assert.Equal(HttpStatusCode.OK, status);
        var jwt = Tokens.Access(tokens);
        var validation = await Tokens.ValidateAsync(jwt, await Tokens.PublishedKeysAsync(browser));
        Assert.True(validation.IsValid, validation.Exception?.ToString());
        var stranger = await Tokens.ValidateAsync(jwt, [Tokens.StrangerKey()]);
        Assert.False(stranger.IsValid);

        var access = Tokens.Read(jwt);
        Assert.Equal(["servicehall"], access.Audiences);
        Assert.Equal(Tokens.Issuer, access.Issuer);
        Assert.Equal(["officer"], access.Claims.Where(c => c.Type == HallClaims.Role).Select(c => c.Value));
        Assert.Equal(DemoCounty.PublicSecurity, access.GetClaim(HallClaims.Department).Value);
        Assert.Equal("公安局窗口", access.GetClaim(HallClaims.Name).Value);
        Assert.False(access.TryGetClaim(HallClaims.CreditCode, out _));
        Assert.False(string.IsNullOrEmpty(access.Subject));
        Assert.True(tokens.TryGetProperty("refresh_token", out _));

        var identity = Tokens.Read(tokens.GetProperty("id_token").GetString()!);
        Assert.Equal(access.Subject, identity.Subject);
        Assert.Equal("公安局窗口", identity.GetClaim(HallClaims.Name).Value);
        Assert.Equal("officer", identity.GetClaim(HallClaims.Role).Value);
        Assert.False(identity.TryGetClaim(HallClaims.Department, out _));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_business_applicant_token_carries_its_credit_code_and_userinfo_agrees(string database)
    {
        await using var host = IdentityHost.Start(database);
        var browser = host.Browser();
        var pkce = Pkce.New();

        var code = await browser.AuthorizeAsync(DemoCounty.Qiye, Browser.Portal, Browser.PortalRedirect, pkce);
        var (status, tokens) = await browser.RedeemAsync(code, Browser.Portal, Browser.PortalRedirect, pkce, Browser.PortalSecret);

        Assert.Equal(HttpStatusCode.OK, status);
        var access = Tokens.Read(Tokens.Access(tokens));
        Assert.Equal("applicant", access.GetClaim(HallClaims.Role).Value);
        Assert.Equal("business", access.GetClaim(HallClaims.ApplicantKind).Value);
        Assert.Equal(DemoCounty.Business, access.GetClaim(HallClaims.CreditCode).Value);
        Assert.Equal("县某某科技有限公司", access.GetClaim(HallClaims.Name).Value);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new("Bearer", Tokens.Access(tokens));
        var userinfo = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, userinfo.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await userinfo.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(access.Subject, body.GetProperty("sub").GetString());
        Assert.Equal(DemoCounty.Business, body.GetProperty("credit_code").GetString());
    }

    [Fact]
    public async Task Authorize_without_a_code_challenge_is_refused()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var browser = host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(DemoCounty.Zhangsan, Browser.Password)).StatusCode);

        var response = await browser.Http.GetAsync(Browser.AuthorizeUrl(Browser.Cli, Browser.CliRedirect, pkce: null), TestContext.Current.CancellationToken);

        var answer = await Answer(response);
        Assert.DoesNotContain("code=", answer);
        Assert.Contains("invalid_request", answer);
        Assert.Contains("code_challenge", answer);
    }

    [Fact]
    public async Task A_plain_code_challenge_is_refused()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var browser = host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(DemoCounty.Zhangsan, Browser.Password)).StatusCode);
        var url = Browser.AuthorizeUrl(Browser.Cli, Browser.CliRedirect, Pkce.New()).Replace("code_challenge_method=S256", "code_challenge_method=plain");

        var answer = await Answer(await browser.Http.GetAsync(url, TestContext.Current.CancellationToken));

        Assert.DoesNotContain("code=", answer);
        Assert.Contains("invalid_request", answer);
    }

    [Fact]
    public async Task A_code_redeemed_without_its_verifier_gives_no_token()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var browser = host.Browser();
        var pkce = Pkce.New();
        var code = await browser.AuthorizeAsync(DemoCounty.Zhangsan, Browser.Cli, Browser.CliRedirect, pkce);

        var (status, body) = await browser.RedeemAsync(code, Browser.Cli, Browser.CliRedirect, Pkce.New());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task An_unknown_client_and_a_foreign_redirect_uri_get_protocol_errors_not_a_redirect()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var browser = host.Browser();

        var unknown = await browser.Http.GetAsync(Browser.AuthorizeUrl("no-such-client", Browser.CliRedirect, Pkce.New()), TestContext.Current.CancellationToken);
        var foreign = await browser.Http.GetAsync(Browser.AuthorizeUrl(Browser.Cli, "https://evil.example/callback", Pkce.New()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("client_id", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Null(foreign.Headers.Location);
        Assert.Contains("redirect_uri", await foreign.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_portal_with_a_wrong_secret_gets_no_token()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var browser = host.Browser();
        var pkce = Pkce.New();
        var code = await browser.AuthorizeAsync(DemoCounty.Zhangsan, Browser.Portal, Browser.PortalRedirect, pkce);

        var (status, body) = await browser.RedeemAsync(code, Browser.Portal, Browser.PortalRedirect, pkce, "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
    }

    /// <summary>What the browser is told: a redirect's Location (errors to the client) or the body of a direct answer.</summary>
    static async Task<string> Answer(HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? Uri.UnescapeDataString(location.OriginalString)
            : await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
}
