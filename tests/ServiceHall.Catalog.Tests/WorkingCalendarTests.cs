using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog.Tests;

/// <summary>Reply deadlines count working days on the shipped 2025 and 2026 calendar (State Council holiday notice).</summary>
public sealed class WorkingCalendarTests
{
    static readonly WorkingCalendar Calendar = WorkingCalendar.From(WorkingCalendar.ShippedYears);

    [Theory]
    [InlineData("2026-11-27", 3, "2026-12-02")] // Friday: Mon, Tue, Wed
    [InlineData("2026-11-28", 3, "2026-12-02")] // Saturday: the weekend is not counted
    [InlineData("2026-11-30", 1, "2026-12-01")] // the day of asking is not counted
    [InlineData("2026-09-30", 3, "2026-10-10")] // National Day 1–7 off; Thu 8, Fri 9, and Saturday 10 October is a working day
    [InlineData("2026-02-13", 2, "2026-02-24")] // Saturday 14 February works, Spring Festival 15–23 off
    [InlineData("2026-04-30", 2, "2026-05-07")] // Labour Day 1–5 off
    [InlineData("2025-12-31", 1, "2026-01-04")] // New Year 1–3 off; Sunday 4 January is a working day
    public void Deadlines_skip_weekends_and_holidays_and_count_adjusted_working_days(string asked, int days, string due)
    {
        var start = DateOnly.Parse(asked, System.Globalization.CultureInfo.InvariantCulture);
        var expected = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Calendar.AddWorkingDays(start, days));
    }

    [Fact]
    public void The_calendar_says_which_years_it_knows()
    {
        Assert.True(Calendar.Covers(2026));
        Assert.False(Calendar.Covers(2030));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 10, 7)));
    }
}
