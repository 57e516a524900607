using System.Text.Json.Nodes;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>A hall of its own whose search process is killed, its index deleted or damaged: nothing public is lost.</summary>
public sealed class SearchDurabilityTests(SearchDurabilityTests.Hall fixture) : IClassFixture<SearchDurabilityTests.Hall>
{
    /// <summary>Commits only at catch-up and shutdown here, so a kill -9 surely loses acknowledged changes from the index.</summary>
    public sealed class Hall : IAsyncLifetime
    {
        public RunningHall Running { get; private set; } = null!;
        public HttpClient Http { get; private set; } = null!;
        readonly SignedIn signedIn = new();

        /// <summary>The officer of the sample guides' department (县自然资源和规划局), signed in to this hall.</summary>
        public Task<HttpClient> OfficerAsync() => signedIn.HttpAs(Running, DemoCounty.Ziranziyuan);

        public async ValueTask InitializeAsync()
        {
            Running = await RunningHall.StartAsync(cancellationToken: TestContext.Current.CancellationToken,
                extraServiceSettings: new Dictionary<string, string> { ["Search__CommitInterval"] = "01:00:00" });
            Http = new HttpClient { BaseAddress = Running.GatewayHttp, Timeout = TimeSpan.FromSeconds(30) };
        }

        public async ValueTask DisposeAsync()
        {
            Http?.Dispose();
            signedIn.Dispose();
            await Running.DisposeAsync();
        }
    }

    string IndexFolder => Path.Combine(fixture.Running.DataFolder, "search-index");

    [Fact]
    public async Task Changes_acknowledged_before_a_kill_9_are_back_after_the_restart()
    {
        // The start-up rebuild commits when it ends; a change made after it waits for the (hour-long) commit timer.
        await fixture.Http.SearchIndexReadyAsync(HallJourneyTests.SearchWait);
        var id = await PublishAsync("养蜂场备案登记");
        Assert.NotNull(await fixture.Http.SearchUntilFoundAsync("养蜂场备案登记", id, HallJourneyTests.SearchWait));

        fixture.Running.Kill("search");
        var committed = CommittedIndex.Find(IndexFolder, "id", id).Count;
        await fixture.Running.StartAgainAsync("search", TestContext.Current.CancellationToken);
        // The crash really lost it: searchable (acknowledged) but not in the last commit on disk.
        Assert.Equal(0, committed);

        Assert.NotNull(await fixture.Http.SearchUntilFoundAsync("养蜂场备案登记", id, HallJourneyTests.SearchWait));
    }

    [Fact]
    public async Task With_search_down_the_portal_says_so_and_people_still_browse_and_read_guides()
    {
        var (status, items) = await fixture.Http.SendAsync(HttpMethod.Get, "/api/catalog/items?pageSize=1&personTheme=" + Uri.EscapeDataString("户籍办理"));
        Assert.Equal(200, status);
        var itemId = (string)items!["items"]![0]!["id"]!;

        fixture.Running.Kill("search");
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var search = await fixture.Http.GetAsync("/search?q=" + Uri.EscapeDataString("身份证"), TestContext.Current.CancellationToken);
            var page = await search.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, search.StatusCode);
            Assert.Contains("搜索服务暂时不可用", page);
            Assert.Contains("href=\"/browse", page);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the search page took {watch.Elapsed} with search down");

            foreach (var path in new[] { "/", "/browse", "/browse/items?personTheme=" + Uri.EscapeDataString("户籍办理"), $"/items/{itemId}" })
            {
                using var response = await fixture.Http.GetAsync(path, TestContext.Current.CancellationToken);
                Assert.True(response.IsSuccessStatusCode, $"{path} with search down: {(int)response.StatusCode}");
            }
        }
        finally
        {
            await fixture.Running.StartAgainAsync("search", TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task A_deleted_index_is_rebuilt_from_the_sources()
    {
        var id = await PublishAsync("蜂蜜小作坊登记");
        Assert.NotNull(await fixture.Http.SearchUntilFoundAsync("蜂蜜小作坊登记", id, HallJourneyTests.SearchWait));

        fixture.Running.Kill("search");
        Directory.Delete(IndexFolder, recursive: true);
        await fixture.Running.StartAgainAsync("search", TestContext.Current.CancellationToken);

        Assert.NotNull(await fixture.Http.SearchUntilFoundAsync("蜂蜜小作坊登记", id, HallJourneyTests.SearchWait));
        Assert.NotNull(await FirstHitAsync("居民身份证首次申领"));
    }

    [Fact]
    public async Task A_damaged_index_is_set_aside_and_rebuilt()
    {
        var id = await PublishAsync("蜂产品收购站许可");
        Assert.NotNull(await fixture.Http.SearchUntilFoundAsync("蜂产品收购站许可", id, HallJourneyTests.SearchWait));
        fixture.Running.Kill("search");
        await fixture.Running.StartAgainAsync("search", TestContext.Current.CancellationToken); // commits the catch-up
        fixture.Running.Kill("search");

        // Scribble over the middle of the largest file, as a failing disk would.
        var largest = new DirectoryInfo(IndexFolder).GetFiles().OrderByDescending(f => f.Length).First();
        await using (var file = new FileStream(largest.FullName, FileMode.Open, FileAccess.Write))
        {
            file.Position = largest.Length / 2;
            await file.WriteAsync(new byte[Math.Min(64, largest.Length / 2)].Select(_ => (byte)0x5A).ToArray(), TestContext.Current.CancellationToken);
        }
        await fixture.Running.StartAgainAsync("search", TestContext.Current.CancellationToken);

        Assert.NotNull(await fixture.Http.SearchUntilFoundAsync("蜂产品收购站许可", id, HallJourneyTests.SearchWait));
        Assert.NotEmpty(Directory.GetDirectories(fixture.Running.DataFolder, "search-index.damaged-*"));
    }

    async Task<string> PublishAsync(string name)
    {
        var officer = await fixture.OfficerAsync();
        var (created, item) = await officer.SendAsync(HttpMethod.Post, "/api/catalog/items", SampleGuide.Json(SampleGuide.Complete(name)));
        Assert.Equal(200, created);
        var id = (string)item!["id"]!;
        var (published, _) = await officer.SendAsync(HttpMethod.Post, $"/api/catalog/items/{id}:publish", new { });
        Assert.Equal(200, published);
        return id;
    }

    async Task<JsonNode?> FirstHitAsync(string q)
    {
        var deadline = DateTime.UtcNow + HallJourneyTests.SearchWait;
        while (DateTime.UtcNow < deadline)
        {
            var (_, body) = await fixture.Http.SendAsync(HttpMethod.Get, "/api/search?q=" + Uri.EscapeDataString(q));
            if (body?["hits"]?.AsArray().FirstOrDefault(h => (string?)h!["title"] == q) is { } hit)
            {
                return hit;
            }
            await Task.Delay(200);
        }
        return null;
    }
}
