using System.Collections.Concurrent;
using Grpc.Core;
using ServiceHall.Catalog.V1;

namespace ServiceHall.Applications.Case;

/// <summary>
/// The county's working-day calendar as the catalog keeps it (docs/domain.md §3), which the cases' clocks count on.
/// Each year is asked for once a minute at most, so an administrator's change shows within a minute on every
/// replica. A year the catalog has not set counts Monday to Friday, as in the catalog. When the catalog cannot
/// answer, the year last read is used, else the year shipped with the hall, and a warning is logged: a case's clock
/// never fails for a calendar that is only briefly out of reach.
/// </summary>
public sealed class CaseCalendar(CalendarService.CalendarServiceClient catalog, TimeProvider clock, ILogger<CaseCalendar> logger)
{
    static readonly TimeSpan Fresh = TimeSpan.FromMinutes(1);
    readonly ConcurrentDictionary<int, (CalendarYearDays? Days, DateTimeOffset ReadAt)> years = new();

    /// <summary>The calendar for every year from <paramref name="firstYear"/> to the year after today's.</summary>
    public async Task<WorkingCalendar> FromYearAsync(int firstYear, CancellationToken cancellationToken)
    {
        var today = CountyClock.Today(clock.GetUtcNow().UtcDateTime);
        var wanted = Enumerable.Range(Math.Min(firstYear, today.Year), Math.Max(0, today.Year + 1 - Math.Min(firstYear, today.Year)) + 1);
        var known = new List<CalendarYearDays>();
        foreach (var year in wanted)
        {
            if (await YearAsync(year, cancellationToken) is { } days)
            {
                known.Add(days);
            }
        }
        return WorkingCalendar.From(known);
    }

    async Task<CalendarYearDays?> YearAsync(int year, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (years.TryGetValue(year, out var cached) && now - cached.ReadAt < Fresh)
        {
            return cached.Days;
        }
        try
        {
            var answer = await catalog.GetCalendarYearAsync(new GetCalendarYearRequest { Year = year }, cancellationToken: cancellationToken);
            var days = new CalendarYearDays(year, [.. answer.Holidays.Select(Day)], [.. answer.AdjustedWorkdays.Select(Day)]);
            years[year] = (days, now);
            return days;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            years[year] = (null, now);
            return null;
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var fallback = cached.ReadAt != default ? cached.Days : WorkingCalendar.ShippedYears.FirstOrDefault(y => y.Year == year);
            logger.LogWarning(ex, "The catalog did not give the {Year} calendar; the clock counts on the {Source}", year,
                cached.ReadAt != default ? "copy read at " + cached.ReadAt.ToString("u") : "calendar shipped with the hall");
            return fallback;
        }
    }

    static DateOnly Day(string text) =>
        WorkingCalendar.TryParse(text, out var day) ? day : throw new RpcException(new Status(StatusCode.Unavailable, $"目录服务返回的工作日历日期“{text}”无法识别"));
}
