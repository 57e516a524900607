using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>
/// Five failed sign-ins lock an account for fifteen minutes. The service reads time from the host's
/// TimeProvider, so a FakeTimeProvider moves past the lockout without waiting.
/// </summary>
public sealed class LockoutTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Five_wrong_passwords_lock_the_account_until_the_lockout_time_has_passed(string database)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = IdentityHost.Start(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var browser = host.Browser();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Contains("用户名或密码错误", await browser.SignInPageAfterAsync(DemoCounty.Zhangsan, "wrong-password-" + attempt));
        }
        var fifth = await browser.SignInPageAfterAsync(DemoCounty.Zhangsan, "wrong-password-5");
        Assert.Contains("账户已锁定，请 15 分钟后再试", fifth);

        var sixth = await browser.SignInAsync(DemoCounty.Zhangsan, Browser.Password);
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("账户已锁定，请 15 分钟后再试", await sixth.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        clock.Advance(TimeSpan.FromMinutes(14.5));
        Assert.Contains("账户已锁定，请 1 分钟后再试", await browser.SignInPageAfterAsync(DemoCounty.Zhangsan, Browser.Password));

        clock.Advance(TimeSpan.FromMinutes(1));
        var after = await browser.SignInAsync(DemoCounty.Zhangsan, Browser.Password);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Another_account_is_not_locked_and_a_success_starts_the_count_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = IdentityHost.Start(Databases.Sqlite, services: s => s.AddSingleton<TimeProvider>(clock));
        var browser = host.Browser();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await browser.SignInPageAfterAsync(DemoCounty.Lisi, "wrong");
        }
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(DemoCounty.Lisi, Browser.Password)).StatusCode);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Contains("用户名或密码错误", await host.Browser().SignInPageAfterAsync(DemoCounty.Lisi, "wrong"));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await host.Browser().SignInAsync(DemoCounty.Zhangsan, Browser.Password)).StatusCode);
    }

    [Fact]
    public async Task A_locked_account_gets_no_code_from_an_existing_session()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = IdentityHost.Start(Databases.Sqlite, services: s => s.AddSingleton<TimeProvider>(clock));
        var signedIn = host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await signedIn.SignInAsync(DemoCounty.Lisi, Browser.Password)).StatusCode);

        var attacker = host.Browser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await attacker.SignInPageAfterAsync(DemoCounty.Lisi, "guess-" + attempt);
        }
        var response = await signedIn.Http.GetAsync(Browser.AuthorizeUrl(Browser.Cli, Browser.CliRedirect, Pkce.New()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString);
    }
}
