using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>
/// The device authorization flow for servicehall-cli: a terminal asks for a user code, the person signs in on any
/// browser and approves or denies it, and the terminal's polling gets a token or the matching error.
/// </summary>
public sealed class DeviceFlowTests
{
    const string DeviceGrant = "urn:ietf:params:oauth:grant-type:device_code";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What the terminal does first: its client id and scopes, no secret, no redirect URI.</summary>
    static async Task<JsonElement> RequestCodeAsync(Browser terminal)
    {
        var (status, body) = await terminal.PostAsync("/connect/device", new()
        {
            ["client_id"] = Browser.Cli,
            ["scope"] = "openid profile offline_access servicehall",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    static Task<(HttpStatusCode Status, JsonElement Body)> PollAsync(Browser terminal, JsonElement code) =>
        terminal.PostAsync("/connect/token", new()
        {
            ["grant_type"] = DeviceGrant,
            ["device_code"] = code.GetProperty("device_code").GetString()!,
            ["client_id"] = Browser.Cli,
        });

    /// <summary>The person: opens the verification link, signs in, and answers on the confirmation page.</summary>
    static async Task<HttpResponseMessage> DecideAsync(Browser person, JsonElement code, string userName, string decision)
    {
        var link = new Uri(code.GetProperty("verification_uri_complete").GetString()!).PathAndQuery;
        var first = await person.Http.GetAsync(link, Ct);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/login?returnUrl=", first.Headers.Location!.OriginalString);

        var signedIn = await person.SignInAsync(userName, Browser.Password, returnUrl: link);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(link, signedIn.Headers.Location!.OriginalString);

        var page = await person.GetStringAsync(link);
        Assert.Contains("设备授权", page);
        Assert.Contains("政务服务命令行工具", page);
        Assert.Contains(code.GetProperty("user_code").GetString()!, page);

        return await person.Http.PostAsync("/connect/verify", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(page),
            ["user_code"] = code.GetProperty("user_code").GetString()!,
            ["decision"] = decision,
        }), Ct);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_terminal_gets_a_hall_token_once_the_person_approves_its_user_code(string database)
    {
        await using var host = IdentityHost.Start(database);
        var terminal = host.Browser();
        var code = await RequestCodeAsync(terminal);
        Assert.Equal("/connect/verify", new Uri(code.GetProperty("verification_uri").GetString()!).AbsolutePath);

        var (waiting, pending) = await PollAsync(terminal, code);
        Assert.Equal(HttpStatusCode.BadRequest, waiting);
        Assert.Equal("authorization_pending", pending.GetProperty("error").GetString());

        var approved = await DecideAsync(host.Browser(), code, "gongan", "approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("/account/device/approved", approved.Headers.Location!.OriginalString);

        var (status, tokens) = await PollAsync(terminal, code);
        Assert.Equal(HttpStatusCode.OK, status);
        var jwt = Tokens.Access(tokens);
        // What every service's JwtBearer checks: the published key, the issuer and the audience.
        var validation = await Tokens.ValidateAsync(jwt, await Tokens.PublishedKeysAsync(terminal));
        Assert.True(validation.IsValid, validation.Exception?.ToString());
        var access = Tokens.Read(jwt);
        Assert.Equal(["servicehall"], access.Audiences);
        Assert.Equal("officer", access.GetClaim(HallClaims.Role).Value);
        Assert.Equal(DemoCounty.PublicSecurity, access.GetClaim(HallClaims.Department).Value);
        Assert.True(tokens.TryGetProperty("refresh_token", out _));

        // A device code gives tokens once.
        var (again, reused) = await PollAsync(terminal, code);
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Equal("invalid_grant", reused.GetProperty("error").GetString());

        var records = await host.Services.GetRequiredService<AuditTrail>().RecentAsync(100, Ct);
        Assert.Contains(records, r => r is { Actor: Browser.Cli, Action: "device-authorization", Result: "OK" });
        Assert.Contains(records, r => r is { Actor: "gongan", Action: "device-verification", Target: Browser.Cli, Result: "OK" });
        Assert.Contains(records, r => r is { Actor: "gongan", Action: "token", Target: Browser.Cli, Result: "OK" } && r.Detail.Contains(DeviceGrant));
        Assert.DoesNotContain(records, r => r.Result == "authorization_pending");
        Assert.All(records, r => Assert.DoesNotContain(code.GetProperty("user_code").GetString()!, r.Detail + r.Target));
    }

    [Fact]
    public async Task A_denied_user_code_gives_access_denied_and_is_audited()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var terminal = host.Browser();
        var code = await RequestCodeAsync(terminal);

        var denied = await DecideAsync(host.Browser(), code, "zhangsan", "deny");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal("/account/device/denied", denied.Headers.Location!.OriginalString);

        var (status, body) = await PollAsync(terminal, code);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("access_denied", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
        var records = await host.WhenPresentAsync(r => r is { Actor: Browser.Cli, Action: "token", Result: "access_denied" });
        Assert.Contains(records, r => r is { Actor: "zhangsan", Action: "device-verification", Target: Browser.Cli, Result: "Denied" });
        Assert.Contains(records, r => r is { Actor: Browser.Cli, Action: "token", Result: "access_denied" });
    }

    [Fact]
    public async Task An_expired_device_code_gives_expired_token_and_its_user_code_is_no_longer_accepted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = IdentityHost.Start(Databases.Sqlite, services: s => s.AddSingleton<TimeProvider>(clock));
        var terminal = host.Browser();
        var code = await RequestCodeAsync(terminal);
        var expiresIn = TimeSpan.FromSeconds(code.GetProperty("expires_in").GetInt32());

        clock.Advance(expiresIn + TimeSpan.FromMinutes(1));

        var (status, body) = await PollAsync(terminal, code);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("expired_token", body.GetProperty("error").GetString());

        var person = host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await person.SignInAsync("zhangsan", Browser.Password)).StatusCode);
        var link = new Uri(code.GetProperty("verification_uri_complete").GetString()!).PathAndQuery;
        var page = await person.Http.GetAsync(link, Ct);
        var text = await page.Content.ReadAsStringAsync(Ct);
        Assert.True(page.StatusCode == HttpStatusCode.BadRequest, $"{page.StatusCode}: {text}");
        Assert.Contains("用户码无效或已过期", text);
    }

    [Fact]
    public async Task The_verification_page_without_a_code_asks_for_one_and_a_client_without_the_grant_is_refused()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var person = host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await person.SignInAsync("zhangsan", Browser.Password)).StatusCode);

        var page = await person.GetStringAsync("/connect/verify");
        Assert.Contains("name=\"user_code\"", page);
        Assert.Contains("lang=\"zh-CN\"", page);

        var (status, body) = await person.PostAsync("/connect/device", new()
        {
            ["client_id"] = Browser.Portal,
            ["client_secret"] = Browser.PortalSecret,
            ["scope"] = "openid servicehall",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unauthorized_client", body.GetProperty("error").GetString());
    }
}
