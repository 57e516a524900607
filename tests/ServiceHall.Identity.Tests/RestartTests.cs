using System.Net;
using Microsoft.Data.Sqlite;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>The signing key, clients and accounts survive a restart; seeding twice changes nothing.</summary>
public sealed class RestartTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "servicehall-identity-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_token_issued_before_a_restart_validates_against_the_keys_after_it()
    {
        var settings = new Dictionary<string, string?> { ["Data:Folder"] = folder };
        string jwt;
        await using (var first = IdentityHost.Start(Databases.Sqlite, settings))
        {
            var (_, tokens) = await first.Browser().ClientCredentialsAsync("bank-credit-check", "bank-demo-secret");
            jwt = Tokens.Access(tokens);
        }
        Assert.True(File.Exists(Path.Combine(folder, "identity-signing.pem")));

        await using var second = IdentityHost.Start(Databases.Sqlite, settings);
        var browser = second.Browser();

        var validation = await Tokens.ValidateAsync(jwt, await Tokens.PublishedKeysAsync(browser));
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(DemoCounty.Xuexiao, Browser.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.ClientCredentialsAsync("bank-credit-check", "bank-demo-secret")).Status);
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
