using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>
/// Nobody can make the identity service hash passwords or write audit records without end: sign-in posts and
/// protocol requests are limited per client address, and repeated refusals from one address become one summary.
/// </summary>
public sealed class RequestLimitsTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Too_many_sign_in_posts_from_one_address_get_429_in_chinese_and_other_addresses_are_not_affected()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite, IdentityHost.BehindProxy(new() { ["Identity:SignInRequestsPerMinute"] = "3" }));
        var flooder = host.Browser("203.0.113.7");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await flooder.SignInPageAfterAsync("nobody", "guess-" + attempt);
        }

        var limited = await flooder.SignInAsync(DemoCounty.Zhangsan, Browser.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        var page = await limited.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"zh-CN\">", page);
        Assert.Contains("登录请求过于频繁", page);
        Assert.Equal(HttpStatusCode.Redirect, (await host.Browser("198.51.100.20").SignInAsync(DemoCounty.Zhangsan, Browser.Password)).StatusCode);
    }

    [Fact]
    public async Task Too_many_token_requests_from_one_address_get_429_as_json()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite, IdentityHost.BehindProxy(new() { ["Identity:ProtocolRequestsPerMinute"] = "2" }));
        var flooder = host.Browser("203.0.113.7");
        await flooder.ClientCredentialsAsync("bank-credit-check", "wrong-secret-1");
        await flooder.ClientCredentialsAsync("bank-credit-check", "wrong-secret-2");

        var (status, body) = await flooder.ClientCredentialsAsync("bank-credit-check", "bank-demo-secret");

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("too_many_requests", body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await host.Browser("198.51.100.20").ClientCredentialsAsync("bank-credit-check", "bank-demo-secret")).Status);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Forty_refused_sign_ins_from_one_address_make_one_record_and_one_summary_and_a_real_sign_in_is_recorded_at_once(string database)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = IdentityHost.Start(database, IdentityHost.BehindProxy(new()
        {
            ["Identity:SignInRequestsPerMinute"] = "1000",
            ["Identity:SignInFreeFailures"] = "1000",
            ["Identity:SignInFreeFailuresPerAddress"] = "1000",
        }), s => s.AddSingleton<TimeProvider>(clock));
        var flooder = host.Browser("203.0.113.7");

        for (var attempt = 1; attempt <= 40; attempt++)
        {
            await flooder.SignInPageAfterAsync(attempt % 2 == 0 ? DemoCounty.Admin : "nobody-" + attempt, "guess-" + attempt);
            if (attempt == 20)
            {
                Assert.Equal(HttpStatusCode.Redirect, (await host.Browser("198.51.100.20").SignInAsync(DemoCounty.Lisi, Browser.Password)).StatusCode);
            }
        }
        // The real sign-in is in the trail when its answer comes, not queued behind the refusals.
        var audit = host.Services.GetRequiredService<AuditTrail>();
        Assert.Contains(await audit.RecentAsync(100, Ct), r => r is { Actor: DemoCounty.Lisi, Action: "sign-in", Result: "OK" });

        clock.Advance(TimeSpan.FromMinutes(5));
        var records = await host.WhenPresentAsync(r => r.Result == "Repeated");

        var fromFlooder = records.Where(r => r.Action == "sign-in" && (r.Detail.Contains("203.0.113.7") || r.Actor == "203.0.113.7")).ToList();
        Assert.Equal(2, fromFlooder.Count);
        Assert.Contains(fromFlooder, r => r is { Actor: "nobody-1", Result: "UnknownUser" });
        var summary = Assert.Single(fromFlooder, r => r.Result == "Repeated");
        Assert.Equal("203.0.113.7", summary.Actor);
        Assert.StartsWith("40 refusals from 203.0.113.7 from ", summary.Detail);
        Assert.Contains("WrongPassword 20", summary.Detail);
        Assert.Contains("UnknownUser 20", summary.Detail);
        Assert.True((await audit.VerifyAsync(Ct)).Intact);
    }
}
