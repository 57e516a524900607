using System.Net;
using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Messaging;
using ServiceHall.Search.V1;
using ServiceHall.Testing;

namespace ServiceHall.Search.Tests;

/// <summary>The search service in-process: events in through its Dapr subscriptions, queries out through gRPC and JSON.</summary>
public sealed class SearchServiceTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A search service whose time cap (TimeCapTests) is generous: these tests are about answers, not speed.</summary>
    static ServiceHost<Program> NewHost(string? indexFolder = null)
    {
        var settings = new Dictionary<string, string?> { ["Search:TimeLimit"] = "00:00:30" };
        if (indexFolder is not null)
        {
            settings["Search:IndexFolder"] = indexFolder;
        }
        return new("search", Databases.Sqlite, settings);
    }

    static V1.SearchService.SearchServiceClient Client(ServiceHost<Program> host) => new(host.Channel);

    static async Task<SearchResponse> SearchAsync(ServiceHost<Program> host, string q, SearchRequest? filters = null)
    {
        var request = filters ?? new SearchRequest();
        request.Q = q;
        return await Client(host).SearchAsync(request, cancellationToken: Ct);
    }

    static async Task<JsonElement> AppliedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("applied");
    }

    [Fact]
    public async Task Subscribes_to_the_four_public_topics()
    {
        await using var host = NewHost();
        var http = host.CreateClient();

        using var subscriptions = JsonDocument.Parse(await http.GetStringAsync("/dapr/subscribe", Ct));

        var routes = subscriptions.RootElement.EnumerateArray()
            .ToDictionary(s => s.GetProperty("topic").GetString()!, s => s.GetProperty("route").GetString());
        Assert.Equal(IndexEvents.ItemChangedRoute.TrimStart('/'), routes[Topics.CatalogItemChanged]);
        Assert.Equal(IndexEvents.EntityChangedRoute.TrimStart('/'), routes[Topics.CreditEntityChanged]);
        Assert.Equal(IndexEvents.DisclosurePublishedRoute.TrimStart('/'), routes[Topics.DisclosurePublished]);
        Assert.Equal(IndexEvents.QuestionPublishedRoute.TrimStart('/'), routes[Topics.CatalogQuestionPublished]);
        // Dapr.AspNetCore writes "pubsubName"; the Dapr runtime reads it case-insensitively.
        Assert.All(subscriptions.RootElement.EnumerateArray(), s => Assert.Equal("pubsub", s.GetProperty("pubsubName").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_published_item_is_found_by_its_colloquial_name_over_grpc_and_json()
    {
        await using var host = NewHost();
        var http = host.CreateClient();

        Assert.True((await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, Events.IdCardItem(2)))).GetBoolean());

        var found = await SearchAsync(host, "身份证");
        Assert.Equal(1, found.Total);
        var hit = Assert.Single(found.Hits);
        Assert.Equal((DocumentType.Item, "item-1", "居民身份证申领", "/api/catalog/items/item-1"), (hit.Type, hit.Id, hit.Title, hit.Url));
        Assert.Contains("县公安局", hit.Snippet);

        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("身份证"), Ct));
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt64());
        var jsonHit = Assert.Single(json.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Equal("DOCUMENT_TYPE_ITEM", jsonHit.GetProperty("type").GetString());
        Assert.Equal("item-1", jsonHit.GetProperty("id").GetString());
        Assert.Equal("居民身份证申领", jsonHit.GetProperty("title").GetString());
        Assert.Equal(hit.Snippet, jsonHit.GetProperty("snippet").GetString());
        Assert.Equal("/api/catalog/items/item-1", jsonHit.GetProperty("url").GetString());

        Assert.Equal(0, (await SearchAsync(host, "营业执照")).Total);
    }

    [Fact]
    public async Task Duplicate_and_older_events_change_nothing_and_a_cancellation_withdraws_the_item()
    {
        await using var host = NewHost();
        var http = host.CreateClient();
        var current = Events.IdCardItem(2);
        await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, current));

        Assert.False((await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, current))).GetBoolean());
        var older = Events.IdCardItem(1, name: "居民身份证户籍迁移");
        Assert.False((await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, older))).GetBoolean());
        var hit = Assert.Single((await SearchAsync(host, "身份证")).Hits);
        Assert.Equal("居民身份证申领", hit.Title);
        Assert.Equal(0, (await SearchAsync(host, "户籍")).Total);

        Assert.True((await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, Events.IdCardItem(3, Catalog.V1.ItemStatus.Cancelled)))).GetBoolean());
        Assert.Equal(0, (await SearchAsync(host, "身份证")).Total);

        // A late redelivery of the published state must not bring the withdrawn item back.
        await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, current));
        Assert.Equal(0, (await SearchAsync(host, "身份证")).Total);
    }

    [Fact]
    public async Task A_suspended_item_stays_findable_and_published_QA_is_found_by_its_words()
    {
        await using var host = NewHost();
        var http = host.CreateClient();
        await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, Events.IdCardItem(4, Catalog.V1.ItemStatus.Suspended)));
        Assert.Equal(1, (await SearchAsync(host, "身份证")).Total);

        Assert.True((await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.QuestionPublishedRoute, Topics.CatalogQuestionPublished, Events.IdCardQuestion(2)))).GetBoolean());

        var hit = Assert.Single((await SearchAsync(host, "便民服务中心")).Hits);
        Assert.Equal((DocumentType.Qa, "q-1", "/api/catalog/items/item-1/questions"), (hit.Type, hit.Id, hit.Url));
    }

    [Fact]
    public async Task An_entity_and_its_penalty_are_both_findable_and_replaced_as_a_set()
    {
        await using var host = NewHost();
        var http = host.CreateClient();
        await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.EntityChangedRoute, Topics.CreditEntityChanged, Events.RestaurantWithPenalty(1)));

        var byName = await SearchAsync(host, "好味道餐饮");
        Assert.Contains(byName.Hits, h => h is { Type: DocumentType.Entity, Id: "91330881MA2XXXXX1Q", Url: "/api/credit/entities/91330881MA2XXXXX1Q" });
        var penalty = Assert.Single((await SearchAsync(host, "保质期")).Hits, h => h.Type == DocumentType.Penalty);
        Assert.Equal(("pen-1", "食品安全行政处罚", "/api/credit/entities/91330881MA2XXXXX1Q"), (penalty.Id, penalty.Title, penalty.Url));
        Assert.Contains("保质期", penalty.Snippet);

        // The penalty's publicity period ended: the next state has no records, and the penalty leaves the index.
        var cleared = Events.RestaurantWithPenalty(2);
        cleared.Records.Clear();
        await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.EntityChangedRoute, Topics.CreditEntityChanged, cleared));
        Assert.DoesNotContain((await SearchAsync(host, "食品安全 处罚")).Hits, h => h.Type == DocumentType.Penalty);
        Assert.Contains((await SearchAsync(host, "好味道餐饮")).Hits, h => h.Type == DocumentType.Entity);
    }

    [Fact]
    public async Task A_licence_record_is_found_as_a_licence_without_an_end_of_publicity()
    {
        await using var host = NewHost();
        var http = host.CreateClient();
        var licensed = Events.RestaurantWithPenalty(1);
        licensed.Records.Add(new Credit.V1.PublicRecord
        {
            Id = "lic-1", Kind = Credit.V1.RecordKind.Licence, Title = "行政许可 镇市监食许〔2026〕12号", Summary = "普通：食品经营许可（食品经营许可证）",
        });
        await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.EntityChangedRoute, Topics.CreditEntityChanged, licensed));

        var found = await SearchAsync(host, "食品经营许可证");
        var licence = Assert.Single(found.Hits, h => h.Type == DocumentType.Licence);
        Assert.Equal(("lic-1", "/api/credit/entities/91330881MA2XXXXX1Q"), (licence.Id, licence.Url));
        var filtered = await SearchAsync(host, "好味道餐饮", new SearchRequest { Type = DocumentType.Licence });
        Assert.Equal(["lic-1"], filtered.Hits.Select(h => h.Id));
        Assert.Contains(found.Facets.Single(f => f.Name == "type").Values, v => v.Value == "DOCUMENT_TYPE_LICENCE");
    }

    [Fact]
    public async Task A_natural_persons_licence_is_found_by_its_words_and_masked_name_and_leads_to_the_licence_lookup()
    {
        await using var host = NewHost();
        var http = host.CreateClient();
        var published = new Credit.V1.PersonLicencePublished
        {
            EventId = "e-1", LicenceId = "lic-p1", Version = 1, HolderName = "张*",
            Record = new Credit.V1.PublicRecord
            {
                Id = "lic-p1", Kind = Credit.V1.RecordKind.Licence, Title = "行政许可：建设用地规划许可证（镇自然资规许〔2026〕7号）",
                Summary = "建设用地规划许可（普通），县自然资源和规划局 2026-12-07 决定",
            },
        };
        await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.PersonLicencePublishedRoute, Topics.CreditPersonLicencePublished, published));
        // Delivered again: still one document.
        await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.PersonLicencePublishedRoute, Topics.CreditPersonLicencePublished, published));

        var hit = Assert.Single((await SearchAsync(host, "建设用地规划许可证", new SearchRequest { Type = DocumentType.Licence })).Hits);
        Assert.Equal(("lic-p1", "/api/credit/licences/lic-p1"), (hit.Id, hit.Url));

        // An event that is not a licence's record is refused (400, dropped), never indexed as something else.
        var penalty = published.Clone();
        penalty.LicenceId = "lic-p2";
        penalty.Record.Kind = Credit.V1.RecordKind.Penalty;
        Assert.Equal(System.Net.HttpStatusCode.BadRequest,
            (await CloudEvents.PostAsync(http, IndexEvents.PersonLicencePublishedRoute, Topics.CreditPersonLicencePublished, penalty)).StatusCode);
    }

    [Fact]
    public async Task A_published_disclosure_is_findable()
    {
        await using var host = NewHost();
        var http = host.CreateClient();
        await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.DisclosurePublishedRoute, Topics.DisclosurePublished, Events.WaterTariff(1)));

        var hit = Assert.Single((await SearchAsync(host, "阶梯水价")).Hits);
        Assert.Equal((DocumentType.Disclosure, "disc-1", "/api/disclosures/organizations/org-water/disclosures"), (hit.Type, hit.Id, hit.Url));
        Assert.Equal("居民生活用水阶梯水价", hit.Title);
        Assert.Contains("自来水公司", (await SearchAsync(host, "自来水")).Hits.Single().Snippet);
    }

    [Theory]
    [InlineData("", "q: 搜索词：必填")]
    [InlineData("   ", "q: 搜索词：必填")]
    [InlineData("身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证身份证", "q: 搜索词：不能超过100个字")]
    public async Task A_missing_or_long_query_is_refused_naming_q(string q, string problem)
    {
        await using var host = NewHost();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client(host).SearchAsync(new SearchRequest { Q = q }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(problem, error.Violations());
    }

    [Fact]
    public async Task Paging_stops_at_the_depth_cap_and_bad_input_is_400_over_json()
    {
        await using var host = NewHost();
        var deepToken = Convert.ToBase64String("495"u8.ToArray());

        var deep = await Assert.ThrowsAsync<RpcException>(() =>
            Client(host).SearchAsync(new SearchRequest { Q = "身份证", PageSize = 10, PageToken = deepToken }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, deep.StatusCode);
        Assert.StartsWith("page_token:", deep.Violations());
        // Exactly at the cap is still served.
        await Client(host).SearchAsync(new SearchRequest { Q = "身份证", PageSize = 5, PageToken = deepToken }, cancellationToken: Ct);

        var http = host.CreateClient();
        var missing = await http.GetAsync("/api/search", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("搜索词：必填", await missing.Content.ReadAsStringAsync(Ct));
        var tooDeep = await http.GetAsync($"/api/search?q=x&pageSize=50&pageToken={Uri.EscapeDataString(deepToken)}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooDeep.StatusCode);
        Assert.Contains("page_token", await tooDeep.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Results_page_with_a_token_until_an_empty_one()
    {
        await using var host = NewHost();
        var http = host.CreateClient();
        for (var i = 1; i <= 5; i++)
        {
            var item = Events.IdCardItem(1, name: $"居民身份证业务{i}");
            item.ItemId = $"item-{i}";
            await AppliedAsync(await CloudEvents.PostAsync(http, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, item));
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await Client(host).SearchAsync(new SearchRequest { Q = "身份证", PageSize = 2, PageToken = token }, cancellationToken: Ct);
            Assert.Equal(5, page.Total);
            seen.AddRange(page.Hits.Select(h => h.Id));
            token = page.NextPageToken;
        }
        while (token != "");

        Assert.Equal(["item-1", "item-2", "item-3", "item-4", "item-5"], seen.Order());
    }

    [Fact]
    public async Task A_query_of_only_punctuation_finds_nothing()
    {
        await using var host = NewHost();
        await AppliedAsync(await CloudEvents.PostAsync(host.CreateClient(), IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, Events.IdCardItem(1)));

        var found = await SearchAsync(host, "？！，。");

        Assert.Equal(0, found.Total);
        Assert.Empty(found.Hits);
    }

    [Theory]
    [InlineData("""{"itemId":"item-1","version":"not a number"}""", "ItemChanged")]
    [InlineData("""["not", "an", "object"]""", "ItemChanged")]
    [InlineData("""{"itemId":"","version":"1","status":"ITEM_STATUS_PUBLISHED"}""", "item_id")]
    [InlineData("""{"itemId":"item-1","status":"ITEM_STATUS_PUBLISHED"}""", "version")]
    public async Task A_malformed_event_is_refused_with_400_not_404(string payload, string problem)
    {
        await using var host = NewHost();

        var response = await CloudEvents.PostRawAsync(host.CreateClient(), IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    public async Task A_broken_cloud_event_envelope_is_400_not_500(string envelope)
    {
        await using var host = NewHost();
        using var content = new StringContent(envelope, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/cloudevents+json");

        var response = await host.CreateClient().PostAsync(IndexEvents.ItemChangedRoute, content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a CloudEvent", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Only_the_event_bus_delivers_events_a_remote_caller_needs_the_app_token()
    {
        // A caller from another machine, as the search service would see someone on the network.
        await using var host = new ServiceHost<Program>("search", Databases.Sqlite, new Dictionary<string, string?> { ["APP_API_TOKEN"] = "bus-secret" },
            services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new CallerAddress(IPAddress.Parse("203.0.113.7"))));

        var stranger = await CloudEvents.PostAsync(host.CreateClient(), IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, Events.IdCardItem(1));
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        var withUserToken = host.ClientAs(TestUser.Administrator());
        Assert.Equal(HttpStatusCode.Forbidden, (await CloudEvents.PostAsync(withUserToken, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, Events.IdCardItem(1))).StatusCode);
        var wrongToken = host.CreateClient();
        wrongToken.DefaultRequestHeaders.Add("dapr-api-token", "guess");
        Assert.Equal(HttpStatusCode.Forbidden, (await CloudEvents.PostAsync(wrongToken, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, Events.IdCardItem(1))).StatusCode);
        Assert.Empty((await SearchAsync(host, "身份证")).Hits);

        var sidecar = host.CreateClient();
        sidecar.DefaultRequestHeaders.Add("dapr-api-token", "bus-secret");
        await AppliedAsync(await CloudEvents.PostAsync(sidecar, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, Events.IdCardItem(1)));
        Assert.NotEmpty((await SearchAsync(host, "身份证")).Hits);
    }

    [Fact]
    public async Task Events_kept_from_before_the_enums_are_read_by_their_words()
    {
        await using var host = NewHost();
        var http = host.CreateClient();

        // As the sources' outboxes hold them from before the contracts had enums: words, and the online depth a number.
        await AppliedAsync(await CloudEvents.PostRawAsync(http, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged,
            """{"itemId":"item-7","version":"1","status":"suspended","name":"居民身份证申领","onlineDepth":4}"""));
        await AppliedAsync(await CloudEvents.PostRawAsync(http, IndexEvents.EntityChangedRoute, Topics.CreditEntityChanged,
            """{"code":"91330881MA2XXXXX1Q","version":"1","name":"好味道餐饮","records":[{"id":"pen-7","kind":"penalty","title":"食品安全行政处罚"}]}"""));
        await AppliedAsync(await CloudEvents.PostRawAsync(http, IndexEvents.DisclosurePublishedRoute, Topics.DisclosurePublished,
            """{"disclosureId":"disc-7","version":"1","organizationId":"org-si","sector":"social-insurance","kind":"notice","title":"社保卡申领公告"}"""));

        var item = await SearchAsync(host, "身份证", new SearchRequest { OnlineDepth = Catalog.V1.OnlineDepth.FullyOnline });
        Assert.Equal((DocumentType.Item, "item-7"), (Assert.Single(item.Hits).Type, item.Hits[0].Id));
        Assert.Contains((await SearchAsync(host, "食品安全")).Hits, h => h is { Type: DocumentType.Penalty, Id: "pen-7" });
        var notice = await SearchAsync(host, "社保卡", new SearchRequest { Sector = Disclosures.V1.Sector.SocialInsurance });
        Assert.Equal("disc-7", Assert.Single(notice.Hits).Id);
        Assert.Equal("SECTOR_SOCIAL_INSURANCE", Assert.Single(notice.Facets.Single(f => f.Name == "sector").Values).Value);
    }

    [Fact]
    public async Task Unknown_fields_in_an_event_are_ignored()
    {
        await using var host = NewHost();

        var response = await CloudEvents.PostRawAsync(host.CreateClient(), IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged,
            """{"itemId":"item-9","version":"1","status":"ITEM_STATUS_PUBLISHED","name":"出生医学证明办理","addedLater":{"x":1}}""");

        Assert.True((await AppliedAsync(response)).GetBoolean());
        Assert.Equal("item-9", Assert.Single((await SearchAsync(host, "出生医学证明")).Hits).Id);
    }

    [Fact]
    public async Task The_index_and_its_versions_survive_a_restart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "servicehall-search-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = NewHost(folder))
            {
                await AppliedAsync(await CloudEvents.PostAsync(first.CreateClient(), IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, Events.IdCardItem(2)));
            }

            await using var second = NewHost(folder);
            var hit = Assert.Single((await SearchAsync(second, "身份证")).Hits);
            Assert.Equal("item-1", hit.Id);
            var stale = await CloudEvents.PostAsync(second.CreateClient(), IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, Events.IdCardItem(1, Catalog.V1.ItemStatus.Draft));
            Assert.False((await AppliedAsync(stale)).GetBoolean());
            Assert.Equal(1, (await SearchAsync(second, "身份证")).Total);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
