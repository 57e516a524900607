using System.Globalization;
using System.Text.Json;

namespace ServiceHall.Domain;

/// <summary>One year of the calendar: its public holidays and its adjusted weekend working days (调休上班).</summary>
public sealed record CalendarYearDays(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> AdjustedWorkdays);

/// <summary>
/// The working-day calendar (工作日) that statutory and promised time limits count in: weekends and public
/// holidays off, adjusted weekend working days (调休上班) on. The calendar is data (docs/domain.md §3): the catalog
/// keeps the county's copy, which an administrator sets year by year, seeded from the years shipped in
/// working-days.json. A year it does not list counts Monday to Friday only, and <see cref="Covers"/> says so.
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

    public static WorkingCalendar From(IEnumerable<CalendarYearDays> years)
    {
        var list = years.ToList();
        return new WorkingCalendar(list.SelectMany(y => y.Holidays), list.SelectMany(y => y.AdjustedWorkdays), list.Select(y => y.Year));
    }

    /// <summary>The years shipped with the hall (working-days.json, embedded): the seed of the county's calendar.</summary>
    public static IReadOnlyList<CalendarYearDays> ShippedYears { get; } = Load();

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

    /// <summary>A date as the calendar writes it everywhere (JSON, the database, the API): YYYY-MM-DD.</summary>
    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    static List<CalendarYearDays> Load()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream("ServiceHall.Domain.working-days.json")
            ?? throw new InvalidOperationException("working-days.json is not embedded in ServiceHall.Domain");
        using var json = JsonDocument.Parse(stream);
        return [.. json.RootElement.GetProperty("years").EnumerateObject().Select(year => new CalendarYearDays(
            int.Parse(year.Name, CultureInfo.InvariantCulture),
            [.. year.Value.GetProperty("holidays").EnumerateArray().Select(Day)],
            [.. year.Value.GetProperty("workdays").EnumerateArray().Select(Day)]))];
    }

    static DateOnly Day(JsonElement e) => DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
