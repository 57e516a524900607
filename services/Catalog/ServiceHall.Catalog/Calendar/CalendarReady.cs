using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog.Calendar;

/// <summary>
/// Readiness of the working-day calendar (docs/domain.md §3): degraded, not down, when a year deadlines may reach
/// is not set, because the catalog still serves and deadlines then count Monday to Friday only. From 1 December a
/// question's deadline can fall in January, and the State Council's notice is usually out in November, so next
/// year is expected from then on.
/// </summary>
public sealed class CalendarReady(CountyCalendar calendar, TimeProvider clock) : IHealthCheck
{
    public const string Name = "calendar";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Assess(await calendar.CurrentAsync(cancellationToken), CountyClock.Today(clock.GetUtcNow().UtcDateTime));

    /// <summary>The state of <paramref name="current"/> on the county day <paramref name="today"/>.</summary>
    public static HealthCheckResult Assess(WorkingCalendar current, DateOnly today)
    {
        if (!current.Covers(today.Year))
        {
            return HealthCheckResult.Degraded($"{today.Year}年工作日历未设置：本年期限正按周一至周五计算，请管理员立即录入{today.Year}年节假日和调休安排（PUT /api/catalog/calendar/{today.Year}）");
        }
        var next = today.Year + 1;
        if (today.Month == 12 && !current.Covers(next))
        {
            return HealthCheckResult.Degraded($"{next}年工作日历未设置：自12月1日起请管理员录入下一年节假日和调休安排（PUT /api/catalog/calendar/{next}）");
        }
        return HealthCheckResult.Healthy($"{today.Year}年工作日历已设置");
    }
}
