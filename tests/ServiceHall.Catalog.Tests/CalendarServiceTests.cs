using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>
/// The county calendar as data (docs/domain.md §3) on both databases: the shipped years are its seed, an
/// administrator sets next year, readiness follows, and a deadline given before the change keeps its date. The
/// "2027" dates here are a test calendar, not the State Council's (which is not known yet).
/// </summary>
public sealed class CalendarServiceTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    // Tuesday 29 December 2026, 10:00 in the county (UTC+8).
    static readonly DateTimeOffset EndOfDecember = new(2026, 12, 29, 2, 0, 0, TimeSpan.Zero);

    static SetCalendarYearRequest TestYear2027()
    {
        var request = new SetCalendarYearRequest { Year = 2027, Basis = "测试日历（非国务院通知）" };
        request.Holidays.AddRange(["2027-01-01", "2027-02-08", "2027-02-09"]);
        request.AdjustedWorkdays.Add("2027-02-06");
        return request;
    }

    static V1.CalendarService.CalendarServiceClient Calendar(ServiceHost<Program> host, TestUser? user = null) =>
        user is null ? new(host.Channel) : new(host.As(user));

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_shipped_years_are_the_seed_and_anyone_reads_them(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);

        var year = await Calendar(host).GetCalendarYearAsync(new GetCalendarYearRequest { Year = 2026 });

        Assert.Equal((2026, "shipped", 1L), (year.Year, year.SetBy, year.Version));
        Assert.Contains("2026-10-01", year.Holidays);
        Assert.Equal(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"], year.AdjustedWorkdays);
        var missing = await Assert.ThrowsAsync<RpcException>(() => Calendar(host).GetCalendarYearAsync(new GetCalendarYearRequest { Year = 2027 }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Contains("2027年工作日历未设置", missing.Status.Detail);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_administrator_sets_next_year_readiness_recovers_and_deadlines_given_before_keep_their_dates(string database)
    {
        var clock = new FakeTimeProvider(EndOfDecember);
        await using var host = new ServiceHost<Program>("catalog", database, services: s => s.AddSingleton<TimeProvider>(clock));
        await Sample.AddDepartmentsAsync(host);
        var catalog = Sample.Catalog(host, Sample.PoliceOfficer);
        var item = await catalog.CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() });
        await catalog.PublishItemAsync(new ChangeItemRequest { Id = item.Id });
        var asker = Sample.Consultations(host, Sample.Zhangsan);

        var (status, problem) = await ReadinessAsync(host);
        Assert.Equal("Degraded", status);
        Assert.StartsWith("2027年工作日历未设置：自12月1日起请管理员录入下一年节假日和调休安排", problem);

        // Without 2027 the deadline counts Wednesday 30, Thursday 31 and Friday 1 January.
        var before = await asker.AskQuestionAsync(new AskQuestionRequest { ItemId = item.Id, Question = "元旦前能办好吗？" });
        Assert.Equal("2027-01-01", before.ReplyDeadline);

        var set = await Calendar(host, Sample.Administrator).SetCalendarYearAsync(TestYear2027());
        Assert.Equal((2027, Sample.Administrator.Subject, 1L), (set.Year, set.SetBy, set.Version));
        Assert.Equal(["2027-01-01", "2027-02-08", "2027-02-09"], set.Holidays);
        Assert.Equal(("Healthy", (string?)null), await ReadinessAsync(host));

        // On the new calendar 1 January is off: the same question a little later is due on Monday 4 January …
        clock.Advance(TimeSpan.FromMinutes(5));
        var after = await asker.AskQuestionAsync(new AskQuestionRequest { ItemId = item.Id, Question = "元旦后呢？" });
        Assert.Equal("2027-01-04", after.ReplyDeadline);
        // … and the one asked before keeps the date it was given, in every read and in what counts as overdue.
        clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 2, 0, 0, TimeSpan.Zero));
        var mine = await asker.ListMyConsultationsAsync(new ListMyConsultationsRequest());
        Assert.Equal([(after.Id, "2027-01-04", false), (before.Id, "2027-01-01", true)],
            mine.Consultations.Select(c => (c.Id, c.ReplyDeadline, c.Overdue)));

        var read = await Calendar(host).GetCalendarYearAsync(new GetCalendarYearRequest { Year = 2027 });
        Assert.Equal(set, read);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_change_of_a_year_is_audited_with_what_changed(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        var admin = Calendar(host, Sample.Administrator);
        await admin.SetCalendarYearAsync(TestYear2027());
        var changed = TestYear2027();
        changed.Holidays.Remove("2027-02-09");
        changed.Holidays.Add("2027-02-10");

        var second = await admin.SetCalendarYearAsync(changed);
        var again = await admin.SetCalendarYearAsync(changed); // a retry changes nothing

        Assert.Equal((2L, 2L), (second.Version, again.Version));
        var records = await host.Services.GetRequiredService<AuditTrail>().RecentAsync(10, TestContext.Current.CancellationToken);
        var sets = records.Where(r => r.Action.EndsWith("CalendarService/SetCalendarYear", StringComparison.Ordinal)).Reverse().ToList();
        Assert.Equal(3, sets.Count);
        Assert.All(sets, r => Assert.Equal(("year=2027", "OK"), (r.Target, r.Result)));
        Assert.StartsWith("new year: holidays 2027-01-01 2027-02-08 2027-02-09; adjusted workdays 2027-02-06", sets[0].Detail);
        Assert.Equal("holidays +2027-02-10 -2027-02-09; adjusted workdays unchanged", sets[1].Detail);
        Assert.Equal("", sets[2].Detail);
    }

    [Fact]
    public async Task Over_JSON_an_administrator_puts_a_year_and_anyone_gets_it()
    {
        await using var host = new ServiceHost<Program>("catalog", Testing.Databases.Sqlite);
        var ct = TestContext.Current.CancellationToken;

        var put = await host.ClientAs(Sample.Administrator).PutAsJsonAsync("/api/catalog/calendar/2027",
            new { holidays = new[] { "2027-01-01" }, adjustedWorkdays = new[] { "2027-02-06" }, basis = "测试日历" }, ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var got = JsonNode.Parse(await host.CreateClient().GetStringAsync("/api/catalog/calendar/2027", ct))!;
        Assert.Equal("2027-01-01", (string?)got["holidays"]![0]);
        Assert.Equal("2027-02-06", (string?)got["adjustedWorkdays"]![0]);
        var refused = await host.CreateClient().PutAsJsonAsync("/api/catalog/calendar/2027", new { holidays = new[] { "2027-01-01" } }, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    static async Task<(string Status, string? Problem)> ReadinessAsync(ServiceHost<Program> host)
    {
        var body = JsonNode.Parse(await host.CreateClient().GetStringAsync("/health/ready", TestContext.Current.CancellationToken))!;
        return ((string)body["checks"]!["calendar"]!, (string?)body["problems"]!["calendar"]);
    }
}
