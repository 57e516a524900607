using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>Sign-ins, failures, lockouts, tokens and revocations in the identity service's tamper-evident audit trail.</summary>
public sealed class AuditTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "servicehall-identity-audit-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Sign_ins_are_audited_without_secrets_and_tampering_is_found()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite, new Dictionary<string, string?> { ["Data:Folder"] = folder });
        var browser = host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(DemoCounty.Zhangsan, Browser.Password)).StatusCode);
        await browser.SignInPageAfterAsync(DemoCounty.Lisi, "Wrong-Password-1");
        await browser.SignInPageAfterAsync("nobody", "Wrong-Password-2");
        await browser.SignInPageAfterAsync(DemoCounty.Admin, Browser.Password, "000000x");

        var audit = host.Services.GetRequiredService<AuditTrail>();
        var records = await audit.RecentAsync(100, TestContext.Current.CancellationToken);
        Assert.Contains(records, r => r is { Actor: DemoCounty.Zhangsan, Action: "sign-in", Result: "OK" });
        Assert.Contains(records, r => r is { Actor: DemoCounty.Lisi, Action: "sign-in", Result: "WrongPassword" });
        Assert.Contains(records, r => r is { Actor: "nobody", Action: "sign-in", Result: "UnknownUser" });
        Assert.Contains(records, r => r is { Actor: DemoCounty.Admin, Action: "sign-in", Result: "WrongCode" });
        Assert.All(records, r => Assert.DoesNotContain("Wrong-Password", r.Actor + r.Target + r.Result + r.Detail));
        Assert.All(records, r => Assert.DoesNotContain(DemoCounty.Password, r.Actor + r.Target + r.Result + r.Detail));
        Assert.True((await audit.VerifyAsync(TestContext.Current.CancellationToken)).Intact);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Folder"] = folder }).Build();
        Assert.Equal(0, await configuration.RunAuditCommandAsync("identity", ["audit", "verify"]));

        var wrongPassword = records.Single(r => r is { Actor: DemoCounty.Lisi, Result: "WrongPassword" });
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "identity.db")}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            var refused = await Assert.ThrowsAsync<SqliteException>(() => Execute(connection, $"UPDATE audit_records SET result = 'OK' WHERE sequence = {wrongPassword.Sequence}"));
            Assert.Contains("append-only", refused.Message);

            await Execute(connection, "DROP TRIGGER audit_records_no_update");
            await Execute(connection, $"UPDATE audit_records SET result = 'OK' WHERE sequence = {wrongPassword.Sequence}");
        }

        var verification = await audit.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.Equal(wrongPassword.Sequence, verification.BrokenAt);
        Assert.Equal(1, await configuration.RunAuditCommandAsync("identity", ["audit", "verify"]));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Lockouts_tokens_sign_outs_and_revocations_are_audited_and_the_chain_holds(string database)
    {
        await using var host = IdentityHost.Start(database);
        var browser = host.Browser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await host.Browser().SignInPageAfterAsync(DemoCounty.Lisi, "guess-" + attempt);
        }
        var pkce = Pkce.New();
        var code = await browser.AuthorizeAsync(DemoCounty.Gongan, Browser.Portal, Browser.PortalRedirect, pkce);
        var (_, tokens) = await browser.RedeemAsync(code, Browser.Portal, Browser.PortalRedirect, pkce, Browser.PortalSecret);
        await browser.RevokeAsync(tokens.GetProperty("refresh_token").GetString()!, "refresh_token", Browser.Portal, Browser.PortalSecret);
        await browser.ClientCredentialsAsync("bank-credit-check", "wrong-secret");
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/account/logout", TestContext.Current.CancellationToken)).StatusCode);

        var audit = host.Services.GetRequiredService<AuditTrail>();
        var records = await audit.RecentAsync(100, TestContext.Current.CancellationToken);
        Assert.Contains(records, r => r is { Actor: DemoCounty.Lisi, Action: "lockout", Result: "Locked" });
        Assert.Contains(records, r => r is { Actor: DemoCounty.Gongan, Action: "token", Target: Browser.Portal, Result: "OK" } && r.Detail.Contains("authorization_code"));
        Assert.Contains(records, r => r is { Actor: Browser.Portal, Action: "revoke", Result: "OK" } && r.Detail.Contains("refresh_token"));
        Assert.Contains(records, r => r is { Actor: "bank-credit-check", Action: "token", Result: "invalid_client" });
        Assert.Contains(records, r => r is { Actor: DemoCounty.Gongan, Action: "sign-out", Result: "OK" });
        Assert.All(records, r => Assert.DoesNotContain("wrong-secret", r.Detail));
        var verification = await audit.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(records.Count, verification.Records);
    }

    static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
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
