using System.Net;
using ServiceHall.Catalog.V1;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

public sealed class ItemPageTests
{
    static readonly string ItemPage = "/items/" + SampleHall.IdCardItem;

    [Fact]
    public async Task The_guide_has_every_section_of_the_markup_contract()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();

        var (status, html) = await host.Browser().GetPageAsync(ItemPage);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>居民身份证申领</h1>", html);
        foreach (var id in new[] { "materials", "conditions", "steps", "limits", "fees", "place", "contacts", "faq", "questions", "history" })
        {
            Assert.Contains($"<section id=\"{id}\"", html);
        }
        Assert.Contains("<h2 id=\"materials-heading\">申请材料</h2>", html);
        var materials = Elements(html, "li", "material");
        Assert.Equal(3, materials.Count);
        Assert.Contains("<h3>居民户口簿</h3>", materials[0]);
        Assert.Contains("<dt>必要性</dt><dd>必要</dd>", materials[0]);
        Assert.Contains("<dt>份数</dt><dd>1份</dd>", materials[0]);
        Assert.Contains("<a href=\"/files/forms/id-card.docx\">下载</a>", materials[2]);
        Assert.Contains("<a class=\"print\" href=\"" + ItemPage + "/print\">", html);

        Assert.Contains("年满十六周岁的本县户籍居民。", Section(html, "conditions"));
        Assert.Contains("<strong>受理</strong>", Section(html, "steps"));
        var limits = Section(html, "limits");
        Assert.Contains("<dt>法定办结时限</dt>\n<dd>60个工作日</dd>", limits);
        Assert.Contains("20个工作日<span class=\"explanation\">（偏远地区另加5个工作日）</span>", limits);
        Assert.Contains("<dt>网上办理深度</dt><dd>Ⅲ级：网上受理，现场取结果</dd>", Section(html, "visits"));
        var fees = Section(html, "fees");
        Assert.Contains("20元/证", fees);
        Assert.Contains("《关于居民身份证收费标准的通知》", fees);
        Assert.Contains("县行政服务中心二楼公安窗口", Section(html, "place"));
        var contacts = Section(html, "contacts");
        Assert.Contains("<a href=\"tel:0883-1234567\">0883-1234567</a>", contacts);
        Assert.Contains("0883-7654321", contacts);
        Assert.Contains("县人民法院", Section(html, "appeal"));
        Assert.Contains("<dt>身份证丢了怎么办？</dt><dd>可以申请补领。</dd>", Section(html, "faq"));
        Assert.Contains("可以异地办理吗？", Section(html, "questions"));
        var history = Section(html, "history");
        Assert.Contains("<time datetime=\"2026-03-02\">2026年3月2日（星期一）</time> 发布 第3版", history);
        Assert.Contains("<li>收费标准：依据更新</li>", history);
    }

    [Fact]
    public async Task A_guide_without_fees_says_free_of_charge()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog().On<GetItemRequest, ServiceItem>("GetItem", _ =>
        {
            var item = SampleHall.IdCard();
            item.Guide.Charged = false;
            item.Guide.Fees.Clear();
            return item;
        });

        var (_, html) = await host.Browser().GetPageAsync(ItemPage);

        Assert.Contains("<p>不收费</p>", Section(html, "fees"));
    }

    [Fact]
    public async Task Signed_out_the_questions_offer_sign_in_and_signed_in_the_ask_form()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();

        var (_, anonymous) = await host.Browser().GetPageAsync(ItemPage);
        var (_, signedIn) = await host.Browser(TestUser.Zhangsan).GetPageAsync(ItemPage);

        Assert.Contains("<a class=\"signin\" href=\"/signin?returnUrl=%2Fitems%2F" + SampleHall.IdCardItem + "\">登录后咨询</a>", anonymous);
        Assert.DoesNotContain("<form id=\"ask\"", anonymous);
        Assert.Contains("<form id=\"ask\" method=\"post\" action=\"" + ItemPage + "/ask\"", signedIn);
        Assert.Contains("<label for=\"question\">", signedIn);
        Assert.Contains("<textarea name=\"question\" id=\"question\"", signedIn);
        Assert.Contains("<button type=\"submit\">提交咨询</button>", signedIn);
    }

    [Fact]
    public async Task An_unknown_item_is_a_404_page_in_Chinese()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();

        var (status, html) = await host.Browser().GetPageAsync("/items/no-such-item");
        var (printStatus, _) = await host.Browser().GetPageAsync("/items/no-such-item/print");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<h1>找不到这个页面</h1>", html);
        Assert.Equal(HttpStatusCode.NotFound, printStatus);
    }

    [Fact]
    public async Task The_guide_still_shows_when_its_history_and_questions_cannot_be_read()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog().Fail("GetItemHistory", Grpc.Core.StatusCode.Unavailable).Hang("ListItemQuestions");

        var (status, html) = await host.Browser().GetPageAsync(ItemPage);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, Elements(html, "li", "material").Count);
        Assert.Contains("变更记录暂时无法显示", Section(html, "history"));
        Assert.Contains("咨询问答暂时无法显示", Section(html, "questions"));
        Assert.Contains("服务响应较慢，请稍后再试。", html);
    }

    [Fact]
    public async Task A_slow_catalog_makes_a_slow_notice_not_a_hanging_page()
    {
        await using var host = new PortalHost();
        host.Hall.Hang("GetItem").Hang("GetItemHistory").Hang("ListItemQuestions");

        var (status, html) = await host.Browser().GetPageAsync(ItemPage);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("<p class=\"notice\" role=\"status\">服务响应较慢，请稍后再试。</p>", html);
        Assert.Contains("<a href=\"/browse\">", html);
    }

    [Fact]
    public async Task The_print_view_is_the_same_guide_without_forms_or_navigation()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();

        var (status, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync(ItemPage + "/print");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>居民身份证申领</h1>", html);
        Assert.Equal(3, Elements(html, "li", "material").Count);
        Assert.Contains("<section id=\"fees\"", html);
        // The one printable guide of the hall (the API's /api/catalog/items/{id}/print is routed here): every
        // section real portals print, under its heading.
        foreach (var section in new[] { "basic", "conditions", "materials", "steps", "limits", "fees", "place", "contacts", "basis", "faq" })
        {
            Assert.Contains($"id=\"{section}-heading\"", html);
        }
        Assert.DoesNotContain("<form", html);
        Assert.DoesNotContain("class=\"site-nav\"", html);
    }
}
