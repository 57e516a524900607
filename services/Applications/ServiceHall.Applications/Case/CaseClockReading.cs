using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Case;

/// <summary>
/// What the case's clock says on a given day, computed from what the case stores (docs/domain.md §3, §5): the limit
/// runs from the day after acceptance, counts working days on the county's calendar (or every day for a limit in
/// 自然日), skips paused days, and stops on the day of the decision, refusal or withdrawal. Nothing here reads the
/// time or the database: the same facts and day give the same reading, which the tests pin on a fake clock.
/// </summary>
public static class CaseClockReading
{
    public sealed record Facts(
        DateOnly? AcceptedOn, int LimitDays, LimitUnit Unit, int StatutoryDays, int ExtensionDays, DateOnly? StoppedOn, IReadOnlyList<CasePause> Pauses);

    public static CaseClock Read(Facts facts, WorkingCalendar calendar, DateOnly today)
    {
        var clock = new CaseClock
        {
            LimitDays = facts.LimitDays,
            Unit = facts.Unit,
            StatutoryDays = facts.StatutoryDays,
            ExtensionDays = facts.ExtensionDays,
            DaysLeft = facts.LimitDays + facts.ExtensionDays,
        };
        if (facts.AcceptedOn is not { } accepted)
        {
            clock.State = facts.StoppedOn is null ? ClockState.NotStarted : ClockState.Stopped;
            clock.StoppedOn = Format(facts.StoppedOn);
            return clock;
        }
        var until = facts.StoppedOn ?? today;
        var allowed = facts.LimitDays + facts.ExtensionDays;
        bool Counts(DateOnly day) =>
            (facts.Unit == LimitUnit.CalendarDays || calendar.IsWorkingDay(day)) && !facts.Pauses.Any(p => p.Covers(day, calendar, until));

        var used = 0;
        for (var day = accepted.AddDays(1); day <= until; day = day.AddDays(1))
        {
            used += Counts(day) ? 1 : 0;
        }
        clock.AcceptedOn = Format(accepted);
        clock.DaysUsed = used;
        clock.DaysLeft = allowed - used;
        clock.Overdue = used > allowed;
        clock.Deadline = Format(Deadline(accepted, allowed, Counts));
        if (facts.StoppedOn is { } stopped)
        {
            clock.State = ClockState.Stopped;
            clock.StoppedOn = Format(stopped);
            return clock;
        }
        var pause = facts.Pauses.LastOrDefault(p => p.IsOpen && (p.IsCorrection || today <= p.LastAllowedDay(calendar)));
        clock.State = pause is null ? ClockState.Running : ClockState.Paused;
        if (pause is not null)
        {
            clock.PausedReason = pause.IsCorrection
                ? $"等待申请人补正材料，自{Format(pause.StartedOn)}起暂停计时，补正提交后继续计时"
                : $"{CaseWords.Of(pause.Special)}（特别程序），{pause.WorkingDays}个工作日内不计入办理时限";
            clock.PausedUntil = pause.IsCorrection ? "" : Format(pause.LastAllowedDay(calendar));
        }
        return clock;
    }

    /// <summary>The day the allowed days are used up: with a pause still open, as if it ended today.</summary>
    static DateOnly Deadline(DateOnly accepted, int allowed, Func<DateOnly, bool> counts)
    {
        var day = accepted;
        for (var counted = 0; counted < allowed;)
        {
            day = day.AddDays(1);
            counted += counts(day) ? 1 : 0;
        }
        return day;
    }

    static string Format(DateOnly? day) => day is { } d ? WorkingCalendar.Format(d) : "";
}
