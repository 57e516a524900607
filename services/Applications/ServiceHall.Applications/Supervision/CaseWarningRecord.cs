using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Supervision;

/// <summary>
/// A warning given to a case (预警: 黄牌, 红牌, 超过法定时限). Its key is the case and the level, so each is recorded once
/// however many sweeps or replicas find it; it is never changed or removed (a warning given stays on the case).
/// </summary>
public sealed class CaseWarningRecord
{
    public required string TrackingNumber { get; init; }
    public required WarningLevel Level { get; init; }
    /// <summary>Copied from the case, for the supervisor's board by department.</summary>
    public required string DepartmentCode { get; init; }
    /// <summary>The county's day the warning was given.</summary>
    public DateOnly OnDay { get; init; }
    public int DaysUsed { get; init; }
    public int AllowedDays { get; init; }
    public DateTime RecordedAt { get; init; }
    /// <summary>The CaseWarned event announcing it.</summary>
    public required string EventId { get; init; }

    public V1.CaseWarning ToMessage() => new()
    {
        Level = Level,
        OnDay = WorkingCalendar.Format(OnDay),
        DaysUsed = DaysUsed,
        AllowedDays = AllowedDays,
        RecordedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(RecordedAt),
    };
}
