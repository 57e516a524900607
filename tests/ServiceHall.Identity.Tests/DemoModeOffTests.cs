using System.Net;
using Microsoft.Data.Sqlite;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>Turning demo mode off on a database that had it: the published demo password and secrets stop working.</summary>
public sealed class DemoModeOffTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "servicehall-identity-demo-off-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_demo_accounts_are_disabled_and_the_demo_clients_removed()
    {
        string refreshToken;
        await using (var demo = IdentityHost.Start(Databases.Sqlite, new Dictionary<string, string?>() { ["Data:Folder"] = folder }))
        {
            var browser = demo.Browser();
            var pkce = Pkce.New();
            var code = await browser.AuthorizeAsync(DemoCounty.Zhangsan, Browser.Cli, Browser.CliRedirect, pkce);
            var (_, tokens) = await browser.RedeemAsync(code, Browser.Cli, Browser.CliRedirect, pkce);
            refreshToken = tokens.GetProperty("refresh_token").GetString()!;
        }

        await using var real = IdentityHost.Start(Databases.Sqlite, new Dictionary<string, string?>()
        {
            ["Data:Folder"] = folder,
            ["Seed:Demo"] = "false",
            // A real deployment's own client under a demo client's name stays.
            ["Identity:Clients:0:ClientId"] = Browser.Cli,
            ["Identity:Clients:0:RedirectUris:0"] = Browser.CliRedirect,
            ["Identity:Clients:0:Grants:0"] = "authorization_code",
            ["Identity:Clients:0:Grants:1"] = "refresh_token",
        });
        var after = real.Browser();

        Assert.Contains("用户名或密码错误", await after.SignInPageAfterAsync(DemoCounty.Zhangsan, Browser.Password));
        Assert.Contains("用户名或密码错误", await after.SignInPageAfterAsync(DemoCounty.Admin, Browser.Password));
        var (refreshed, _) = await after.RefreshAsync(refreshToken, Browser.Cli);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed);
        var (machine, body) = await after.ClientCredentialsAsync("bank-credit-check", "bank-demo-secret");
        Assert.NotEqual(HttpStatusCode.OK, machine);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
