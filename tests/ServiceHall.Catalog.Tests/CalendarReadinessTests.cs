using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServiceHall.Catalog.Calendar;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog.Tests;

/// <summary>
/// The calendar's readiness on given county days (docs/domain.md §3): next year is expected from 1 December, the
/// current year always. The dates of "2027" below are a test calendar, not the State Council's.
/// </summary>
public sealed class CalendarReadinessTests
{
    static readonly WorkingCalendar Shipped = WorkingCalendar.From(WorkingCalendar.ShippedYears);

    static readonly WorkingCalendar WithNextYear = WorkingCalendar.From(
        [.. WorkingCalendar.ShippedYears, new CalendarYearDays(2027, [new DateOnly(2027, 1, 1)], [])]);

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-11-30")] // the last day before next year is expected
    public void Before_December_a_missing_next_year_is_healthy(string day) =>
        Assert.Equal(HealthStatus.Healthy, CalendarReady.Assess(Shipped, Date(day)).Status);

    [Theory]
    [InlineData("2026-12-01")]
    [InlineData("2026-12-07")]
    [InlineData("2026-12-31")]
    public void From_1_December_a_missing_next_year_is_degraded_with_what_to_do(string day)
    {
        var result = CalendarReady.Assess(Shipped, Date(day));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.StartsWith("2027年工作日历未设置：自12月1日起请管理员录入下一年节假日和调休安排", result.Description);
        Assert.Contains("PUT /api/catalog/calendar/2027", result.Description);
    }

    [Fact]
    public void Once_next_year_is_set_it_is_healthy_again() =>
        Assert.Equal(HealthStatus.Healthy, CalendarReady.Assess(WithNextYear, Date("2026-12-07")).Status);

    [Fact]
    public void A_current_year_that_is_missing_is_degraded_all_year()
    {
        var result = CalendarReady.Assess(Shipped, Date("2027-03-15"));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.StartsWith("2027年工作日历未设置：本年期限正按周一至周五计算", result.Description);
    }

    static DateOnly Date(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
