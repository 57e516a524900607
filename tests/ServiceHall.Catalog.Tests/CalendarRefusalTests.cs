using Grpc.Core;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>
/// Who may set a calendar year (an administrator only) and what a year may hold (docs/domain.md §3): each bad
/// entry refused with InvalidArgument, named by its field and position, before anything is stored.
/// </summary>
public sealed class CalendarRefusalTests
{
    static SetCalendarYearRequest Year(int year, string[] holidays, params string[] workdays)
    {
        var request = new SetCalendarYearRequest { Year = year };
        request.Holidays.AddRange(holidays);
        request.AdjustedWorkdays.AddRange(workdays);
        return request;
    }

    [Fact]
    public async Task Only_an_administrator_sets_a_year()
    {
        await using var host = new ServiceHost<Program>("catalog", Databases.Sqlite);
        var request = Year(2027, ["2027-01-01"]);

        foreach (var caller in new[] { Sample.PoliceOfficer, Sample.Supervisor, Sample.Zhangsan })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => new V1.CalendarService.CalendarServiceClient(host.As(caller)).SetCalendarYearAsync(request).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        }
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => new V1.CalendarService.CalendarServiceClient(host.Channel).SetCalendarYearAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        var notSet = await Assert.ThrowsAsync<RpcException>(() => new V1.CalendarService.CalendarServiceClient(host.Channel).GetCalendarYearAsync(new GetCalendarYearRequest { Year = 2027 }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notSet.StatusCode);
    }

    public static TheoryData<SetCalendarYearRequest, string, string> BadYears => new()
    {
        { Year(1999, ["1999-01-01"]), "year", "不是2000至2100年之间的年份" },
        { Year(2027, ["2027-01-01", "2026-10-01"]), "holidays[1]", "2026-10-01 不在2027年内" },
        { Year(2027, ["2027-1-1"]), "holidays[0]", "不是 YYYY-MM-DD 格式的日期" },
        { Year(2027, ["2027-02-30"]), "holidays[0]", "不是 YYYY-MM-DD 格式的日期" },
        { Year(2027, ["2027-01-01", "2027-01-01"]), "holidays[1]", "重复列出（与第1项相同）" },
        { Year(2027, []), "holidays", "至少列出一天节假日" },
        { Year(2027, ["2027-01-01", "2027-02-06"], "2027-02-06"), "adjusted_workdays[0]", "同时列为节假日（节假日第2项）" },
        { Year(2027, ["2027-01-01"], "2027-02-08"), "adjusted_workdays[0]", "2027-02-08 是星期一，本来就是工作日；调休上班日只能是星期六或星期日" },
        { Year(2027, ["2027-01-01"], "2028-01-01"), "adjusted_workdays[0]", "不在2027年内" },
    };

    [Theory]
    [MemberData(nameof(BadYears))]
    public async Task A_bad_entry_is_refused_naming_its_field(SetCalendarYearRequest request, string field, string problem)
    {
        await using var host = new ServiceHost<Program>("catalog", Databases.Sqlite);
        var admin = new V1.CalendarService.CalendarServiceClient(host.As(Sample.Administrator));

        var refused = await Assert.ThrowsAsync<RpcException>(() => admin.SetCalendarYearAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains($"{field}: ", refused.Violations());
        Assert.Contains(problem, refused.Violations());
        var stored = await Assert.ThrowsAsync<RpcException>(() => admin.GetCalendarYearAsync(new GetCalendarYearRequest { Year = 2027 }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, stored.StatusCode);
    }
}
