using System.Globalization;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// A penalty leaves public view when its publicity (公示期, docs/domain.md §8) ends, on the real processes: their
/// clocks are moved past its last public day (the rehearsal clock, Clock:ShiftFile), and the credit lookup, search
/// through the gateway, an index rebuilt from the sources and search's index after the publicity sweep all stop
/// showing it, while the entity and its penalty still in publicity stay.
/// </summary>
public sealed class PenaltyPublicityEndTests(PenaltyPublicityEndTests.Hall fixture) : IClassFixture<PenaltyPublicityEndTests.Hall>
{
    /// <summary>
    /// A hall of its own, since its clocks move. The publicity sweep keeps its hourly interval, so after the shift it
    /// runs only when the test restarts credit (it sweeps at start): until then the lookup's and search's own date
    /// checks and the rebuild from the export are seen at work alone, and the sweep after them.
    /// </summary>
    public sealed class Hall : IAsyncLifetime
    {
        readonly string clockFolder = Path.Combine(Path.GetTempPath(), "servicehall-clock-" + Guid.NewGuid().ToString("N"));
        readonly SignedIn signedIn = new();

        public RunningHall Running { get; private set; } = null!;
        public HttpClient Http { get; private set; } = null!;

        string ShiftFile => Path.Combine(clockFolder, "shift");

        /// <summary>The credit editor of 县市场监督管理局, signed in to this hall.</summary>
        public Task<HttpClient> CreditEditorAsync() => signedIn.HttpAs(Running, DemoCounty.Xinyong);

        public async ValueTask InitializeAsync()
        {
            Directory.CreateDirectory(clockFolder);
            Running = await RunningHall.StartAsync(
                // The waits below ask the gateway several times a second.
                new Dictionary<string, string> { ["Gateway__RateLimit__PermitsPerWindow"] = "100000" },
                TestContext.Current.CancellationToken,
                new Dictionary<string, string>
                {
                    ["Clock__ShiftFile"] = ShiftFile,
                    ["Credit__PublicitySweep__Interval"] = "01:00:00",
                });
            Http = new HttpClient { BaseAddress = Running.GatewayHttp, Timeout = TimeSpan.FromSeconds(30) };
        }

        /// <summary>Moves every process's clock <paramref name="shift"/> ahead of real time; the file is replaced whole, so no process reads half of it.</summary>
        public void ShiftClocks(TimeSpan shift)
        {
            var next = ShiftFile + ".next";
            File.WriteAllText(next, shift.ToString("c", CultureInfo.InvariantCulture));
            File.Move(next, ShiftFile, overwrite: true);
        }

        public async ValueTask DisposeAsync()
        {
            Http?.Dispose();
            signedIn.Dispose();
            if (Running is not null)
            {
                await Running.DisposeAsync();
            }
            Directory.Delete(clockFolder, recursive: true);
        }
    }

    static readonly TimeSpan Wait = HallJourneyTests.SearchWait;
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    string IndexFolder => Path.Combine(fixture.Running.DataFolder, "search-index");

    [Fact]
    public async Task An_ended_penalty_leaves_the_lookup_search_a_rebuilt_index_and_the_swept_index()
    {
        var today = CountyClock.Today(DateTime.UtcNow);
        var code = TestCodes.NewCreditCode();
        var name = "镇康县勐捧镇" + Guid.NewGuid().ToString("N")[..4] + "商贸有限公司";
        var editor = await fixture.CreditEditorAsync();
        var (registered, _) = await editor.SendAsync(HttpMethod.Post, "/api/credit/entities",
            new { code, name, entityCategory = "法人及非法人组织", legalRepresentative = "王五", address = "云南省临沧市镇康县勐捧镇勐捧街2号" });
        Assert.Equal(200, registered);
        // The deciding body states tomorrow as the last public day; the other penalty keeps the longest period.
        var ending = await AddPenaltyAsync(editor, code, "县市监罚〔2026〕31号", today, publicityUntil: today.AddDays(1));
        var lasting = await AddPenaltyAsync(editor, code, "县市监罚〔2026〕32号", today, publicityUntil: null);

        await fixture.Http.SearchIndexReadyAsync(Wait);
        var hit = await fixture.Http.SearchUntilFoundAsync(name, ending, Wait);
        Assert.Contains("县市监罚〔2026〕31号", (string?)hit?["title"]);
        Assert.Equal(new[] { ending, lasting }.Order(), (await LookupAsync(code)).Order());

        // Three days on: past the last public day, even if midnight passes during the test.
        fixture.ShiftClocks(TimeSpan.FromDays(3));

        Assert.Equal([lasting], await Eventually.ReadUntilAsync(() => LookupAsync(code), p => !p.Contains(ending), Wait));
        // Credit has announced nothing since the shift: search leaves the penalty out by its last public day alone.
        var searched = await Eventually.ReadUntilAsync(() => SearchIdsAsync(name), ids => !ids.Contains(ending), Wait);
        AssertStillPublic(searched, code, lasting, ending);

        // Rebuilt from the sources, still before any sweep: credit's export serves today's view, so the ended
        // penalty does not even reach the index (the rebuild commits before it says ready).
        fixture.Running.Kill("search");
        Directory.Delete(IndexFolder, recursive: true);
        await fixture.Running.StartAgainAsync("search", Ct);
        await fixture.Http.SearchIndexReadyAsync(Wait);
        AssertStillPublic(await SearchIdsAsync(name), code, lasting, ending);
        var rebuilt = IndexedEntity(code);
        Assert.Equal(new[] { code, lasting }.Order(), rebuilt.Ids);

        // The sweep runs when credit starts: it announces the entity without the ended penalty, and search takes
        // the announcement in (a newer version of the entity's documents, committed within seconds).
        fixture.Running.Kill("credit");
        await fixture.Running.StartAgainAsync("credit", Ct);
        var swept = await Eventually.ReadUntilAsync(() => Task.FromResult(IndexedEntity(code)), e => e.Version > rebuilt.Version, Wait);
        Assert.True(swept.Version > rebuilt.Version, $"search took in no announcement after the sweep (version {swept.Version})");
        Assert.Equal(new[] { code, lasting }.Order(), swept.Ids);
        AssertStillPublic(await SearchIdsAsync(name), code, lasting, ending);
    }

    static void AssertStillPublic(IReadOnlyCollection<string> hits, string code, string lasting, string ended)
    {
        Assert.Contains(code, hits);
        Assert.Contains(lasting, hits);
        Assert.DoesNotContain(ended, hits);
    }

    /// <returns>The penalty's id.</returns>
    static async Task<string> AddPenaltyAsync(HttpClient editor, string code, string decisionNumber, DateOnly decided, DateOnly? publicityUntil)
    {
        var (added, penalty) = await editor.SendAsync(HttpMethod.Post, $"/api/credit/entities/{code}/penalties", new
        {
            decisionNumber,
            violationType = "价格违法",
            facts = "未明码标价",
            basis = "《中华人民共和国价格法》第四十二条",
            category = "警告",
            content = "警告",
            decisionDate = Day(decided),
            publicityUntil = publicityUntil is { } until ? Day(until) : "",
            authority = "镇康县市场监督管理局",
            authorityCode = SampleGuide.MarketRegulation,
        });
        Assert.Equal(200, added);
        return (string)penalty!["id"]!;
    }

    static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The ids of the penalties the public credit lookup shows, anonymously through the gateway.</summary>
    async Task<List<string>> LookupAsync(string code)
    {
        var (status, entity) = await fixture.Http.SendAsync(HttpMethod.Get, $"/api/credit/entities/{code}");
        Assert.Equal(200, status);
        return [.. (entity!["penalties"]?.AsArray() ?? []).Select(p => (string)p!["id"]!)];
    }

    /// <summary>The ids of the hits for <paramref name="query"/> on the first page of 50, anonymously through the gateway.</summary>
    async Task<List<string>> SearchIdsAsync(string query)
    {
        var (status, body) = await fixture.Http.SendAsync(HttpMethod.Get, "/api/search?pageSize=50&q=" + Uri.EscapeDataString(query));
        Assert.Equal(200, status);
        return [.. body!["hits"]!.AsArray().Select(h => (string)h!["id"]!)];
    }

    /// <summary>The entity's documents in search's last commit: their version and ids (the entity's code, its records' ids), sorted.</summary>
    (long Version, List<string> Ids) IndexedEntity(string code)
    {
        var documents = CommittedIndex.Find(IndexFolder, "owner", "entity:" + code);
        return (documents.Select(d => d.GetField("version")?.GetInt64Value() ?? 0).DefaultIfEmpty().Max(),
            [.. documents.Select(d => d.Get("id")).Order()]);
    }
}
