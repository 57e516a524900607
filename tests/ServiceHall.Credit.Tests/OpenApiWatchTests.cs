using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.OpenApi;
using ServiceHall.Credit.V1;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

/// <summary>
/// Watches: a watched entity's changes become signed webhook deliveries (retried with backoff on a fake clock, once
/// accepted never again, dead-lettered after the last attempt) and entries of the client's Atom feed.
/// </summary>
public sealed class OpenApiWatchTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string Code = "91350100M000100Y43";
    static readonly TestUser Xinyong = TestUser.CreditEditor(DemoCounty.MarketRegulation, DemoCounty.Xinyong);
    static readonly TestUser Bank = TestUser.CreditClient("bank-credit-check");
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>2026-06-15 12:00 in the county; the sweeps' own timers are set far off so only the test runs them.</summary>
    static FakeTimeProvider Noon() => new(new DateTimeOffset(2026, 6, 15, 4, 0, 0, TimeSpan.Zero));

    static ServiceHost<Program> Host(string database, TimeProvider clock, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            [PublicitySweep.IntervalKey] = "30.00:00:00",
            ["Credit:OpenApi:DeliveryInterval"] = "30.00:00:00",
            ["Credit:OpenApi:AllowLoopbackHttpWebhooks"] = "true",
            ["Credit:OpenApi:WebhookFirstRetry"] = "00:00:30",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }
        return new("credit", database, all, services => services.AddSingleton(clock));
    }

    static async Task<V1.CreditService.CreditServiceClient> RegisteredAsync(ServiceHost<Program> host)
    {
        var credit = new V1.CreditService.CreditServiceClient(host.As(Xinyong));
        await credit.RegisterEntityAsync(new RegisterEntityRequest { Code = Code, Name = "福州示范食品有限公司", EntityCategory = "法人及非法人组织" }, cancellationToken: Ct);
        return credit;
    }

    static Task<V1.PenaltyRecord> PenalizeAsync(V1.CreditService.CreditServiceClient credit, string number, string publicUntil = "") =>
        credit.AddPenaltyAsync(new AddPenaltyRequest
        {
            Code = Code,
            Penalty = new V1.PenaltyRecord
            {
                DecisionNumber = number, Category = "罚款", Content = "罚款人民币5万元", FineAmountWan = "5", DecisionDate = "2026-06-15",
                Authority = "县市场监督管理局", AuthorityCode = DemoCounty.MarketRegulation, PublicityUntil = publicUntil,
            },
        }, cancellationToken: Ct).ResponseAsync;

    static async Task<List<ChangeDelivery>> DeliveriesAsync(ServiceHost<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreditDb>().Set<ChangeDelivery>().AsNoTracking().OrderBy(d => d.OccurredAt).ToListAsync(Ct);
    }

    static string Signed(string secret, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_new_penalty_is_posted_signed_retried_after_the_backoff_and_never_again_once_accepted(string database)
    {
        var clock = Noon();
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        receiver.FailFirst = 1;
        await using var host = Host(database, clock);
        var credit = await RegisteredAsync(host);
        var api = new CreditOpenApi.CreditOpenApiClient(host.As(Bank));
        var webhook = await api.SetWebhookAsync(new SetWebhookRequest { Url = receiver.Url.AbsoluteUri }, cancellationToken: Ct);
        await api.WatchEntityAsync(new WatchEntityRequest { Code = Code }, cancellationToken: Ct);
        var penalty = await PenalizeAsync(credit, "榕市监罚〔2026〕1号");
        var sweep = host.Services.GetRequiredService<WebhookSweep>();

        var first = await sweep.DeliverDueAsync(Ct);           // the receiver fails it
        var tooSoon = await sweep.DeliverDueAsync(Ct);         // not due again before the backoff
        clock.Advance(TimeSpan.FromSeconds(29));
        var stillTooSoon = await sweep.DeliverDueAsync(Ct);
        clock.Advance(TimeSpan.FromSeconds(2));
        var retried = await sweep.DeliverDueAsync(Ct);         // accepted
        clock.Advance(TimeSpan.FromHours(1));
        var afterwards = await sweep.DeliverDueAsync(Ct);

        Assert.Equal([0, 0, 0, 1, 0], new[] { first, tooSoon, stillTooSoon, retried, afterwards });
        var posts = receiver.Deliveries.ToList();
        Assert.Equal([500, 204], posts.Select(p => p.Answered));
        Assert.Single(posts.Select(p => p.EventId).Distinct());
        Assert.All(posts, p => Assert.Equal(Signed(webhook.SigningSecret, p.Body), p.Signature));
        var change = JsonNode.Parse(posts[1].Body)!;
        Assert.Equal(posts[1].EventId, (string?)change["eventId"]);
        Assert.Equal("CHANGE_KIND_RECORD_ADDED", (string?)change["kind"]);
        Assert.Equal(penalty.Id, (string?)Assert.Single(change["recordsAdded"]!.AsArray())!["id"]);
        var stored = Assert.Single(await DeliveriesAsync(host));
        Assert.Equal(2, stored.Attempts);
        Assert.NotNull(stored.DeliveredAt);
        Assert.Null(stored.NextAttemptAt);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Two_replicas_sweeping_at_once_post_each_change_once(string database)
    {
        var clock = Noon();
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var host = Host(database, clock);
        var credit = await RegisteredAsync(host);
        var api = new CreditOpenApi.CreditOpenApiClient(host.As(Bank));
        await api.SetWebhookAsync(new SetWebhookRequest { Url = receiver.Url.AbsoluteUri }, cancellationToken: Ct);
        await api.WatchEntityAsync(new WatchEntityRequest { Code = Code }, cancellationToken: Ct);
        for (var i = 1; i <= 4; i++)
        {
            await PenalizeAsync(credit, $"榕市监罚〔2026〕{i}号");
        }
        var replicaA = host.Services.GetRequiredService<WebhookSweep>();
        var replicaB = ActivatorUtilities.CreateInstance<WebhookSweep>(host.Services);

        var accepted = await Task.WhenAll(replicaA.DeliverDueAsync(Ct), replicaB.DeliverDueAsync(Ct), replicaA.DeliverDueAsync(Ct));

        Assert.Equal(4, accepted.Sum());
        Assert.Equal(4, receiver.Deliveries.Count);
        Assert.Equal(4, receiver.Deliveries.Select(d => d.EventId).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task After_the_last_attempt_the_change_is_a_dead_letter_the_client_sees_and_it_stays_in_the_feed(string database)
    {
        var clock = Noon();
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        receiver.FailFirst = int.MaxValue;
        await using var host = Host(database, clock, new() { ["Credit:OpenApi:WebhookMaxAttempts"] = "3" });
        var credit = await RegisteredAsync(host);
        var api = new CreditOpenApi.CreditOpenApiClient(host.As(Bank));
        await api.SetWebhookAsync(new SetWebhookRequest { Url = receiver.Url.AbsoluteUri }, cancellationToken: Ct);
        await api.WatchEntityAsync(new WatchEntityRequest { Code = Code }, cancellationToken: Ct);
        await PenalizeAsync(credit, "榕市监罚〔2026〕1号");
        var sweep = host.Services.GetRequiredService<WebhookSweep>();

        await sweep.DeliverDueAsync(Ct);
        clock.Advance(TimeSpan.FromSeconds(30));   // the first retry after 30 s
        await sweep.DeliverDueAsync(Ct);
        var beforeSecondBackoff = await api.ListDeadLettersAsync(new ListDeadLettersRequest(), cancellationToken: Ct);
        clock.Advance(TimeSpan.FromSeconds(60));   // the second after twice as long
        await sweep.DeliverDueAsync(Ct);
        clock.Advance(TimeSpan.FromDays(1));
        await sweep.DeliverDueAsync(Ct);
        var dead = await api.ListDeadLettersAsync(new ListDeadLettersRequest(), cancellationToken: Ct);
        var feed = XDocument.Parse(await host.ClientAs(Bank).GetStringAsync(ChangeFeed.Path, Ct));

        Assert.Empty(beforeSecondBackoff.DeadLetters);
        Assert.Equal(3, receiver.Deliveries.Count);
        var letter = Assert.Single(dead.DeadLetters);
        Assert.Equal(3, letter.Attempts);
        Assert.Equal(Code, letter.Code);
        Assert.Equal(ChangeKind.RecordAdded, letter.Kind);
        Assert.Contains("HTTP 500", letter.LastError);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(["urn:uuid:" + letter.EventId], feed.Root!.Elements(atom + "entry").Select(e => (string?)e.Element(atom + "id")));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_penalty_leaving_publicity_is_a_withdrawn_change_in_the_feed_and_an_unwatched_entity_sends_nothing(string database)
    {
        var clock = Noon();
        await using var host = Host(database, clock);
        var credit = await RegisteredAsync(host);
        var api = new CreditOpenApi.CreditOpenApiClient(host.As(Bank));
        var ending = await PenalizeAsync(credit, "榕市监罚〔2026〕1号", publicUntil: "2026-06-15");  // before the watch: known to the client
        await api.WatchEntityAsync(new WatchEntityRequest { Code = Code }, cancellationToken: Ct);
        var again = await api.WatchEntityAsync(new WatchEntityRequest { Code = Code }, cancellationToken: Ct);  // a retry changes nothing

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await host.Services.GetRequiredService<PublicitySweep>().SweepAsync(Ct));
        var feed = XDocument.Parse(await host.ClientAs(Bank).GetStringAsync(ChangeFeed.Path, Ct));
        var watching = await api.ListWatchesAsync(new ListWatchesRequest(), cancellationToken: Ct);
        var removed = await api.UnwatchEntityAsync(new UnwatchEntityRequest { Code = Code }, cancellationToken: Ct);
        await PenalizeAsync(credit, "榕市监罚〔2026〕2号");

        Assert.Equal(Code, again.Code);
        Assert.Equal([Code], watching.Watches.Select(w => w.Code));
        Assert.True(removed.Removed);
        var only = Assert.Single(await DeliveriesAsync(host));
        Assert.Null(only.NextAttemptAt);  // no webhook: for the feed only
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"));
        Assert.Equal("CHANGE_KIND_RECORD_WITHDRAWN", (string?)entry.Element(atom + "category")!.Attribute("term"));
        var change = JsonNode.Parse((string)entry.Element(atom + "content")!)!;
        Assert.Equal("CHANGE_KIND_RECORD_WITHDRAWN", (string?)change["kind"]);
        Assert.Equal(ending.Id, (string?)Assert.Single(change["recordsRemoved"]!.AsArray())!["id"]);
        Assert.Null(change["recordsAdded"]);
    }

    [Fact]
    public async Task A_webhook_must_be_https_and_plain_http_only_on_loopback_where_allowed()
    {
        await using var strict = Host(Testing.Databases.Sqlite, TimeProvider.System, new() { ["Credit:OpenApi:AllowLoopbackHttpWebhooks"] = "false" });
        var api = new CreditOpenApi.CreditOpenApiClient(strict.As(Bank));

        var plain = await Assert.ThrowsAsync<RpcException>(() => api.SetWebhookAsync(new SetWebhookRequest { Url = "http://bank.example/hooks" }, cancellationToken: Ct).ResponseAsync);
        var loopback = await Assert.ThrowsAsync<RpcException>(() => api.SetWebhookAsync(new SetWebhookRequest { Url = "http://127.0.0.1:9000/hooks" }, cancellationToken: Ct).ResponseAsync);
        var relative = await Assert.ThrowsAsync<RpcException>(() => api.SetWebhookAsync(new SetWebhookRequest { Url = "/hooks" }, cancellationToken: Ct).ResponseAsync);
        var secure = await api.SetWebhookAsync(new SetWebhookRequest { Url = "https://bank.example/hooks" }, cancellationToken: Ct);
        var replaced = await api.SetWebhookAsync(new SetWebhookRequest { Url = "https://bank.example/hooks" }, cancellationToken: Ct);

        Assert.All(new[] { plain, loopback, relative }, r => Assert.Equal(StatusCode.InvalidArgument, r.StatusCode));
        Assert.StartsWith("url:", plain.Violations());
        Assert.Equal("https://bank.example/hooks", secure.Url);
        Assert.Equal(64, secure.SigningSecret.Length);
        Assert.NotEqual(secure.SigningSecret, replaced.SigningSecret);
    }
}
