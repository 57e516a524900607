using System.Globalization;
using System.Text.Json;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// The working-day calendar (工作日) that statutory and promised time limits count in: weekends and public
/// holidays off, adjusted weekend working days (调休上班) on. The calendar is data, edited yearly in
/// working-days.json; a year it does not list counts Monday to Friday only, and <see cref="Covers"/> says so.
/// </summary>
public sealed class WorkingCalendar
{
    readonly HashSet<DateOnly> holidays;
    readonly HashSet<DateOnly> workdays;
    readonly HashSet<int> years;

    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays, IEnumerable<int> years)
    {
        this.holidays = [.. holidays];
        this.workdays = [.. workdays];
        this.years = [.. years];
    }

    /// <summary>The calendar shipped with the hall (working-days.json, embedded).</summary>
    public static WorkingCalendar China { get; } = Load();

    public bool Covers(int year) => years.Contains(year);

    public bool IsWorkingDay(DateOnly day) =>
        workdays.Contains(day) || (!holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>
    /// The last day of a limit of <paramref name="workingDays"/> counted from <paramref name="start"/>: the start
    /// day itself is not counted (a question asked on Friday with 3 working days is due on Wednesday).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }
        return day;
    }

    static WorkingCalendar Load()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream("ServiceHall.ServiceDefaults.working-days.json")
            ?? throw new InvalidOperationException("working-days.json is not embedded in ServiceHall.ServiceDefaults");
        using var json = JsonDocument.Parse(stream);
        List<DateOnly> holidays = [], workdays = [];
        List<int> years = [];
        foreach (var year in json.RootElement.GetProperty("years").EnumerateObject())
        {
            years.Add(int.Parse(year.Name, CultureInfo.InvariantCulture));
            holidays.AddRange(year.Value.GetProperty("holidays").EnumerateArray().Select(Day));
            workdays.AddRange(year.Value.GetProperty("workdays").EnumerateArray().Select(Day));
        }
        return new WorkingCalendar(holidays, workdays, years);
    }

    static DateOnly Day(JsonElement e) => DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
