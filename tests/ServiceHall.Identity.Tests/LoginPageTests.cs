using System.Net;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>The sign-in page a person sees: Chinese, accessible, and careful with what it sends back.</summary>
public sealed class LoginPageTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_is_chinese_with_labelled_fields_and_no_script()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);

        var response = await host.Browser().Http.GetAsync("/account/login?returnUrl=%2F", Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("<html lang=\"zh-CN\">", page);
        Assert.Contains("<title>登录 — 县政务服务网</title>", page);
        Assert.Contains("<label for=\"username\">用户名</label>", page);
        Assert.Contains("id=\"username\" name=\"username\"", page);
        Assert.Contains("<label for=\"password\">密码</label>", page);
        Assert.Contains("type=\"password\" id=\"password\" name=\"password\"", page);
        Assert.Contains("<button type=\"submit\">登录</button>", page);
        Assert.Contains("name=\"__RequestVerificationToken\"", page);
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain("name=\"totp\"", page);
    }

    [Fact]
    public async Task A_wrong_password_or_an_unknown_name_gets_the_same_message_and_the_password_never_comes_back()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var browser = host.Browser();

        var wrongPassword = await browser.SignInPageAfterAsync(DemoCounty.Zhangsan, "Secret-Typed-123");
        var unknownName = await browser.SignInPageAfterAsync("no-such-person", "Secret-Typed-456");

        Assert.Contains("用户名或密码错误", wrongPassword);
        Assert.Contains("用户名或密码错误", unknownName);
        Assert.DoesNotContain("Secret-Typed-123", wrongPassword);
        Assert.DoesNotContain("Secret-Typed-456", unknownName);
        Assert.Contains("value=\"zhangsan\"", wrongPassword);
        Assert.Contains("role=\"alert\"", wrongPassword);
    }

    [Fact]
    public async Task An_empty_form_and_a_form_without_its_token_get_the_page_again_not_an_error()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var browser = host.Browser();
        var page = await browser.GetStringAsync("/account/login");

        var empty = await browser.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(page),
        }), Ct);
        var tokenless = await browser.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = DemoCounty.Zhangsan,
            ["password"] = Browser.Password,
        }), Ct);
        var notAForm = await browser.Http.PostAsync("/account/login", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请输入用户名和密码", await empty.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        var tokenlessPage = await tokenless.Content.ReadAsStringAsync(Ct);
        Assert.Contains("页面已过期", tokenlessPage);
        Assert.DoesNotContain(Browser.Password, tokenlessPage);
        Assert.Null(tokenless.Headers.Location);
        Assert.Equal(HttpStatusCode.BadRequest, notAForm.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", await notAForm.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Only_local_return_urls_are_followed(string returnUrl)
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);

        var response = await host.Browser().SignInAsync(DemoCounty.Zhangsan, Browser.Password, returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);
        var browser = host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(DemoCounty.Yiyuan, Browser.Password)).StatusCode);
        Assert.Contains("县人民医院信息公开", await browser.GetStringAsync("/"));

        // Neither a plain GET (a link or an image on another site) nor a POST without the page's token signs out.
        var link = await browser.Http.GetAsync("/account/logout", Ct);
        var forged = await browser.Http.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()), Ct);
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/account/logout\">", await link.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("县人民医院信息公开", await browser.GetStringAsync("/"));

        var signedOut = await browser.SignOutAsync();

        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Contains("已退出登录", await signedOut.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain("县人民医院信息公开", await browser.GetStringAsync("/"));
        var authorize = await browser.Http.GetAsync(Browser.AuthorizeUrl(Browser.Cli, Browser.CliRedirect, Pkce.New()), Ct);
        Assert.StartsWith("/account/login", authorize.Headers.Location!.OriginalString);
    }
}
