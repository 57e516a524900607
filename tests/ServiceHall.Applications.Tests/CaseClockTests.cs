using ServiceHall.Applications.Case;
using ServiceHall.Applications.V1;
using ServiceHall.Domain;

namespace ServiceHall.Applications.Tests;

/// <summary>
/// The case's clock on the county's 2026 calendar as shipped (Spring Festival 15–23 February with 14 and 28 February
/// worked, Labour Day 1–5 May with 9 May worked): weekends, holidays, make-up working days, pauses and extensions.
/// </summary>
public sealed class CaseClockTests
{
    static readonly WorkingCalendar Calendar = WorkingCalendar.From(WorkingCalendar.ShippedYears);

    static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    static CaseClockReading.Facts Accepted(string on, int limit = 10, LimitUnit unit = LimitUnit.WorkingDays, int extension = 0, string? stopped = null, params CasePause[] pauses) =>
        new(D(on), limit, unit, 20, extension, stopped is null ? null : D(stopped), pauses);

    static CaseClock Read(CaseClockReading.Facts facts, string today) => CaseClockReading.Read(facts, Calendar, D(today));

    [Fact]
    public void Weekends_are_not_counted_and_the_acceptance_day_itself_is_not_either()
    {
        var clock = Read(Accepted("2026-03-02"), "2026-03-06"); // Monday to Friday

        Assert.Equal((ClockState.Running, 4, 6, "2026-03-16", false), (clock.State, clock.DaysUsed, clock.DaysLeft, clock.Deadline, clock.Overdue));
        Assert.Equal("2026-03-02", clock.AcceptedOn);
        // Over the weekend nothing is used.
        Assert.Equal(4, Read(Accepted("2026-03-02"), "2026-03-08").DaysUsed);
    }

    [Fact]
    public void Holidays_are_skipped_and_a_make_up_Saturday_counts()
    {
        // Accepted Wednesday 29 April: Thursday 30 April, (1–5 May off), 6, 7, 8 May and Saturday 9 May, a working day.
        Assert.Equal("2026-05-09", Read(Accepted("2026-04-29", limit: 5), "2026-04-29").Deadline);
        Assert.Equal(1, Read(Accepted("2026-04-29", limit: 5), "2026-05-05").DaysUsed);
        // Accepted Friday 13 February: Saturday 14 February is worked, the Spring Festival is not.
        Assert.Equal("2026-02-25", Read(Accepted("2026-02-13", limit: 3), "2026-02-13").Deadline);
        Assert.Equal(1, Read(Accepted("2026-02-13", limit: 3), "2026-02-23").DaysUsed);
    }

    [Fact]
    public void A_limit_in_calendar_days_counts_every_day()
    {
        var clock = Read(Accepted("2026-03-02", unit: LimitUnit.CalendarDays), "2026-03-07");

        Assert.Equal((5, 5, "2026-03-12"), (clock.DaysUsed, clock.DaysLeft, clock.Deadline));
    }

    [Fact]
    public void An_open_correction_pauses_the_clock_from_the_day_after_it_was_asked()
    {
        var asked = new CasePause(D("2026-03-04"), null);
        var clock = Read(Accepted("2026-03-02", pauses: asked), "2026-03-10");

        Assert.Equal(ClockState.Paused, clock.State);
        Assert.Equal(2, clock.DaysUsed); // Tuesday 3 and Wednesday 4 March, the day of asking
        Assert.Contains("补正", clock.PausedReason);
        Assert.Equal("", clock.PausedUntil);
        // Were it answered today, eight more working days from Wednesday 11 March.
        Assert.Equal("2026-03-20", clock.Deadline);
    }

    [Fact]
    public void An_answered_correction_leaves_its_days_out_and_the_clock_runs_again()
    {
        var answered = new CasePause(D("2026-03-04"), D("2026-03-11"));
        var clock = Read(Accepted("2026-03-02", pauses: answered), "2026-03-13");

        Assert.Equal((ClockState.Running, 4, 6, "2026-03-23"), (clock.State, clock.DaysUsed, clock.DaysLeft, clock.Deadline));
        Assert.Equal("", clock.PausedReason);
    }

    [Fact]
    public void A_special_procedure_pauses_for_its_stated_working_days_then_the_clock_runs_by_itself()
    {
        var hearing = new CasePause(D("2026-03-04"), null, SpecialProcedureKind.Hearing, 3); // Thursday 5 to Monday 9 March

        var during = Read(Accepted("2026-03-02", pauses: hearing), "2026-03-06");
        Assert.Equal((ClockState.Paused, 2, "2026-03-09"), (during.State, during.DaysUsed, during.PausedUntil));
        Assert.Contains("听证", during.PausedReason);

        var after = Read(Accepted("2026-03-02", pauses: hearing), "2026-03-11");
        Assert.Equal((ClockState.Running, 4, "2026-03-19"), (after.State, after.DaysUsed, after.Deadline));

        // Ended early, on Friday 6 March: only Thursday and Friday stand still.
        var ended = Read(Accepted("2026-03-02", pauses: hearing with { EndedOn = D("2026-03-06") }), "2026-03-11");
        Assert.Equal((ClockState.Running, 5, "2026-03-18"), (ended.State, ended.DaysUsed, ended.Deadline));
    }

    [Fact]
    public void An_extension_adds_its_days_and_past_the_limit_the_case_is_overdue()
    {
        var extended = Read(Accepted("2026-03-02", extension: 5), "2026-03-16");
        Assert.Equal((10, 5, "2026-03-23", false), (extended.DaysUsed, extended.DaysLeft, extended.Deadline, extended.Overdue));
        Assert.Equal(5, extended.ExtensionDays);

        var late = Read(Accepted("2026-03-02"), "2026-03-17");
        Assert.Equal((11, -1, "2026-03-16", true), (late.DaysUsed, late.DaysLeft, late.Deadline, late.Overdue));
    }

    [Fact]
    public void A_decision_stops_the_clock_on_its_day()
    {
        var clock = Read(Accepted("2026-03-02", stopped: "2026-03-05"), "2026-04-20");

        Assert.Equal((ClockState.Stopped, 3, 7, "2026-03-05"), (clock.State, clock.DaysUsed, clock.DaysLeft, clock.StoppedOn));
    }

    [Fact]
    public void Before_acceptance_the_clock_has_not_started_and_an_instant_item_is_due_the_day_it_is_accepted()
    {
        var waiting = CaseClockReading.Read(new(null, 10, LimitUnit.WorkingDays, 20, 0, null, []), Calendar, D("2026-03-05"));
        Assert.Equal((ClockState.NotStarted, 0, 10, ""), (waiting.State, waiting.DaysUsed, waiting.DaysLeft, waiting.Deadline));

        var instant = Read(Accepted("2026-03-02", limit: 0), "2026-03-02");
        Assert.Equal(("2026-03-02", 0, false), (instant.Deadline, instant.DaysLeft, instant.Overdue));
    }

    [Fact]
    public void A_year_the_calendar_does_not_hold_counts_Monday_to_Friday()
    {
        var clock = CaseClockReading.Read(Accepted("2030-01-01", limit: 5), WorkingCalendar.From([]), D("2030-01-01"));

        Assert.Equal("2030-01-08", clock.Deadline); // Wednesday 2 to Tuesday 8 January, the weekend skipped
    }
}
