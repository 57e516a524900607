using System.Net;
using ServiceHall.Catalog.V1;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

public sealed class HomePageTests
{
    [Fact]
    public async Task Home_has_the_search_form_the_themes_and_popular_services()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();

        var (status, html) = await host.Browser().GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"zh-CN\">", html);
        // The demo hall is 镇康县's (Portal:County), named in the heading, the header and the footer.
        Assert.Contains("<h1 class=\"home-title\">欢迎来到镇康县政务服务网</h1>", html);
        Assert.Contains("<a href=\"/\">镇康县政务服务网</a>", html);
        Assert.Contains("镇康县人民政府办公室主办", html);
        Assert.Contains("<form role=\"search\" action=\"/search\" method=\"get\"", html);
        Assert.Contains("<input type=\"search\" name=\"q\" id=\"q\"", html);
        Assert.Contains("<label for=\"q\">", html);
        Assert.Contains("<button type=\"submit\">搜索</button>", html);
        // On home the search box is the main thing: not repeated in the header (one id="q" on the page).
        Assert.Equal(1, Count(html, "id=\"q\""));
        Assert.Contains("href=\"/browse/items?personTheme=%E6%88%B7%E7%B1%8D%E5%8A%9E%E7%90%86\"", html); // 户籍办理
        Assert.Contains("href=\"/browse/items?legalPersonTheme=%E8%AE%BE%E7%AB%8B%E5%8F%98%E6%9B%B4\"", html); // 设立变更
        Assert.Contains("<li class=\"item\"><a href=\"/items/" + SampleHall.IdCardItem + "\">居民身份证申领</a></li>", html);
        // Popular: the first items of the three person themes with the most items (社会保障 20, 户籍办理 12, 证件办理 9).
        var asked = host.Hall.CallsTo("ListItems").Select(c => ((ListItemsRequest)c.Request).PersonTheme).Order().ToList();
        Assert.Equal(["户籍办理", "社会保障", "证件办理"], asked);
        Assert.All(host.Hall.CallsTo("ListItems"), c => Assert.NotNull(c.Options.Deadline));
    }

    [Fact]
    public async Task Home_still_offers_search_when_the_catalog_is_down()
    {
        await using var host = new PortalHost();
        host.Hall.Fail("GetNavigation", Grpc.Core.StatusCode.Unavailable);

        var (status, html) = await host.Browser().GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<input type=\"search\" name=\"q\" id=\"q\"", html);
        Assert.Contains("<p class=\"notice\" role=\"status\">服务暂时不可用，请稍后再试。</p>", html);
    }

    [Fact]
    public async Task Every_page_has_landmarks_a_skip_link_and_one_h1()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();

        foreach (var url in new[] { "/", "/browse", "/items/" + SampleHall.IdCardItem, "/search?q=x", "/no-such-page" })
        {
            var (_, html) = await host.Browser().GetPageAsync(url);
            Assert.Contains("<a class=\"skip-link\" href=\"#main\">跳到主要内容</a>", html);
            Assert.Contains("<header class=\"site-header\">", html);
            Assert.Contains("<main id=\"main\"", html);
            Assert.Contains("<footer class=\"site-footer\">", html);
            Assert.Contains("<nav class=\"site-nav\" aria-label=\"主导航\">", html);
            Assert.True(Count(html, "<h1") == 1, $"{url} has {Count(html, "<h1")} h1 elements");
        }
    }

    [Fact]
    public async Task Signed_out_header_offers_sign_in_back_to_the_page_and_signed_in_shows_the_name_and_sign_out()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();

        var (_, anonymous) = await host.Browser().GetPageAsync("/browse");
        var (_, signedIn) = await host.Browser(TestUser.Zhangsan).GetPageAsync("/browse");

        Assert.Contains("<a class=\"signin\" href=\"/signin?returnUrl=%2Fbrowse\">登录</a>", anonymous);
        Assert.DoesNotContain("action=\"/signout\"", anonymous);
        Assert.Contains("<span class=\"user-name\">张三</span>", signedIn);
        Assert.Matches("<form method=\"post\" action=\"/signout\" class=\"signout\"><input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\" /><button type=\"submit\">退出</button></form>", signedIn);
        Assert.DoesNotContain("class=\"signin\"", signedIn);
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_page_in_Chinese()
    {
        await using var host = new PortalHost();

        var (status, html) = await host.Browser().GetPageAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<h1>找不到这个页面</h1>", html);
        // The sign-in link leads back to the address asked for, not to the error page.
        Assert.Contains("returnUrl=%2Fno-such-page", html);
    }

    [Fact]
    public async Task A_failure_is_the_portals_friendly_page_never_a_raw_500()
    {
        await using var host = new PortalHost();
        // A refusal the portal has no words for on a public read: an unexpected failure.
        host.Hall.Fail("GetItem", Grpc.Core.StatusCode.PermissionDenied).Fail("GetItemHistory", Grpc.Core.StatusCode.PermissionDenied)
            .Fail("ListItemQuestions", Grpc.Core.StatusCode.PermissionDenied);

        var (status, html) = await host.Browser().GetPageAsync("/items/abc");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("<h1>出了点问题</h1>", html);
        Assert.DoesNotContain("RpcException", html);
        Assert.DoesNotContain("PermissionDenied", html);
    }
}
