using System.Net;
using System.Text.RegularExpressions;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>The authenticator (TOTP) second factor: the demo administrator has it with a fixed demo key.</summary>
public sealed partial class TwoFactorTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_administrator_needs_the_right_code_after_the_right_password(string database)
    {
        await using var host = IdentityHost.Start(database);
        var browser = host.Browser();

        var withoutCode = await browser.SignInPageAfterAsync(DemoCounty.Admin, Browser.Password);
        Assert.Contains("<label for=\"totp\">动态验证码</label>", withoutCode);
        Assert.Contains("name=\"totp\"", withoutCode);

        var wrong = await browser.SignInPageAfterAsync(DemoCounty.Admin, Browser.Password, Totp.WrongCode(HallSignIn.DemoAdminTotpKey, DateTimeOffset.UtcNow));
        Assert.Contains("动态验证码错误", wrong);

        var right = await browser.SignInAsync(DemoCounty.Admin, Browser.Password, Totp.Code(HallSignIn.DemoAdminTotpKey, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("系统管理员", await browser.GetStringAsync("/"));
    }

    [Fact]
    public async Task The_code_field_is_not_shown_to_accounts_without_an_authenticator()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);

        var page = await host.Browser().SignInPageAfterAsync(DemoCounty.Gongan, "wrong-password");

        Assert.DoesNotContain("name=\"totp\"", page);
        Assert.DoesNotContain("动态验证码", page);
    }

    [Fact]
    public async Task A_wrong_password_with_the_right_code_is_still_refused()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);

        var page = await host.Browser().SignInPageAfterAsync(DemoCounty.Admin, "wrong-password", Totp.Code(HallSignIn.DemoAdminTotpKey, DateTimeOffset.UtcNow));

        Assert.Contains("用户名或密码错误", page);
    }

    [Fact]
    public async Task An_officer_turns_the_authenticator_on_and_then_needs_codes()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var browser = host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(DemoCounty.Shichang, Browser.Password)).StatusCode);

        var setup = await browser.GetStringAsync("/account/two-factor");
        var uri = System.Net.WebUtility.HtmlDecode(OtpAuthUri().Match(setup).Groups[1].Value);
        Assert.StartsWith("otpauth://totp/", uri);
        var key = Browser.Query(new Uri(uri))["secret"];
        Assert.Equal(key, KeyText().Match(setup).Groups[1].Value.Replace(" ", ""));

        var confirm = await browser.Http.PostAsync("/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(setup),
            ["totp"] = Totp.Code(key, DateTimeOffset.UtcNow),
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("动态验证码已启用", await confirm.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var next = host.Browser();
        Assert.Contains("name=\"totp\"", await next.SignInPageAfterAsync(DemoCounty.Shichang, Browser.Password));
        Assert.Equal(HttpStatusCode.Redirect, (await next.SignInAsync(DemoCounty.Shichang, Browser.Password, Totp.Code(key, DateTimeOffset.UtcNow))).StatusCode);
    }

    [Fact]
    public async Task An_applicant_cannot_turn_on_the_staff_second_factor()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var browser = host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(DemoCounty.Zhangsan, Browser.Password)).StatusCode);

        var response = await browser.Http.GetAsync("/account/two-factor", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("otpauth://", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [GeneratedRegex("<code id=\"uri\">([^<]+)</code>")]
    private static partial Regex OtpAuthUri();

    [GeneratedRegex("<code id=\"key\">([^<]+)</code>")]
    private static partial Regex KeyText();
}
