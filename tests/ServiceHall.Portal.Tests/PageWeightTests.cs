using System.Net;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using ServiceHall.Catalog.V1;
using ServiceHall.Search.V1;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

/// <summary>Every page kind, with generous demo-sized content, stays under 100 KB of HTML, CSS and script (before images).</summary>
public sealed class PageWeightTests
{
    const int Budget = 100 * 1024;

    /// <summary>A heavy guide: many materials, steps, questions and versions, each with long text.</summary>
    static ServiceItem HeavyItem()
    {
        var item = SampleHall.IdCard();
        var words = string.Concat(Enumerable.Repeat("申请人应当如实提交材料并对材料的真实性负责。", 6));
        for (var i = 0; i < 15; i++)
        {
            item.Guide.Materials.Add(new Material
            {
                Name = $"第{i}项证明材料", Type = "原件和复印件", Form = "纸质或电子", Necessity = "必要", Copies = 2, Specification = "A4",
                Source = "申请人自备", Notes = words, AcceptanceStandard = words, Basis = "《中华人民共和国行政许可法》第三十一条",
                BlankForm = $"/files/forms/{i}.docx", Sample = $"/files/samples/{i}.docx",
            });
            item.Guide.Faqs.Add(new Faq { Question = $"常见问题{i}：{words[..20]}？", Answer = words });
        }
        for (var i = 0; i < 10; i++)
        {
            item.Guide.Steps.Add(new ProcessStep { Name = $"环节{i}", Description = words });
        }
        return item;
    }

    [Fact]
    public async Task Every_page_kind_is_under_100_KB_with_its_stylesheet_and_script()
    {
        await using var host = new PortalHost();
        var history = SampleHall.History();
        for (var v = 4; v < 40; v++)
        {
            history.Entries.Add(new ItemHistoryEntry { Action = ItemHistoryAction.Published, GuideVersion = v, Reason = "更新办理时间", Changes = { "办理地点和时间：调整", "申请材料：新增一项" }, At = Timestamp.FromDateTime(DateTime.UtcNow) });
        }
        var questions = new ListItemQuestionsResponse();
        var mine = new ListConsultationsResponse();
        for (var i = 0; i < 20; i++)
        {
            questions.Questions.Add(new PublicQuestion { Question = $"问题{i}：可以网上办理吗？", Answer = "可以通过办事通提交申请，审核通过后快递送达。", PublishedAt = Timestamp.FromDateTime(DateTime.UtcNow) });
            mine.Consultations.Add(new Consultation
            {
                ItemId = SampleHall.IdCardItem, ItemName = "居民身份证申领", Question = "可以委托他人代办吗？需要带什么材料？", Status = ConsultationStatus.Answered,
                AskedAt = Timestamp.FromDateTime(DateTime.UtcNow), ReplyDeadline = "2026-12-02", Answer = "可以委托，需带委托书和双方身份证。",
                AnsweredAt = Timestamp.FromDateTime(DateTime.UtcNow),
            });
        }
        var search = new SearchResponse { Total = 500, NextPageToken = "MTA=" };
        for (var i = 0; i < 10; i++)
        {
            search.Hits.Add(SampleHall.Hit(DocumentType.Item, $"id{i}", "居民身份证申领（首次申领）", "居民身份证申领：年满十六周岁的本县户籍居民可以到窗口申领居民身份证，需提交户口簿。", (5, 3), (20, 5)));
        }
        search.Facets.Add(new Facet { Name = "department", Values = { Enumerable.Range(0, 20).Select(i => new FacetValue { Value = $"县第{i}部门", Count = i }) } });
        host.Hall.WithCatalog()
            .On<GetItemRequest, ServiceItem>("GetItem", _ => HeavyItem())
            .On<GetItemRequest, ItemHistory>("GetItemHistory", _ => history)
            .On<ListItemQuestionsRequest, ListItemQuestionsResponse>("ListItemQuestions", _ => questions)
            .On<ListMyConsultationsRequest, ListConsultationsResponse>("ListMyConsultations", _ => mine)
            .On<SearchRequest, SearchResponse>("Search", _ => search)
            .On<SuggestRequest, SuggestResponse>("Suggest", _ => new SuggestResponse());
        var browser = host.Browser(TestUser.Zhangsan);
        var assets = Encoding.UTF8.GetByteCount(await browser.GetStringAsync("/portal.css", Ct))
            + Encoding.UTF8.GetByteCount(await browser.GetStringAsync("/portal.js", Ct));

        foreach (var url in new[]
        {
            "/", "/search?q=sfz", "/items/" + SampleHall.IdCardItem, "/items/" + SampleHall.IdCardItem + "/print", "/browse",
            "/browse/items?personTheme=%E6%88%B7%E7%B1%8D%E5%8A%9E%E7%90%86", "/my/questions", "/no-such-page",
        })
        {
            var (status, html) = await browser.GetPageAsync(url);
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {status}");
            var weight = Encoding.UTF8.GetByteCount(html) + assets;
            Assert.True(weight < Budget, $"{url} weighs {weight} bytes with its stylesheet and script");
        }
    }

    [Fact]
    public async Task Pages_carry_no_external_resources()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();

        var (_, html) = await host.Browser().GetPageAsync("/items/" + SampleHall.IdCardItem);

        Assert.DoesNotContain("<script src=\"http", html);
        Assert.DoesNotContain("<link rel=\"stylesheet\" href=\"http", html);
        Assert.Contains("<script src=\"/portal.js?v=", html);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/portal.css?v=", html);
    }

    [Fact]
    public async Task Versioned_stylesheets_are_kept_a_year_and_pages_are_never_framed()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();
        var browser = host.Browser();
        var (_, html) = await browser.GetPageAsync("/");
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/portal\\.css\\?v=[^\"]+)\"").Groups[1].Value;

        using var stylesheet = await browser.GetAsync(WebUtility.HtmlDecode(css), Ct);
        using var page = await browser.GetAsync("/browse", Ct);

        Assert.Equal("public, max-age=31536000, immutable", stylesheet.Headers.CacheControl?.ToString());
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
    }
}
