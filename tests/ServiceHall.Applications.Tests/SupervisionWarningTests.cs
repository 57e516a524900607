using Microsoft.Extensions.Configuration;
using ServiceHall.Applications.Supervision;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using static ServiceHall.Applications.Tests.Callers;
using static ServiceHall.Applications.Tests.SupervisionHelpers;

namespace ServiceHall.Applications.Tests;

/// <summary>
/// 电子监察 warnings on a fake clock (2026, March has no holiday): a case accepted on Monday 2 March with 10 promised
/// and 20 statutory working days has used 8 (80%) on Thursday 12 March, is past its promise on Tuesday 17 March (11
/// used) and past the statutory limit on Tuesday 31 March (21 used).
/// </summary>
public sealed class SupervisionWarningTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    static FakeCatalog Catalog() => new FakeCatalog().With("food-licence", ItemStatus.Published);

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_running_case_gets_a_yellow_card_at_80_percent_then_a_red_card_past_the_promise_then_the_statutory_level(string database)
    {
        await using var host = Host(database, Catalog());
        var number = await AcceptedCaseAsync(host, "key-1");

        host.ToDay(3, 11); // 7 of 10 used
        Assert.Equal(0, await host.SweepAsync());
        Assert.Equal(WarningLevel.Unspecified, await LevelAsync(host, number));

        host.ToDay(3, 12); // 8 of 10
        Assert.Equal(1, await host.SweepAsync());
        var yellow = Assert.Single(await WarningsAsync(host));
        Assert.Equal((number, WarningLevel.Yellow, 8, 10, new DateOnly(2026, 3, 12)), (yellow.TrackingNumber, yellow.Level, yellow.DaysUsed, yellow.AllowedDays, yellow.OnDay));
        Assert.Equal(WarningLevel.Yellow, await LevelAsync(host, number));
        var queue = await host.As(Shichang).ListDepartmentCasesAsync(new ListDepartmentCasesRequest(), cancellationToken: Cancel);
        Assert.Equal(WarningLevel.Yellow, Assert.Single(queue.Applications).WarningLevel);

        host.ToDay(3, 16); // 10 of 10: the last day, not overdue yet
        Assert.Equal(0, await host.SweepAsync());
        host.ToDay(3, 17); // 11 of 10
        Assert.Equal(1, await host.SweepAsync());
        Assert.Equal(WarningLevel.Red, await LevelAsync(host, number));
        host.ToDay(3, 30); // 20 of 20 statutory
        Assert.Equal(0, await host.SweepAsync());
        host.ToDay(3, 31);
        Assert.Equal(1, await host.SweepAsync());
        Assert.Equal(WarningLevel.StatutoryOverdue, await LevelAsync(host, number));

        var events = await WarnedEventsAsync(host);
        Assert.Equal([WarningLevel.Yellow, WarningLevel.Red, WarningLevel.StatutoryOverdue], events.Select(e => e.Level).Order());
        Assert.All(events, e => Assert.Equal((number, FakeCatalog.MarketRegulation), (e.TrackingNumber, e.DepartmentCode)));
        Assert.Equal((11, 10, "2026-03-17"), events.Where(e => e.Level == WarningLevel.Red).Select(e => (e.DaysUsed, e.AllowedDays, e.OccurredOn)).Single());
        // Nothing more to find: the case has every warning there is.
        host.ToDay(4, 20);
        Assert.Equal(0, await host.SweepAsync());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_paused_case_gets_no_warning_while_paused_and_counts_on_when_answered(string database)
    {
        await using var host = Host(database, Catalog());
        var number = await AcceptedCaseAsync(host, "key-1");
        host.ToDay(3, 5); // 3 used, the day of asking still counts
        await host.As(Shichang).RequestCorrectionAsync(new RequestCorrectionRequest
        {
            TrackingNumber = number, Items = { new CorrectionItem { Material = "营业执照", Problem = "复印件不清晰" } },
        }, cancellationToken: Cancel);

        // Weeks past where the yellow and red cards would have fallen, still waiting for the applicant.
        foreach (var day in new[] { 12, 17, 20 })
        {
            host.ToDay(3, day);
            Assert.Equal(0, await host.SweepAsync());
            Assert.Equal(WarningLevel.Unspecified, await LevelAsync(host, number));
        }
        Assert.Empty(await WarningsAsync(host));

        await host.As(ZhangSan).SubmitCorrectionAsync(new SubmitCorrectionRequest { TrackingNumber = number, Response = "已重新上传" }, cancellationToken: Cancel);
        host.ToDay(3, 26); // 3 + 23, 24, 25, 26 = 7
        Assert.Equal(0, await host.SweepAsync());
        host.ToDay(3, 27); // 8
        Assert.Equal(1, await host.SweepAsync());
        Assert.Equal(WarningLevel.Yellow, Assert.Single(await WarningsAsync(host)).Level);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_special_procedure_holds_the_clock_and_an_extension_moves_the_red_card(string database)
    {
        await using var host = Host(database, Catalog());
        var head = new Testing.TestUser("shichang-head", [ServiceDefaults.HallRoles.Officer, ServiceDefaults.HallRoles.DepartmentHead], Department: FakeCatalog.MarketRegulation);
        var number = await AcceptedCaseAsync(host, "key-1");
        host.ToDay(3, 12); // 8 used: yellow
        await host.As(head).ExtendDeadlineAsync(new ExtendDeadlineRequest { TrackingNumber = number, WorkingDays = 5, Reason = "需补充核查" }, cancellationToken: Cancel);
        // Extended before the sweep came by: 8 of 15 is not 80% any more, so no yellow card today.
        Assert.Equal(0, await host.SweepAsync());
        host.ToDay(3, 17); // 11 of 15
        Assert.Equal(0, await host.SweepAsync());
        host.ToDay(3, 18); // 12 of 15
        Assert.Equal(1, await host.SweepAsync());
        await host.As(Shichang).StartSpecialProcedureAsync(new StartSpecialProcedureRequest
        {
            TrackingNumber = number, Kind = SpecialProcedureKind.Inspection, WorkingDays = 10, Reason = "现场核查",
        }, cancellationToken: Cancel);
        host.ToDay(3, 27); // still within the procedure's 10 working days: paused
        Assert.Equal(0, await host.SweepAsync());
        Assert.Equal(WarningLevel.Yellow, await LevelAsync(host, number));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Two_rounds_and_two_sweeps_at_once_record_each_warning_once_with_one_event_each(string database)
    {
        await using var host = Host(database, Catalog(), batchSize: 10);
        var numbers = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            numbers.Add(await AcceptedCaseAsync(host, "key-" + i));
        }
        host.ToDay(3, 17); // every case is past its promise: a yellow and a red card each

        // Two replicas at once, each with its own database connections, over batches of ten.
        var rounds = await Task.WhenAll(host.SweepAsync(), host.SweepAsync());
        Assert.Equal(50, rounds.Sum());
        Assert.Equal(0, await host.SweepAsync());

        var warnings = await WarningsAsync(host);
        Assert.Equal(50, warnings.Count);
        Assert.Equal(numbers.Order(), warnings.Where(w => w.Level == WarningLevel.Red).Select(w => w.TrackingNumber).Order());
        var events = await WarnedEventsAsync(host);
        Assert.Equal(50, events.Count);
        Assert.Equal(warnings.Select(w => w.EventId).Order(), events.Select(e => e.EventId).Order());
    }

    [Fact]
    public void The_rules_read_the_clock_and_only_a_running_one_warns()
    {
        static CaseClock Clock(ClockState state, int used, int limit = 10, int extension = 0, int statutory = 20) =>
            new() { State = state, DaysUsed = used, LimitDays = limit, ExtensionDays = extension, StatutoryDays = statutory };

        Assert.Empty(WarningRules.Reached(Clock(ClockState.Running, 7), 0.8m));
        Assert.Equal([WarningLevel.Yellow], WarningRules.Reached(Clock(ClockState.Running, 8), 0.8m));
        Assert.Empty(WarningRules.Reached(Clock(ClockState.Running, 8), 0.9m));
        Assert.Equal([WarningLevel.Yellow, WarningLevel.Red], WarningRules.Reached(Clock(ClockState.Running, 11), 0.8m));
        // An extension moves both cards: 11 of 15 is short of 80%, 12 is not.
        Assert.Empty(WarningRules.Reached(Clock(ClockState.Running, 11, extension: 5), 0.8m));
        Assert.Equal([WarningLevel.Yellow], WarningRules.Reached(Clock(ClockState.Running, 12, extension: 5), 0.8m));
        Assert.Equal([WarningLevel.Yellow, WarningLevel.Red, WarningLevel.StatutoryOverdue], WarningRules.Reached(Clock(ClockState.Running, 21), 0.8m));
        Assert.Empty(WarningRules.Reached(Clock(ClockState.Paused, 30), 0.8m));
        Assert.Empty(WarningRules.Reached(Clock(ClockState.Stopped, 30), 0.8m));
        // An item promised on the spot (即办件, no limit) gets only the statutory level, if it has one.
        Assert.Empty(WarningRules.Reached(Clock(ClockState.Running, 5, limit: 0, statutory: 0), 0.8m));
    }

    [Fact]
    public void A_yellow_share_outside_0_to_1_stops_the_service_from_starting()
    {
        static IConfiguration With(string share) => new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Applications:Supervision:YellowShare"] = share }).Build();

        Assert.Equal(0.9m, SupervisionSettings.From(With("0.9")).YellowShare);
        Assert.Equal(0.8m, SupervisionSettings.From(new ConfigurationBuilder().Build()).YellowShare);
        Assert.Contains("YellowShare", Assert.Throws<InvalidOperationException>(() => SupervisionSettings.From(With("1.5"))).Message);
        Assert.Contains("YellowShare", Assert.Throws<InvalidOperationException>(() => SupervisionSettings.From(With("八成"))).Message);
    }
}
