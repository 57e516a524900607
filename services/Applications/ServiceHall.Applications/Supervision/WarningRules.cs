using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Supervision;

/// <summary>
/// Which warnings (电子监察, docs/domain.md §5) a case's clock has reached, read from the clock as
/// <see cref="Case.CaseClockReading"/> computes it, never counted again here. Only a running clock gives a warning: a
/// paused case (补正, a special procedure) gets no new one while paused, a stopped or unstarted one none at all.
/// The allowed time is the promised limit with its extension (延期); the statutory limit is extended by it too,
/// since a 延期 granted by the department's head extends the legal limit as well.
/// </summary>
public static class WarningRules
{
    public static IReadOnlyList<WarningLevel> Reached(CaseClock clock, decimal yellowShare)
    {
        if (clock.State != ClockState.Running || clock.DaysUsed <= 0)
        {
            return [];
        }
        var reached = new List<WarningLevel>(3);
        var allowed = clock.LimitDays + clock.ExtensionDays;
        if (allowed > 0 && clock.DaysUsed >= yellowShare * allowed)
        {
            reached.Add(WarningLevel.Yellow);
        }
        if (allowed > 0 && clock.DaysUsed > allowed)
        {
            reached.Add(WarningLevel.Red);
        }
        if (clock.StatutoryDays > 0 && clock.DaysUsed > clock.StatutoryDays + clock.ExtensionDays)
        {
            reached.Add(WarningLevel.StatutoryOverdue);
        }
        return reached;
    }

    public static WarningLevel Highest(IEnumerable<WarningLevel> levels) => levels.DefaultIfEmpty(WarningLevel.Unspecified).Max();
}
