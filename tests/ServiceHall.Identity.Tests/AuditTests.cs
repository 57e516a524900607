using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = IdentityHost.Start(Databases.Sqlite, new Dictionary<string, string?> { ["Data:Folder"] = folder }, s => s.AddSingleton<TimeProvider>(clock));
        var browser = host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(DemoCounty.Zhangsan, Browser.Password)).StatusCode);
        await browser.SignInPageAfterAsync(DemoCounty.Lisi, "Wrong-Password-1");
        await browser.SignInPageAfterAsync("nobody", "Wrong-Password-2");
        await browser.SignInPageAfterAsync(DemoCounty.Admin, Browser.Password, "000000x");

        var audit = host.Services.GetRequiredService<AuditTrail>();
        // The first refusal from this address is written as it is; the two after it are counted into the window's summary.
        clock.Advance(TimeSpan.FromMinutes(5));
        var records = await host.WhenPresentAsync(r => r.Result == "Repeated");
        Assert.Contains(records, r => r is { Actor: DemoCounty.Zhangsan, Action: "sign-in", Result: "OK" });
        Assert.Contains(records, r => r is { Actor: DemoCounty.Lisi, Action: "sign-in", Result: "WrongPassword" });
        var summary = Assert.Single(records, r => r is { Action: "sign-in", Result: "Repeated" });
        Assert.StartsWith("3 refusals from 127.0.0.1", summary.Detail);
        Assert.Contains("UnknownUser 1", summary.Detail);
        Assert.Contains("WrongCode 1", summary.Detail);
        Assert.EndsWith($"names tried: {DemoCounty.Lisi}, nobody, {DemoCounty.Admin}", summary.Detail);
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
    public async Task Throttled_tries_tokens_sign_outs_and_revocations_are_audited_and_the_chain_holds(string database)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = IdentityHost.Start(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var browser = host.Browser();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await host.Browser().SignInPageAfterAsync(DemoCounty.Lisi, "guess-" + attempt);
        }
        var pkce = Pkce.New();
        var code = await browser.AuthorizeAsync(DemoCounty.Gongan, Browser.Portal, Browser.PortalRedirect, pkce);
        var (_, tokens) = await browser.RedeemAsync(code, Browser.Portal, Browser.PortalRedirect, pkce, Browser.PortalSecret);
        await browser.RevokeAsync(tokens.GetProperty("refresh_token").GetString()!, "refresh_token", Browser.Portal, Browser.PortalSecret);
        await browser.ClientCredentialsAsync("bank-credit-check", "wrong-secret");
        Assert.Equal(HttpStatusCode.OK, (await browser.SignOutAsync()).StatusCode);

        var audit = host.Services.GetRequiredService<AuditTrail>();
        // The summary of the sixth (throttled) try and the five before comes when their window has ended.
        clock.Advance(TimeSpan.FromMinutes(5));
        var records = await host.WhenPresentAsync(r => r is { Action: "sign-in", Result: "Repeated" } && r.Detail.Contains("Throttled 1"),
            r => r.Result == "invalid_client");
        Assert.Contains(records, r => r is { Actor: DemoCounty.Lisi, Action: "sign-in", Result: "WrongPassword" });
        Assert.Contains(records, r => r is { Action: "sign-in", Result: "Repeated" } && r.Detail.StartsWith("6 refusals") && r.Detail.Contains("WrongPassword 5"));
        Assert.Contains(records, r => r is { Actor: DemoCounty.Gongan, Action: "token", Target: Browser.Portal, Result: "OK" } && r.Detail.Contains("authorization_code"));
        Assert.Contains(records, r => r is { Actor: Browser.Portal, Action: "revoke", Result: "OK" } && r.Detail.Contains("refresh_token"));
        Assert.Contains(records, r => r is { Actor: "bank-credit-check", Action: "token", Result: "invalid_client" });
        Assert.Contains(records, r => r is { Actor: DemoCounty.Gongan, Action: "sign-out", Result: "OK" });
        Assert.All(records, r => Assert.DoesNotContain("wrong-secret", r.Detail));
        var verification = await audit.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(records.Count, verification.Records);
    }

    [Fact]
    public async Task A_line_break_in_a_typed_name_or_client_id_cannot_forge_a_second_audit_line()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        const string forgedName = "nobody\n2026-01-01T00:00:00Z admin sign-in OK";
        const string forgedClient = "bank\r\nadmin token OK";
        await host.Browser().SignInPageAfterAsync(forgedName, "Wrong-Password-1");
        await host.Browser().ClientCredentialsAsync(forgedClient, "wrong-secret");

        var records = await host.WhenPresentAsync(r => r.Actor.StartsWith("nobody"), r => r.Actor.StartsWith("bank"));

        Assert.Contains(records, r => r.Actor == "nobody\\n2026-01-01T00:00:00Z admin sign-in OK");
        Assert.Contains(records, r => r.Actor == "bank\\r\\nadmin token OK");
        Assert.All(records, r => Assert.DoesNotMatch("[\\r\\n\\u2028\\u2029]", r.Actor + r.Action + r.Target + r.Result + r.Detail));
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
