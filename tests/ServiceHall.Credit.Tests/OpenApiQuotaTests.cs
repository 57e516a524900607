using System.Net;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceHall.Credit.V1;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

/// <summary>The open API's lookups: counted per client against a daily quota and a per-minute rate, and recorded for the entity.</summary>
public sealed class OpenApiQuotaTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string Code = "91350100M000100Y43";
    const string OtherCode = "91530924MA600018XQ";
    static readonly TestUser Xinyong = TestUser.CreditEditor(DemoCounty.MarketRegulation, DemoCounty.Xinyong);
    static readonly TestUser Bank = TestUser.CreditClient("bank-credit-check");
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>2026-06-15 23:59:30 in the county (UTC+8): thirty seconds before the county's midnight.</summary>
    static FakeTimeProvider LateEvening() => new(new DateTimeOffset(2026, 6, 15, 15, 59, 30, TimeSpan.Zero));

    static ServiceHost<Program> Host(string database, TimeProvider clock, Dictionary<string, string?> settings) =>
        new("credit", database, settings, services => services.AddSingleton(clock));

    static async Task RegisterAsync(ServiceHost<Program> host, string code = Code, string name = "福州示范食品有限公司") =>
        await new V1.CreditService.CreditServiceClient(host.As(Xinyong)).RegisterEntityAsync(
            new RegisterEntityRequest { Code = code, Name = name, EntityCategory = "法人及非法人组织" }, cancellationToken: Ct);

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_daily_quota_answers_429_with_the_wait_until_the_county_midnight_and_resets_then(string database)
    {
        var clock = LateEvening();
        await using var host = Host(database, clock, new() { ["Credit:OpenApi:Clients:bank-credit-check:DailyQuota"] = "3", ["Credit:OpenApi:RequestsPerMinute"] = "100" });
        await RegisterAsync(host);
        var http = host.ClientAs(Bank);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await http.GetAsync($"/api/credit/open/v1/entities/{Code}", Ct));
        }
        clock.Advance(TimeSpan.FromSeconds(31));  // 00:00:01 the next county day
        var nextDay = await http.GetAsync($"/api/credit/open/v1/entities/{Code}", Ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(30), answers[3].Headers.RetryAfter?.Delta);
        Assert.Contains("每日最多 3 次", await answers[3].Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, nextDay.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_rate_per_minute_refuses_over_grpc_with_retry_after_and_lets_the_next_minute_through(string database)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 4, 0, 20, TimeSpan.Zero));
        await using var host = Host(database, clock, new() { ["Credit:OpenApi:RequestsPerMinute"] = "2" });
        await RegisterAsync(host);
        var api = new CreditOpenApi.CreditOpenApiClient(host.As(Bank));

        await api.LookUpEntityAsync(new LookUpEntityRequest { Code = Code }, cancellationToken: Ct);
        await api.LookUpEntityAsync(new LookUpEntityRequest { Code = Code }, cancellationToken: Ct);
        var call = api.LookUpEntityAsync(new LookUpEntityRequest { Code = Code }, cancellationToken: Ct);
        var refusal = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        var headers = await call.ResponseHeadersAsync;
        clock.Advance(TimeSpan.FromSeconds(40));
        var entity = await api.LookUpEntityAsync(new LookUpEntityRequest { Code = Code }, cancellationToken: Ct);

        Assert.Equal(StatusCode.ResourceExhausted, refusal.StatusCode);
        Assert.Contains("每分钟最多 2 次", refusal.Status.Detail);
        Assert.Equal("40", headers.GetValue("retry-after"));
        Assert.Equal(Code, entity.Code);
    }

    [Fact]
    public async Task A_client_without_an_override_has_the_default_quota_and_each_client_counts_alone()
    {
        var clock = LateEvening();
        await using var host = Host(Testing.Databases.Sqlite, clock, new()
        {
            ["Credit:OpenApi:DailyQuota"] = "1",
            ["Credit:OpenApi:Clients:bank-credit-check:DailyQuota"] = "2",
        });
        await RegisterAsync(host);
        var bank = host.ClientAs(Bank);
        var insurer = host.ClientAs(TestUser.CreditClient("insurer-check"));

        var insurerAnswers = new[] { await insurer.GetAsync($"/api/credit/open/v1/entities/{Code}", Ct), await insurer.GetAsync($"/api/credit/open/v1/entities/{Code}", Ct) };
        var bankAnswers = new[] { await bank.GetAsync($"/api/credit/open/v1/entities/{Code}", Ct), await bank.GetAsync($"/api/credit/open/v1/entities/{Code}", Ct) };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], insurerAnswers.Select(a => a.StatusCode));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], bankAnswers.Select(a => a.StatusCode));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Concurrent_lookups_never_pass_the_quota(string database)
    {
        var clock = LateEvening();
        await using var host = Host(database, clock, new() { ["Credit:OpenApi:Clients:bank-credit-check:DailyQuota"] = "5", ["Credit:OpenApi:RequestsPerMinute"] = "1000" });
        await RegisterAsync(host);
        var api = new CreditOpenApi.CreditOpenApiClient(host.As(Bank));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            try
            {
                await api.LookUpEntityAsync(new LookUpEntityRequest { Code = Code }, cancellationToken: Ct);
                return StatusCode.OK;
            }
            catch (RpcException refused)
            {
                return refused.StatusCode;
            }
        }));

        Assert.Equal(5, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(7, outcomes.Count(o => o == StatusCode.ResourceExhausted));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_business_sees_which_institutions_looked_it_up_and_when_and_nobody_elses_lookups(string database)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 4, 0, 0, TimeSpan.Zero));
        await using var host = Host(database, clock, new());
        await RegisterAsync(host);
        await RegisterAsync(host, OtherCode, "福州另一食品有限公司");
        await new CreditOpenApi.CreditOpenApiClient(host.As(Bank)).LookUpEntityAsync(new LookUpEntityRequest { Code = Code }, cancellationToken: Ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        await new CreditOpenApi.CreditOpenApiClient(host.As(TestUser.CreditClient("insurer-check"))).LookUpEntityAsync(new LookUpEntityRequest { Code = Code }, cancellationToken: Ct);
        await new CreditOpenApi.CreditOpenApiClient(host.As(Bank)).LookUpEntityAsync(new LookUpEntityRequest { Code = OtherCode }, cancellationToken: Ct);

        var mine = await new CreditOpenApi.CreditOpenApiClient(host.As(TestUser.Business(Code, DemoCounty.Qiye))).ListLookupsOfMyEntityAsync(new(), cancellationToken: Ct);
        var others = await new CreditOpenApi.CreditOpenApiClient(host.As(TestUser.Business(OtherCode, "other-business"))).ListLookupsOfMyEntityAsync(new(), cancellationToken: Ct);

        Assert.Equal(["insurer-check", "bank-credit-check"], mine.Lookups.Select(l => l.Institution));
        Assert.Equal([new DateTime(2026, 6, 15, 4, 5, 0, DateTimeKind.Utc), new DateTime(2026, 6, 15, 4, 0, 0, DateTimeKind.Utc)],
            mine.Lookups.Select(l => l.LookedUpAt.ToDateTime()));
        Assert.Equal(["bank-credit-check"], others.Lookups.Select(l => l.Institution));
    }

    [Fact]
    public async Task Only_a_client_with_the_credit_lookup_scope_looks_up_and_only_a_business_lists_its_lookups()
    {
        await using var host = Host(Testing.Databases.Sqlite, TimeProvider.System, new());
        await RegisterAsync(host);
        static async Task<StatusCode> Status(Func<Task> call)
        {
            try
            {
                await call();
                return StatusCode.OK;
            }
            catch (RpcException refused)
            {
                return refused.StatusCode;
            }
        }
        CreditOpenApi.CreditOpenApiClient As(TestUser user) => new(host.As(user));
        var anonymous = new CreditOpenApi.CreditOpenApiClient(host.Channel);

        Assert.Equal(StatusCode.Unauthenticated, await Status(() => anonymous.LookUpEntityAsync(new() { Code = Code }, cancellationToken: Ct).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await Status(() => As(TestUser.Machine("bank-credit-check")).LookUpEntityAsync(new() { Code = Code }, cancellationToken: Ct).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await Status(() => As(TestUser.Business(Code, DemoCounty.Qiye)).WatchEntityAsync(new() { Code = Code }, cancellationToken: Ct).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await Status(() => As(Bank).ListLookupsOfMyEntityAsync(new(), cancellationToken: Ct).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await Status(() => As(TestUser.Person(DemoCounty.Zhangsan)).ListLookupsOfMyEntityAsync(new(), cancellationToken: Ct).ResponseAsync));
        Assert.Equal(StatusCode.OK, await Status(() => As(Bank).LookUpEntityAsync(new() { Code = Code }, cancellationToken: Ct).ResponseAsync));
    }
}
