using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ServiceHall.Catalog.Calendar;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog;

/// <summary>
/// The county's working-day calendar (docs/domain.md §3): anyone reads a year; an administrator sets a year's
/// holidays and adjusted working days when the State Council's notice appears, without a release. Deadlines
/// already given out are stored dates and keep them.
/// </summary>
public sealed class CalendarService(CatalogDb db, CountyCalendar calendar, TimeProvider clock) : V1.CalendarService.CalendarServiceBase
{
    public override async Task<CalendarYear> GetCalendarYear(GetCalendarYearRequest request, ServerCallContext context)
    {
        CalendarRules.YearProblems(request.Year).ThrowIfAny();
        var record = await db.CalendarYears.FindAsync([request.Year], context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound,
                $"{request.Year}年工作日历未设置：该年期限按周一至周五计算，不计节假日和调休"));
        return record.ToMessage();
    }

    [Authorize(Roles = HallRoles.Administrator)]
    public override async Task<CalendarYear> SetCalendarYear(SetCalendarYearRequest request, ServerCallContext context)
    {
        var days = CalendarRules.Check(request);
        var holidays = CalendarYearRecord.Join(days.Holidays);
        var workdays = CalendarYearRecord.Join(days.AdjustedWorkdays);
        var record = await db.CalendarYears.FindAsync([request.Year], context.CancellationToken);
        var before = record?.ToDays();
        if (record is null)
        {
            record = new CalendarYearRecord { Year = request.Year, SetBy = "" };
            db.CalendarYears.Add(record);
        }
        else if (record.Holidays == holidays && record.AdjustedWorkdays == workdays && record.Basis == request.Basis.Trim())
        {
            // The same year again (a retried request): nothing changes, no version is spent.
            return record.ToMessage();
        }
        record.Holidays = holidays;
        record.AdjustedWorkdays = workdays;
        record.Basis = request.Basis.Trim();
        record.SetBy = context.User().Subject() is { Length: > 0 } subject ? subject : context.User().Describe();
        record.SetAt = clock.StoredUtcNow();
        record.Version++;
        await db.SaveOrRefuseAsync(new RpcException(new Status(StatusCode.Aborted,
            $"{request.Year}年工作日历同时被他人设置；请重新读取后再试")), context.CancellationToken);
        calendar.Changed();
        // The row is replaced, so the audit record keeps what changed (docs/architecture.md §7).
        AuditedCalls.Describe(context, Changes(before, days));
        return record.ToMessage();
    }

    static string Changes(CalendarYearDays? before, CalendarYearDays after)
    {
        if (before is null)
        {
            return $"new year: holidays {List(after.Holidays)}; adjusted workdays {List(after.AdjustedWorkdays)}";
        }
        return $"holidays {Diff(before.Holidays, after.Holidays)}; adjusted workdays {Diff(before.AdjustedWorkdays, after.AdjustedWorkdays)}";
    }

    static string Diff(IReadOnlyList<DateOnly> before, IReadOnlyList<DateOnly> after)
    {
        var changes = after.Except(before).Select(d => "+" + WorkingCalendar.Format(d))
            .Concat(before.Except(after).Select(d => "-" + WorkingCalendar.Format(d))).ToList();
        return changes.Count == 0 ? "unchanged" : string.Join(' ', changes);
    }

    static string List(IReadOnlyList<DateOnly> days) => days.Count == 0 ? "none" : string.Join(' ', days.Select(WorkingCalendar.Format));
}
