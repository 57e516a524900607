using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Identity.Data;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>Refresh, revocation and expiry of the tokens a signed-in user's client holds.</summary>
public sealed class TokenLifecycleTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_refresh_gives_a_new_access_token_until_the_refresh_token_is_revoked(string database)
    {
        await using var host = IdentityHost.Start(database);
        var browser = host.Browser();
        var tokens = await PortalTokensAsync(browser, DemoCounty.Xinyong);
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;

        var (refreshed, fresh) = await browser.RefreshAsync(refreshToken, Browser.Portal, Browser.PortalSecret);
        Assert.Equal(HttpStatusCode.OK, refreshed);
        var renewed = Tokens.Read(Tokens.Access(fresh));
        Assert.NotEqual(Tokens.Access(tokens), Tokens.Access(fresh));
        Assert.Equal("credit_editor", renewed.GetClaim("role").Value);
        Assert.Equal(DemoCounty.MarketRegulation, renewed.GetClaim("department").Value);

        var latest = fresh.GetProperty("refresh_token").GetString()!;
        var (revoked, _) = await browser.RevokeAsync(latest, "refresh_token", Browser.Portal, Browser.PortalSecret);
        Assert.Equal(HttpStatusCode.OK, revoked);

        var (refused, error) = await browser.RefreshAsync(latest, Browser.Portal, Browser.PortalSecret);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_revoked_access_token_is_reported_inactive_by_introspection(string database)
    {
        await using var host = IdentityHost.Start(database);
        var browser = host.Browser();
        var access = Tokens.Access(await PortalTokensAsync(browser, DemoCounty.Yiyuan));

        var (_, before) = await browser.IntrospectAsync(access, Browser.Portal, Browser.PortalSecret);
        Assert.True(before.GetProperty("active").GetBoolean());
        Assert.Equal(Browser.Portal, before.GetProperty("client_id").GetString());
        Assert.Equal(Tokens.Read(access).Subject, before.GetProperty("sub").GetString());

        var (revoked, _) = await browser.RevokeAsync(access, "access_token", Browser.Portal, Browser.PortalSecret);
        Assert.Equal(HttpStatusCode.OK, revoked);

        var (status, after) = await browser.IntrospectAsync(access, Browser.Portal, Browser.PortalSecret);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(after.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task The_command_line_client_refreshes_and_revokes_its_own_tokens_without_a_secret()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var browser = host.Browser();
        var pkce = Pkce.New();
        var code = await browser.AuthorizeAsync(DemoCounty.Jiancha, Browser.Cli, Browser.CliRedirect, pkce);
        var (_, tokens) = await browser.RedeemAsync(code, Browser.Cli, Browser.CliRedirect, pkce);
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;

        var (refreshed, fresh) = await browser.RefreshAsync(refreshToken, Browser.Cli);
        Assert.Equal(HttpStatusCode.OK, refreshed);
        Assert.Equal("supervisor", Tokens.Read(Tokens.Access(fresh)).GetClaim("role").Value);

        var latest = fresh.GetProperty("refresh_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await browser.RevokeAsync(latest, "refresh_token", Browser.Cli)).Status);
        var (refused, error) = await browser.RefreshAsync(latest, Browser.Cli);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_access_token_expires_after_its_configured_lifetime(string database)
    {
        await using var host = IdentityHost.Start(database, new Dictionary<string, string?> { ["Identity:AccessTokenLifetime"] = "00:00:02" });
        var browser = host.Browser();
        var access = Tokens.Access(await PortalTokensAsync(browser, DemoCounty.Zhangsan));

        var jwt = Tokens.Read(access);
        Assert.Equal(jwt.IssuedAt.AddSeconds(2), jwt.ValidTo);
        var (_, before) = await browser.IntrospectAsync(access, Browser.Portal, Browser.PortalSecret);
        Assert.True(before.GetProperty("active").GetBoolean());

        await Task.Delay(TimeSpan.FromSeconds(3.5), TestContext.Current.CancellationToken);

        var (status, after) = await browser.IntrospectAsync(access, Browser.Portal, Browser.PortalSecret);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(after.GetProperty("active").GetBoolean());
        var expired = await Tokens.ValidateAsync(access, await Tokens.PublishedKeysAsync(browser));
        Assert.False(expired.IsValid);
    }

    [Fact]
    public async Task A_refresh_survives_somebody_mistyping_the_password_but_not_the_account_being_disabled()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var browser = host.Browser();
        var refreshToken = (await PortalTokensAsync(browser, DemoCounty.Lisi)).GetProperty("refresh_token").GetString()!;
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            await host.Browser().SignInPageAfterAsync(DemoCounty.Lisi, "guess-" + attempt);
        }

        var (kept, tokens) = await browser.RefreshAsync(refreshToken, Browser.Portal, Browser.PortalSecret);
        Assert.Equal(HttpStatusCode.OK, kept);
        refreshToken = tokens.TryGetProperty("refresh_token", out var rolled) ? rolled.GetString()! : refreshToken;

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HallUser>>();
            var lisi = await users.FindByNameAsync(DemoCounty.Lisi);
            Assert.True((await users.SetLockoutEndDateAsync(lisi!, DateTimeOffset.MaxValue)).Succeeded);
        }
        var (status, error) = await browser.RefreshAsync(refreshToken, Browser.Portal, Browser.PortalSecret);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        Assert.Contains("disabled", error.GetProperty("error_description").GetString());
    }

    static async Task<JsonElement> PortalTokensAsync(Browser browser, string userName)
    {
        var pkce = Pkce.New();
        var code = await browser.AuthorizeAsync(userName, Browser.Portal, Browser.PortalRedirect, pkce);
        var (status, tokens) = await browser.RedeemAsync(code, Browser.Portal, Browser.PortalRedirect, pkce, Browser.PortalSecret);
        Assert.Equal(HttpStatusCode.OK, status);
        return tokens;
    }
}
