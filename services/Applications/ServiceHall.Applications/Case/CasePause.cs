using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Case;

/// <summary>
/// A stretch of days not counted in the case's limit (docs/domain.md §5). It covers the days after
/// <see cref="StartedOn"/> (the day of the request itself still counts) up to: for 补正, the day the applicant
/// answered (or today, while they have not); for a special procedure, its end or its last allowed working day,
/// whichever comes first, so the clock runs again by itself once the stated days are over.
/// </summary>
public sealed record CasePause(DateOnly StartedOn, DateOnly? EndedOn, SpecialProcedureKind Special = SpecialProcedureKind.Unspecified, int WorkingDays = 0)
{
    public bool IsCorrection => Special == SpecialProcedureKind.Unspecified;

    public bool IsOpen => EndedOn is null;

    /// <summary>The last working day a special procedure may keep the clock still.</summary>
    public DateOnly LastAllowedDay(WorkingCalendar calendar) => calendar.AddWorkingDays(StartedOn, WorkingDays);

    /// <summary>The last paused day, as far as it is known today (an open 补正 is taken to end today).</summary>
    public DateOnly LastPausedDay(WorkingCalendar calendar, DateOnly today)
    {
        if (IsCorrection)
        {
            return EndedOn ?? today;
        }
        var last = LastAllowedDay(calendar);
        return EndedOn is { } ended && ended < last ? ended : last;
    }

    public bool Covers(DateOnly day, WorkingCalendar calendar, DateOnly today) =>
        day > StartedOn && day <= LastPausedDay(calendar, today);
}
