using System.Globalization;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

/// <summary>The credit service in-process over gRPC, against SQLite and PostgreSQL alike.</summary>
public sealed class CreditServiceTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string Code = "91350100M000100Y43";
    /// <summary>县市场监督管理局: the demo credit editor's department, and the deciding body of the penalties below.</summary>
    const string MarketRegulation = DemoCounty.MarketRegulation;
    static readonly TestUser Xinyong = TestUser.CreditEditor(MarketRegulation, DemoCounty.Xinyong);

    static DateOnly Today => PublicityPeriod.Today(TimeProvider.System);

    static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static RegisterEntityRequest Registration(string code = Code) => new()
    {
        Code = code,
        Name = "福州示范食品有限公司",
        EntityCategory = "法人及非法人组织",
        LegalRepresentative = "张伟",
        Address = "福建省福州市鼓楼区示范路1号",
    };

    static V1.PenaltyRecord Penalty(string number, DateOnly decided) => new()
    {
        DecisionNumber = number,
        ViolationType = "经营超过保质期的食品",
        Facts = "当事人销售超过保质期的预包装食品。",
        Basis = "《中华人民共和国食品安全法》第一百二十四条",
        Category = "罚款",
        Content = "罚款人民币5万元",
        FineAmountWan = "5",
        DecisionDate = Date(decided),
        Authority = "县市场监督管理局",
        AuthorityCode = MarketRegulation,
    };

    /// <summary>Writes as the market regulator's credit editor.</summary>
    static V1.CreditService.CreditServiceClient Client(ServiceHost<Program> host) => new(host.As(Xinyong));

    /// <summary>Looks up without signing in, as the public and machine clients do.</summary>
    static V1.CreditService.CreditServiceClient Public(ServiceHost<Program> host) => new(host.Channel);

    static async Task<(int Entities, int Penalties, List<OutboxMessage> Events)> StoredAsync(ServiceHost<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CreditDb>();
        var ct = TestContext.Current.CancellationToken;
        return (await db.Entities.CountAsync(ct), await db.Penalties.CountAsync(ct),
            await db.Set<OutboxMessage>().OrderBy(m => m.Sequence).ToListAsync(ct));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Register_add_a_penalty_and_look_the_entity_up(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        var credit = Client(host);

        // Lower case as people type it; stored and answered upper case.
        var registered = await credit.RegisterEntityAsync(Registration(Code.ToLowerInvariant()));
        Assert.Equal(Code, registered.Code);
        Assert.Equal(1, registered.Version);
        Assert.Empty(registered.Penalties);

        var decided = Today.AddDays(-10);
        var added = await credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = Penalty("县市监罚〔2026〕1号", decided) });
        Assert.NotEmpty(added.Id);
        Assert.Equal(Date(decided.AddYears(3)), added.PublicityUntil);
        Assert.Equal(MarketRegulation, added.AuthorityCode);

        var found = await Public(host).GetEntityAsync(new GetEntityRequest { Code = Code });
        Assert.Equal("福州示范食品有限公司", found.Name);
        Assert.Equal("张伟", found.LegalRepresentative);
        Assert.Equal(2, found.Version);
        var penalty = Assert.Single(found.Penalties);
        Assert.Equal(added, penalty);
        Assert.Equal("5", penalty.FineAmountWan);
        Assert.Equal(Date(decided), penalty.DecisionDate);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Fines_read_back_as_written_on_every_database(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        var credit = Client(host);
        await credit.RegisterEntityAsync(Registration());
        var amounts = new[] { "0.35", "2.50", "120", "0" };
        for (var i = 0; i < amounts.Length; i++)
        {
            var penalty = Penalty($"县市监罚〔2026〕{10 + i}号", Today.AddDays(-i));
            penalty.FineAmountWan = amounts[i];
            await credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = penalty });
        }
        var noFine = Penalty("县市监罚〔2026〕20号", Today.AddDays(-10));
        noFine.FineAmountWan = "";
        await credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = noFine });

        var found = await Public(host).GetEntityAsync(new GetEntityRequest { Code = Code });

        Assert.Equal(["0.35", "2.5", "120", "0", ""], found.Penalties.Select(p => p.FineAmountWan));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Every_change_writes_its_event_with_the_records_in_publicity(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        var credit = Client(host);
        await credit.RegisterEntityAsync(Registration());
        var recent = await credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = Penalty("县市监罚〔2026〕2号", Today.AddMonths(-1)) });
        // Decided four years ago: recorded, but its publicity ended, so the public sees nothing of it.
        await credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = Penalty("县市监罚〔2022〕9号", Today.AddYears(-4)) });

        var (_, penalties, events) = await StoredAsync(host);
        Assert.Equal(2, penalties);
        Assert.All(events, e => Assert.Equal(Topics.CreditEntityChanged, e.Topic));
        var changes = events.Select(e => EntityChanged.Parser.ParseJson(e.Payload)).ToList();
        Assert.Equal([1L, 2L, 3L], changes.Select(c => c.Version));
        Assert.Equal(events.Select(e => e.EventId), changes.Select(c => c.EventId));
        Assert.All(changes, c => Assert.Equal((Code, "福州示范食品有限公司", "法人及非法人组织"), (c.Code, c.Name, c.EntityCategory)));
        Assert.Empty(changes[0].Records);
        var record = Assert.Single(changes[2].Records);
        Assert.Equal(recent.Id, record.Id);
        Assert.Equal(RecordKind.Penalty, record.Kind);
        Assert.Equal("行政处罚 县市监罚〔2026〕2号", record.Title);
        Assert.Equal("罚款：罚款人民币5万元", record.Summary);

        var found = await Public(host).GetEntityAsync(new GetEntityRequest { Code = Code });
        Assert.Equal(recent.Id, Assert.Single(found.Penalties).Id);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Penalties_come_newest_first(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        var credit = Client(host);
        await credit.RegisterEntityAsync(Registration());
        await credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = Penalty("A", Today.AddMonths(-6)) });
        await credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = Penalty("B", Today.AddMonths(-1)) });
        await credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = Penalty("C", Today.AddMonths(-12)) });

        var found = await Public(host).GetEntityAsync(new GetEntityRequest { Code = Code });

        Assert.Equal(["B", "A", "C"], found.Penalties.Select(p => p.DecisionNumber));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_malformed_code_is_refused_with_the_field_and_nothing_saved(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        var credit = Client(host);
        var registration = Registration("91350100M000100Y44");
        registration.Name = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => credit.RegisterEntityAsync(registration).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("code: 统一社会信用代码：校验码（第18位）应为“3”，不是“4”", error.Violations());
        Assert.Contains("name: 主体名称：必填", error.Violations());
        var (entities, _, events) = await StoredAsync(host);
        Assert.Equal(0, entities);
        Assert.Empty(events);

        var lookup = await Assert.ThrowsAsync<RpcException>(() => Public(host).GetEntityAsync(new GetEntityRequest { Code = "91350100I000100Y43" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, lookup.StatusCode);
        Assert.Contains("code: 统一社会信用代码：第9位的“I”不能使用", lookup.Violations());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_code_registers_once(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        var credit = Client(host);
        await credit.RegisterEntityAsync(Registration());

        var duplicate = await Assert.ThrowsAsync<RpcException>(() => credit.RegisterEntityAsync(Registration(Code.ToLowerInvariant())).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
        Assert.Contains(Code, duplicate.Status.Detail);
        var (entities, _, events) = await StoredAsync(host);
        Assert.Equal(1, entities);
        Assert.Single(events);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_decision_is_recorded_once_per_entity(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        var credit = Client(host);
        await credit.RegisterEntityAsync(Registration());
        await credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = Penalty("县市监罚〔2026〕3号", Today) });

        var again = await Assert.ThrowsAsync<RpcException>(() =>
            credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = Penalty("县市监罚〔2026〕3号", Today) }).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        Assert.Contains("penalty.decision_number", again.Violations());
        var (_, penalties, events) = await StoredAsync(host);
        Assert.Equal(1, penalties);
        Assert.Equal(2, events.Count);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Unknown_entities_are_not_found_by_code(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        var credit = Client(host);

        var lookup = await Assert.ThrowsAsync<RpcException>(() => Public(host).GetEntityAsync(new GetEntityRequest { Code = Code }).ResponseAsync);
        var penalty = await Assert.ThrowsAsync<RpcException>(() =>
            credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = Penalty("县市监罚〔2026〕4号", Today) }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
        Assert.Equal(StatusCode.NotFound, penalty.StatusCode);
        Assert.Contains(Code, penalty.Status.Detail);
        var (_, penalties, events) = await StoredAsync(host);
        Assert.Equal(0, penalties);
        Assert.Empty(events);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Bad_penalty_fields_are_each_named_and_nothing_is_saved(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        var credit = Client(host);
        await credit.RegisterEntityAsync(Registration());
        var penalty = Penalty("", Today);
        penalty.Content = " ";
        penalty.Authority = "";
        penalty.FineAmountWan = "-3";
        penalty.DecisionDate = Date(Today.AddDays(2));
        penalty.PublicityUntil = "2030/01/01";

        var error = await Assert.ThrowsAsync<RpcException>(() => credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = penalty }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        foreach (var field in new[] { "penalty.decision_number", "penalty.content", "penalty.authority", "penalty.fine_amount_wan", "penalty.decision_date", "penalty.publicity_until" })
        {
            Assert.Contains(field + ": ", error.Violations());
        }
        Assert.DoesNotContain("penalty.category", error.Violations());

        var missing = await Assert.ThrowsAsync<RpcException>(() => credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
        Assert.Contains("penalty: 行政处罚：必填", missing.Violations());

        var (_, penalties, events) = await StoredAsync(host);
        Assert.Equal(0, penalties);
        Assert.Single(events);
        Assert.Equal(1, (await Public(host).GetEntityAsync(new GetEntityRequest { Code = Code })).Version);
    }

    [Fact]
    public async Task The_publicity_period_comes_from_configuration()
    {
        await using var host = new ServiceHost<Program>("credit", Testing.Databases.Sqlite,
            new Dictionary<string, string?> { [$"{PublicityPeriod.Section}:MaximumMonths"] = "12" });
        var credit = Client(host);
        await credit.RegisterEntityAsync(Registration());
        var decided = Today.AddMonths(-2);

        var added = await credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = Penalty("县市监罚〔2026〕6号", decided) });

        Assert.Equal(Date(decided.AddYears(1)), added.PublicityUntil);
    }

    [Fact]
    public async Task The_demo_seeds_valid_entities_once_with_a_penalty_in_publicity()
    {
        await using var host = new ServiceHost<Program>("credit", Testing.Databases.Sqlite, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var credit = Public(host);

        var entity = await credit.GetEntityAsync(new GetEntityRequest { Code = DemoCounty.Business });

        var penalty = Assert.Single(entity.Penalties);
        Assert.Equal("镇康县市场监督管理局", penalty.Authority);
        // The demo's credit editor (xinyong, of this department) may record more of its penalties.
        Assert.Equal(MarketRegulation, penalty.AuthorityCode);
        Assert.Contains("食品安全法", penalty.Basis);
        Assert.Empty((await credit.GetEntityAsync(new GetEntityRequest { Code = DemoCounty.SoleTrader })).Penalties);
        // The market entities and the public units whose disclosures the demo publishes, all of the county (530924).
        foreach (var code in new[] { DemoCounty.Machinery, DemoCounty.HospitalCreditCode, DemoCounty.SchoolCreditCode, DemoCounty.WaterCompanyCreditCode })
        {
            Assert.Equal(code, (await credit.GetEntityAsync(new GetEntityRequest { Code = code })).Code);
            Assert.Equal(DemoCounty.Area, code[2..8]);
        }
        var (entities, penalties, events) = await StoredAsync(host);
        Assert.Equal((6, 1, 6), (entities, penalties, events.Count));

        // Seeding again (a restart) finds the entities and adds nothing.
        await DemoCredit.SeedAsync(host.Services);
        Assert.Equal(6, (await StoredAsync(host)).Events.Count);
    }
}
