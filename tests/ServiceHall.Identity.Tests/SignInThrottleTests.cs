using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>
/// Failed sign-ins slow further tries for that account from that address (and, past more failures, from that
/// address at all), doubling the wait each time; they never lock the account. The service reads time from the
/// host's TimeProvider, so a FakeTimeProvider moves past the waits without sleeping.
/// </summary>
public sealed partial class SignInThrottleTests
{
    const string Attacker = "203.0.113.7";
    const string Owner = "198.51.100.20";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task After_five_failures_each_try_from_that_address_waits_twice_as_long_and_then_the_right_password_works(string database)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = IdentityHost.Start(database, IdentityHost.BehindProxy(), s => s.AddSingleton<TimeProvider>(clock));
        var browser = host.Browser(Attacker);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Contains("用户名或密码错误", await browser.SignInPageAfterAsync(DemoCounty.Zhangsan, "wrong-password-" + attempt));
        }
        // Too early (one second after the fifth failure): refused like a wrong password, the password not even checked.
        Assert.Contains("用户名或密码错误", await browser.SignInPageAfterAsync(DemoCounty.Zhangsan, Browser.Password));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("用户名或密码错误", await browser.SignInPageAfterAsync(DemoCounty.Zhangsan, "wrong-password-6"));
        clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Contains("用户名或密码错误", await browser.SignInPageAfterAsync(DemoCounty.Zhangsan, Browser.Password));

        clock.Advance(TimeSpan.FromSeconds(0.5));
        var after = await browser.SignInAsync(DemoCounty.Zhangsan, Browser.Password);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_owner_signs_in_from_another_address_while_an_attacker_hammers_the_account()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = IdentityHost.Start(Databases.Sqlite, IdentityHost.BehindProxy(), s => s.AddSingleton<TimeProvider>(clock));
        var attacker = host.Browser(Attacker);

        for (var attempt = 1; attempt <= 25; attempt++)
        {
            await attacker.SignInPageAfterAsync(DemoCounty.Gongan, "guess-" + attempt);
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        // By now the attacker's tries wait 16 s each: even the right password is refused from there.
        Assert.Contains("用户名或密码错误", await attacker.SignInPageAfterAsync(DemoCounty.Gongan, Browser.Password));

        var owner = await host.Browser(Owner).SignInAsync(DemoCounty.Gongan, Browser.Password);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        Assert.Equal("/", owner.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unknown_name_a_wrong_password_and_a_throttled_try_get_the_same_answer()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = IdentityHost.Start(Databases.Sqlite, IdentityHost.BehindProxy(), s => s.AddSingleton<TimeProvider>(clock));

        var unknown = await host.Browser(Owner).SignInAsync("nobody-here", "Some-Password-1");
        var wrong = await host.Browser(Owner).SignInAsync(DemoCounty.Lisi, "Some-Password-1");
        var attacker = host.Browser(Attacker);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await attacker.SignInPageAfterAsync(DemoCounty.Lisi, "guess-" + attempt);
        }
        var throttled = await attacker.SignInAsync(DemoCounty.Lisi, Browser.Password);

        var pages = new List<string>();
        foreach (var (response, typed) in new[] { (unknown, "nobody-here"), (wrong, DemoCounty.Lisi), (throttled, DemoCounty.Lisi) })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.Location);
            var page = await response.Content.ReadAsStringAsync(Ct);
            pages.Add(AntiforgeryValue().Replace(page, "value=\"TOKEN\"").Replace($"value=\"{typed}\"", "value=\"NAME\""));
        }
        Assert.Contains("用户名或密码错误", pages[0]);
        Assert.Equal(pages[0], pages[1]);
        Assert.Equal(pages[0], pages[2]);
    }

    [Fact]
    public async Task A_signed_in_session_goes_on_while_somebody_else_mistypes_its_password()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = IdentityHost.Start(Databases.Sqlite, IdentityHost.BehindProxy(), s => s.AddSingleton<TimeProvider>(clock));
        var signedIn = host.Browser(Owner);
        Assert.Equal(HttpStatusCode.Redirect, (await signedIn.SignInAsync(DemoCounty.Lisi, Browser.Password)).StatusCode);

        var attacker = host.Browser(Attacker);
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            await attacker.SignInPageAfterAsync(DemoCounty.Lisi, "guess-" + attempt);
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        var response = await signedIn.Http.GetAsync(Browser.AuthorizeUrl(Browser.Cli, Browser.CliRedirect, Pkce.New()), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(Browser.CliRedirect, response.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" )value=\"[^\"]*\"")]
    private static partial Regex AntiforgeryValue();
}
