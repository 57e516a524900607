using Grpc.Core;
using ServiceHall.Catalog.V1;
using ServiceHall.Domain;

namespace ServiceHall.Applications.Tests;

/// <summary>The catalog's calendar as the applications service reads it: the years shipped with the hall, or others set here.</summary>
sealed class FakeCalendar : CalendarService.CalendarServiceClient
{
    readonly Dictionary<int, CalendarYearDays> years = WorkingCalendar.ShippedYears.ToDictionary(y => y.Year);

    public int Reads { get; private set; }

    public FakeCalendar Set(CalendarYearDays year)
    {
        years[year.Year] = year;
        return this;
    }

    public override AsyncUnaryCall<CalendarYear> GetCalendarYearAsync(GetCalendarYearRequest request, CallOptions options)
    {
        Reads++;
        var answer = years.TryGetValue(request.Year, out var year)
            ? Task.FromResult(new CalendarYear
            {
                Year = year.Year,
                Holidays = { year.Holidays.Select(WorkingCalendar.Format) },
                AdjustedWorkdays = { year.AdjustedWorkdays.Select(WorkingCalendar.Format) },
            })
            : Task.FromException<CalendarYear>(new RpcException(new Status(StatusCode.NotFound, $"{request.Year}年工作日历未设置")));
        return new(answer, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => new Metadata(), () => { });
    }
}
