using System.Diagnostics;
using System.Net;
using ServiceHall.Search.V1;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

public sealed class SearchPageTests
{
    static FakeHall Answering(FakeHall hall, SearchResponse response, params string[] suggestions) => hall
        .On<SearchRequest, SearchResponse>("Search", _ => response)
        .On<SuggestRequest, SuggestResponse>("Suggest", _ => new SuggestResponse { Suggestions = { suggestions.Select(s => new Suggestion { Text = s, Type = DocumentType.Item }) } });

    /// <summary>A public question's address is its item's questions.</summary>
    static SearchHit QuestionHit(SearchHit hit)
    {
        hit.Url = $"/api/catalog/items/{SampleHall.IdCardItem}/questions";
        return hit;
    }

    [Fact]
    public async Task Hits_have_title_links_type_labels_marked_snippets_and_why()
    {
        await using var host = new PortalHost();
        Answering(host.Hall, new SearchResponse
        {
            Total = 2,
            IndexStatus = IndexState.Ready,
            Hits =
            {
                // 𠀾 is outside the BMP: two UTF-16 units, so 身份证 starts at 4.
                SampleHall.Hit(DocumentType.Item, SampleHall.IdCardItem, "居民身份证申领", "𠀾居民身份证申领", (4, 3)),
                // A highlight that ends the snippet, and one stale offset beyond it that marks nothing.
                QuestionHit(SampleHall.Hit(DocumentType.Qa, "q1", "补领身份证要多久？", "补领需要身份证", (5, 2), (40, 3))),
            },
        });

        var (status, html) = await host.Browser().GetPageAsync("/search?q=%E8%BA%AB%E4%BB%BD%E8%AF%81");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<ol class=\"hits\">", html);
        Assert.Equal(2, Count(html, "<li class=\"hit\">"));
        Assert.Contains("<a class=\"hit-title\" href=\"/items/" + SampleHall.IdCardItem + "\">居民身份证申领</a>", html);
        // A public question opens its item's page at the questions.
        Assert.Contains("<a class=\"hit-title\" href=\"/items/" + SampleHall.IdCardItem + "#questions\">补领身份证要多久？</a>", html);
        Assert.Equal(["𠀾居民<mark>身份证</mark>申领", "补领需要身<mark>份证</mark>"], Elements(html, "p", "snippet"));
        Assert.Contains("<span class=\"hit-type\">办事指南</span>", html);
        Assert.Contains("<span class=\"hit-type\">问答</span>", html);
        Assert.Contains("<p class=\"why\">匹配：标题、同义词</p>", html);
        Assert.Contains("共找到2条结果", html);
        // The query goes back into the header's search box.
        Assert.Contains("<input type=\"search\" name=\"q\" id=\"q\" value=\"身份证\"", html);
        var request = (SearchRequest)Assert.Single(host.Hall.CallsTo("Search")).Request;
        Assert.Equal("身份证", request.Q);
    }

    [Fact]
    public async Task Facets_add_and_remove_filters_and_the_chosen_one_is_current()
    {
        await using var host = new PortalHost();
        Answering(host.Hall, new SearchResponse
        {
            Total = 1,
            Hits = { SampleHall.Hit(DocumentType.Item, SampleHall.IdCardItem, "居民身份证申领", "居民身份证申领") },
            Facets =
            {
                new Facet { Name = "type", Values = { new FacetValue { Value = "DOCUMENT_TYPE_ITEM", Count = 12, Selected = true }, new FacetValue { Value = "DOCUMENT_TYPE_QA", Count = 3 } } },
                new Facet { Name = "department", Values = { new FacetValue { Value = "县公安局", Count = 9 } } },
                new Facet { Name = "sector", Values = { new FacetValue { Value = "SECTOR_SOCIAL_INSURANCE", Count = 1 } } },
                new Facet { Name = "online_depth", Values = { new FacetValue { Value = "ONLINE_DEPTH_FULLY_ONLINE", Count = 2 } } },
            },
        });

        var (_, html) = await host.Browser().GetPageAsync("/search?q=sfz&type=item&page=MTA%3D");

        var facets = Assert.Single(Elements(html, "nav", "facets"));
        Assert.Contains("<nav class=\"facets\" aria-label=\"筛选\">", html);
        // The chosen type links to the same search without it (and back to the first page), marked current.
        Assert.Contains("<a href=\"/search?q=sfz\" aria-current=\"true\" class=\"selected\">办事指南 <span class=\"count\">(12)</span>", facets);
        // Another value replaces the filter; another facet adds to it.
        Assert.Contains("<a href=\"/search?q=sfz&type=qa\">问答 <span class=\"count\">(3)</span></a>", facets);
        Assert.Contains("<a href=\"/search?q=sfz&type=item&department=县公安局\">县公安局 <span class=\"count\">(9)</span></a>", WebUtility.UrlDecode(facets));
        Assert.Contains("<a href=\"/search?q=sfz&type=item&onlineDepth=4\">Ⅳ级：全程网办，无需到现场", facets);
        // The address carries short words; the facet's label is the sector's Chinese name.
        Assert.Contains("<a href=\"/search?q=sfz&type=item&sector=social-insurance\">社会保险 <span class=\"count\">(1)</span></a>", facets);
        Assert.Equal(1, Count(facets, "aria-current"));
        var request = (SearchRequest)Assert.Single(host.Hall.CallsTo("Search")).Request;
        Assert.Equal((DocumentType.Item, "MTA="), (request.Type, request.PageToken));
    }

    [Fact]
    public async Task Did_you_mean_is_a_link_and_few_hits_bring_related_searches_and_the_next_page_link()
    {
        await using var host = new PortalHost();
        Answering(host.Hall, new SearchResponse
        {
            Total = 11,
            DidYouMean = "身份证",
            NextPageToken = "MTA=",
            Hits = { SampleHall.Hit(DocumentType.Item, SampleHall.IdCardItem, "居民身份证申领", "居民身份证申领") },
        }, "身份证补领", "身分证", "身份证换领");

        var (_, html) = await host.Browser().GetPageAsync("/search?q=%E8%BA%AB%E5%88%86%E8%AF%81&theme=%E8%AF%81%E4%BB%B6%E5%8A%9E%E7%90%86");

        Assert.Contains("<p class=\"did-you-mean\">您是不是要找： <a href=\"/search?q=%E8%BA%AB%E4%BB%BD%E8%AF%81\">身份证</a></p>", html);
        var related = Section(html, "related");
        Assert.Contains("身份证补领", related);
        // The query itself is not offered as a related search.
        Assert.DoesNotContain(">身分证<", related);
        Assert.Contains("href=\"/search?q=%E8%BA%AB%E5%88%86%E8%AF%81&amp;theme=%E8%AF%81%E4%BB%B6%E5%8A%9E%E7%90%86&amp;page=MTA%3D\" rel=\"next\"", html);
    }

    [Fact]
    public async Task A_pasted_credit_code_links_to_its_entity_and_an_index_being_rebuilt_is_announced()
    {
        await using var host = new PortalHost();
        Answering(host.Hall, new SearchResponse { RedirectUrl = "/api/credit/entities/91350100M000100Y43", IndexStatus = IndexState.Rebuilding });

        var (status, html) = await host.Browser().GetPageAsync("/search?q=91350100M000100Y43");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<a href=\"/api/credit/entities/91350100M000100Y43\">查看该主体的信用信息</a>", html);
        Assert.Contains("<p class=\"notice\" role=\"status\">搜索索引正在重建，结果可能不完整，请稍后再试。</p>", html);
    }

    [Fact]
    public async Task Search_down_says_so_politely_and_offers_browsing()
    {
        await using var host = new PortalHost();
        host.Hall.Fail("Search", Grpc.Core.StatusCode.Unavailable).Fail("Suggest", Grpc.Core.StatusCode.Unavailable);

        var (status, html) = await host.Browser().GetPageAsync("/search?q=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<p class=\"notice\" role=\"status\">搜索服务暂时不可用", html);
        Assert.Contains("<a href=\"/browse\">", html);
        Assert.Contains("<a href=\"/browse/items?onlineDepth=4\">", html);
        Assert.DoesNotContain("<ol class=\"hits\">", html);
    }

    [Fact]
    public async Task A_slow_search_ends_at_the_deadline_with_the_slow_notice()
    {
        await using var host = new PortalHost();
        host.Hall.Hang("Search").Hang("Suggest");
        var clock = Stopwatch.StartNew();

        var (status, html) = await host.Browser().GetPageAsync("/search?q=abc");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<p class=\"notice\" role=\"status\">服务响应较慢，请稍后再试。</p>", html);
        Assert.InRange(clock.Elapsed, PortalHost.Deadline, TimeSpan.FromSeconds(5));
        var call = Assert.Single(host.Hall.CallsTo("Search"));
        Assert.InRange(call.Options.Deadline!.Value - DateTime.UtcNow, TimeSpan.FromSeconds(-10), PortalHost.Deadline);
    }

    [Fact]
    public async Task A_resident_id_number_is_never_sent_to_search_nor_echoed()
    {
        await using var host = new PortalHost();

        var (_, html) = await host.Browser().GetPageAsync("/search?q=11010519491231002X");

        Assert.Empty(host.Hall.CallsTo("Search"));
        Assert.DoesNotContain("11010519491231002X", html);
        Assert.Contains("为保护个人信息，搜索不接受身份证号码", html);
    }

    [Fact]
    public async Task An_empty_query_shows_a_hint_without_calling_search()
    {
        await using var host = new PortalHost();

        var (status, html) = await host.Browser().GetPageAsync("/search?q=+");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(host.Hall.Calls);
        Assert.Contains("<p class=\"hint\">", html);
    }
}
