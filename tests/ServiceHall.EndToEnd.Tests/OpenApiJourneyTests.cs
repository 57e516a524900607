using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// The credit open API through the gateway, as a bank's system uses it: a client-credentials token from the identity
/// service, counted lookups until the quota answers 429, and a watched entity's new penalty delivered to the bank's
/// webhook (a Kestrel server of the test) once accepted, signed, even when the first delivery failed.
/// </summary>
public sealed class OpenApiJourneyTests(HallFixture hall)
{
    /// <summary>An institution configured for the test hall only (HallFixture), whose small quota one test uses up.</summary>
    public const string QuotaClient = "quota-test-bank";
    public const string QuotaClientSecret = "quota-test-bank-secret";
    public const int QuotaOfQuotaClient = 5;
    const string Bank = "bank-credit-check";
    const string BankSecret = "bank-demo-secret";

    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    Task<HttpClient> InstitutionAsync(string clientId, string secret) => InstitutionAsync(hall, clientId, secret);

    /// <summary>An institution's system through the gateway, with its own client-credentials token; its answers recorded for the scan.</summary>
    internal static async Task<HttpClient> InstitutionAsync(HallFixture hall, string clientId = Bank, string secret = BankSecret)
    {
        using var identity = new HttpClient { BaseAddress = hall.Hall.Identity };
        using var answer = await identity.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "servicehall credit.lookup",
        }), Ct);
        var tokens = JsonNode.Parse(await answer.Content.ReadAsStringAsync(Ct))!;
        Assert.True(answer.IsSuccessStatusCode, tokens.ToJsonString());
        var http = new HttpClient(new Recorded.Responses(clientId)) { BaseAddress = hall.Hall.GatewayHttp, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)tokens["access_token"]!);
        return http;
    }

    [Fact]
    public async Task A_bank_looks_up_until_its_daily_quota_answers_429_with_retry_after()
    {
        using var bank = await InstitutionAsync(QuotaClient, QuotaClientSecret);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < QuotaOfQuotaClient + 3 && refused is null; i++)
        {
            var answer = await bank.GetAsync($"/api/credit/open/v1/entities/{DemoCounty.Business}", Ct);
            statuses.Add(answer.StatusCode);
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = answer;
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, QuotaOfQuotaClient), HttpStatusCode.TooManyRequests], statuses);
        // The quota resets at the county's midnight: the wait is more than nothing and at most a day.
        var retryAfter = refused!.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Assert.Contains("今日查询次数已用完", await refused.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_watched_entitys_new_penalty_reaches_the_banks_webhook_once_signed_after_a_failed_first_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        receiver.FailFirst = 1;
        using var bank = await InstitutionAsync(Bank, BankSecret);
        var editor = await hall.HttpAs(DemoCounty.Xinyong);
        var code = TestCodes.NewCreditCode();
        var (registered, _) = await editor.SendAsync(HttpMethod.Post, "/api/credit/entities",
            new { code, name = "开放接口关注测试" + Guid.NewGuid().ToString("N")[..4] + "有限公司", entityCategory = "法人及非法人组织", legalRepresentative = "王五" });
        Assert.Equal(200, registered);

        var (hooked, webhook) = await bank.SendAsync(HttpMethod.Put, "/api/credit/open/v1/webhook", new { url = receiver.Url.AbsoluteUri });
        Assert.Equal(200, hooked);
        var secret = (string)webhook!["signingSecret"]!;
        Assert.Equal(200, (await bank.SendAsync(HttpMethod.Post, "/api/credit/open/v1/watches", new { code })).Status);
        var decisionNumber = $"县市监罚〔2026〕{Random.Shared.Next(1000, 100_000)}号";
        var (added, penalty) = await editor.SendAsync(HttpMethod.Post, $"/api/credit/entities/{code}/penalties", new
        {
            decisionNumber, violationType = "价格违法", facts = "未明码标价", basis = "《中华人民共和国价格法》第四十二条", category = "警告", content = "警告",
            decisionDate = CountyClock.Today(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            authority = "镇康县市场监督管理局", authorityCode = SampleGuide.MarketRegulation,
        });
        Assert.Equal(200, added);

        List<WebhookReceiver.Delivery> ForEntity() => receiver.Deliveries.Where(d => Encoding.UTF8.GetString(d.Body).Contains(code, StringComparison.Ordinal)).ToList();
        var deliveries = await Eventually.ReadUntilAsync(() => Task.FromResult(ForEntity()), d => d.Any(x => x.Answered == 204), Wait);
        // A few retry intervals more: an accepted change must not come again.
        await Task.Delay(TimeSpan.FromSeconds(4), Ct);
        deliveries = ForEntity();

        Assert.Equal([500, 204], deliveries.Select(d => d.Answered));
        Assert.Single(deliveries.Select(d => d.EventId).Distinct());
        foreach (var delivery in deliveries)
        {
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), delivery.Body));
            Assert.Equal(expected, delivery.Signature);
        }
        var change = JsonNode.Parse(deliveries[1].Body)!;
        Assert.Equal(deliveries[1].EventId, (string?)change["eventId"]);
        Assert.Equal("CHANGE_KIND_RECORD_ADDED", (string?)change["kind"]);
        var record = Assert.Single(change["recordsAdded"]!.AsArray());
        Assert.Equal((string?)penalty!["id"], (string?)record!["id"]);
        Assert.Equal("RECORD_KIND_PENALTY", (string?)record["recordKind"]);

        // The same change is in the bank's Atom feed, under the same event id.
        using var feed = await bank.GetAsync("/api/credit/open/v1/feed", Ct);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        var atom = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync(Ct));
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2005/Atom";
        Assert.Contains(atom.Root!.Elements(ns + "entry"), e => (string?)e.Element(ns + "id") == "urn:uuid:" + deliveries[1].EventId);
    }
}
