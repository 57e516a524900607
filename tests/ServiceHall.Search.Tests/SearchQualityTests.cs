using System.Net;
using System.Text.Json;
using Grpc.Core;
using ServiceHall.Catalog.V1;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.Search.V1;
using ServiceHall.Testing;

namespace ServiceHall.Search.Tests;

/// <summary>
/// What people type against a small catalog, with no best bets configured, so analysis and ranking alone must
/// find the service: colloquial words, pinyin, initials, homophone typos, pasted codes; facets, suggestions, and
/// every hostile input answered 400.
/// </summary>
public sealed class SearchQualityTests : IAsyncLifetime
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string RestaurantCode = DemoCounty.Business;

    readonly string curationFile = Path.Combine(Path.GetTempPath(), $"curation-{Guid.NewGuid():N}.json");
    ServiceHost<Program> host = null!;

    public async ValueTask InitializeAsync()
    {
        File.WriteAllText(curationFile, """{"bestBets": {"户口": ["000100000007"]}, "popularity": {"000100000001": 18000}, "doNotCorrect": ["sfz"], "doNotSuggest": ["临时"]}""");
        host = new ServiceHost<Program>("search", Databases.Sqlite, new Dictionary<string, string?> { ["Search:CurationFile"] = curationFile, ["Search:TimeLimit"] = "00:00:30" });
        var http = host.CreateClient();
        var items = new[]
        {
            Item("000100000001", "居民身份证首次申领", "镇康县公安局", ["证件办理"], 3),
            Item("000100000004", "临时居民身份证核发", "镇康县公安局", ["证件办理"], 3),
            Item("000100000007", "户口迁入（夫妻、子女、父母投靠）", "镇康县公安局", ["户籍办理"], 3),
            Item("000200000004", "个体工商户设立登记", "镇康县市场监督管理局", ["设立变更"], 4),
            Item("000200000007", "食品经营许可", "镇康县市场监督管理局", ["准营准办"], 4),
            Item("000400000303", "住房公积金提取", "镇康县住房公积金管理中心", ["住房保障"], 4),
        };
        foreach (var item in items)
        {
            await Applied(await CloudEvents.PostAsync(http, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, item));
        }
        await Applied(await CloudEvents.PostAsync(http, IndexEvents.EntityChangedRoute, Topics.CreditEntityChanged, new EntityChanged
        {
            EventId = Guid.NewGuid().ToString(), Code = RestaurantCode, Version = 1, Name = "镇康县好滋味餐饮管理有限公司", EntityCategory = "有限责任公司",
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        File.Delete(curationFile);
    }

    static ItemChanged Item(string basicCode, string name, string department, string[] themes, int depth) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        ItemId = "item-" + basicCode,
        Version = 1,
        Status = ItemStatus.Published,
        Code = $"{basicCode}-{DemoCounty.AreaCode}-000-{DemoCounty.PublicSecurity}-1-00",
        Name = name,
        DepartmentName = department,
        ItemType = "行政确认",
        PersonThemes = { themes },
        OnlineDepth = (OnlineDepth)depth,
        Conditions = "符合条件的申请人",
    };

    static async Task Applied(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));

    async Task<SearchResponse> SearchAsync(SearchRequest request) =>
        await new V1.SearchService.SearchServiceClient(host.Channel).SearchAsync(request, cancellationToken: Ct);

    [Theory]
    [InlineData("身份证")]
    [InlineData("居民身份证")]
    [InlineData("sfz")]
    [InlineData("shenfenzheng")]
    [InlineData("shen fen zheng")]
    [InlineData("身分证")]          // homophone typo
    [InlineData("shenfenzhen")]    // one letter missing
    public async Task The_ID_card_item_comes_first_however_it_is_typed(string q)
    {
        var found = await SearchAsync(new SearchRequest { Q = q });

        Assert.Equal("居民身份证首次申领", found.Hits[0].Title);
    }

    [Fact]
    public async Task A_homophone_typo_gets_did_you_mean_and_a_code_or_listed_word_does_not()
    {
        Assert.Equal("身份证", (await SearchAsync(new SearchRequest { Q = "身分证" })).DidYouMean);
        Assert.Equal("", (await SearchAsync(new SearchRequest { Q = "sfz" })).DidYouMean);
        Assert.Equal("", (await SearchAsync(new SearchRequest { Q = "身份证" })).DidYouMean);
    }

    [Fact]
    public async Task Synonyms_and_colloquial_words_find_the_formal_service()
    {
        Assert.Equal("食品经营许可", (await SearchAsync(new SearchRequest { Q = "开饭店" })).Hits[0].Title);
        Assert.Equal("住房公积金提取", (await SearchAsync(new SearchRequest { Q = "取公积金" })).Hits[0].Title);
        var hukou = await SearchAsync(new SearchRequest { Q = "户口" });
        Assert.True(hukou.Hits[0].Pinned);
        Assert.Contains("推荐", hukou.Hits[0].Why);
    }

    [Fact]
    public async Task A_pasted_credit_code_opens_its_entity()
    {
        var found = await SearchAsync(new SearchRequest { Q = $" {DemoCounty.Business.ToLowerInvariant()} " });

        Assert.Equal($"/api/credit/entities/{RestaurantCode}", found.RedirectUrl);
        Assert.Equal((DocumentType.Entity, RestaurantCode), (found.Hits[0].Type, found.Hits[0].Id));
    }

    [Fact]
    public async Task Facet_counts_ignore_their_own_filter_and_apply_the_others()
    {
        var all = await SearchAsync(new SearchRequest { Q = "县" });
        var onlyItems = await SearchAsync(new SearchRequest { Q = "许可 登记 身份证 公积金 餐饮", Type = DocumentType.Item });

        Assert.All(onlyItems.Hits, h => Assert.Equal(DocumentType.Item, h.Type));
        var types = onlyItems.Facets.Single(f => f.Name == "type").Values;
        Assert.Contains(types, v => v.Value == "DOCUMENT_TYPE_ENTITY" && v.Count == 1 && !v.Selected);
        Assert.Contains(types, v => v.Value == "DOCUMENT_TYPE_ITEM" && v.Selected);
        var depth = onlyItems.Facets.Single(f => f.Name == "online_depth").Values;
        Assert.Equal(onlyItems.Total, depth.Sum(v => v.Count));
        Assert.DoesNotContain(all.Facets, f => f.Name == "sector");
    }

    [Fact]
    public async Task Explain_tells_staff_how_a_hit_scored_and_everyone_why_it_matched()
    {
        var anonymous = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => SearchAsync(new SearchRequest { Q = "sfz", Explain = true }));
        Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, anonymous.StatusCode);
        var found = await new V1.SearchService.SearchServiceClient(host.As(TestUser.Officer(DemoCounty.PublicSecurity)))
            .SearchAsync(new SearchRequest { Q = "sfz", Explain = true }, cancellationToken: Ct);

        Assert.Contains("拼音", found.Hits[0].Why);
        Assert.Contains("popularity", found.Hits[0].Explanation);
        var plain = await SearchAsync(new SearchRequest { Q = "身份证" });
        Assert.Equal("", plain.Hits[0].Explanation);
        Assert.Contains("标题", plain.Hits[0].Why);
    }

    [Fact]
    public async Task Suggestions_complete_characters_pinyin_and_initials_but_never_a_denied_word()
    {
        var client = new V1.SearchService.SearchServiceClient(host.Channel);

        Assert.Equal("居民身份证首次申领", (await client.SuggestAsync(new SuggestRequest { Q = "身份" }, cancellationToken: Ct)).Suggestions[0].Text);
        Assert.Contains((await client.SuggestAsync(new SuggestRequest { Q = "zhufang" }, cancellationToken: Ct)).Suggestions, s => s.Text == "住房公积金提取");
        Assert.Contains((await client.SuggestAsync(new SuggestRequest { Q = "gtgsh" }, cancellationToken: Ct)).Suggestions, s => s.Text == "个体工商户设立登记");
        Assert.DoesNotContain((await client.SuggestAsync(new SuggestRequest { Q = "身份" }, cancellationToken: Ct)).Suggestions, s => s.Text.Contains("临时"));
    }

    [Theory]
    [InlineData("/api/search?q=a&tpye=item", "tpye")]
    [InlineData("/api/search?q=a&q=b", "重复出现")]
    [InlineData("/api/search?q=11010519491231002X", "\"field\":\"q\"")]
    [InlineData("/api/search?q=%E6%88%91%E7%9A%84%E5%8F%B7%E7%A0%8111010519491231002x", "\"field\":\"q\"")]
    // Transcoding refuses a value the filter's enum does not have, naming the enum.
    [InlineData("/api/search?q=a&type=person", "DocumentType")]
    [InlineData("/api/search?q=a&sector=hospital", "Sector")]
    [InlineData("/api/search?q=a&onlineDepth=9", "OnlineDepth")]
    [InlineData("/api/search?q=a&pageSize=-1", "page_size")]
    [InlineData("/api/search?q=a&pageToken=bm90IGEgdG9rZW4", "page_token")]
    [InlineData("/api/search?q=a&pageToken=NDk5", "page_token")] // offset 499: past the depth cap
    [InlineData("/api/search?q=a&pageToken=MjE0NzQ4MzY0Nw%3D%3D", "page_token")] // offset int.MaxValue: offset plus size would overflow
    [InlineData("/api/search?q=", "q")]
    [InlineData("/api/search/suggest?q=a&limit=11", "limit")]
    [InlineData("/api/search/suggest?q=a&size=3", "size")]
    public async Task Hostile_input_gets_a_400_that_names_the_problem(string path, string named)
    {
        var response = await host.CreateClient().GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The message names a field as people call it; the body's details (google.rpc.BadRequest) name its path.
        Assert.Contains(named, body);
        Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(body).RootElement.GetProperty("message").GetString()));
        Assert.DoesNotContain("11010519491231002", body);
    }

    [Fact]
    public async Task A_query_longer_than_the_cap_is_refused()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => SearchAsync(new SearchRequest { Q = new string('证', SearchService.MaxQueryLength + 1) }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
