using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog;

/// <summary>
/// What an administrator may set as a year of the working-day calendar (docs/domain.md §3). Every problem is
/// named by its field and position, in Chinese for the administrator who typed the dates.
/// </summary>
public static class CalendarRules
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const int MaxBasis = 200;

    public static FieldErrors YearProblems(int year) =>
        year is < FirstYear or > LastYear
            ? new FieldErrors(SetCalendarYearRequest.Descriptor).Add("year", $"{year} 不是{FirstYear}至{LastYear}年之间的年份")
            : new FieldErrors(SetCalendarYearRequest.Descriptor);

    /// <summary>The year's days when the request holds no problem; otherwise every problem at once.</summary>
    public static CalendarYearDays Check(SetCalendarYearRequest request)
    {
        var year = request.Year;
        // Without a valid year no date can be judged, so a bad year is refused on its own.
        YearProblems(year).ThrowIfAny();
        var errors = new FieldErrors(SetCalendarYearRequest.Descriptor);
        var holidays = Dates(errors, "holidays", request.Holidays, year);
        var workdays = Dates(errors, "adjusted_workdays", request.AdjustedWorkdays, year);
        if (request.Holidays.Count == 0)
        {
            // An empty year would silence the readiness warning while still counting the year Monday to Friday.
            errors.Add("holidays", $"至少列出一天节假日：{year}年的元旦、春节等放假日期");
        }
        foreach (var (day, i) in workdays)
        {
            if (holidays.ContainsKey(day))
            {
                errors.Add($"adjusted_workdays[{i}]", $"{WorkingCalendar.Format(day)} 同时列为节假日（节假日第{holidays[day] + 1}项）；一天不能既放假又调休上班");
            }
            else if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add($"adjusted_workdays[{i}]", $"{WorkingCalendar.Format(day)} 是{Weekday(day)}，本来就是工作日；调休上班日只能是星期六或星期日");
            }
        }
        errors.MaxLength("basis", request.Basis, MaxBasis).ThrowIfAny();
        return new CalendarYearDays(year, [.. holidays.Keys.Order()], [.. workdays.Keys.Order()]);
    }

    /// <summary>Each well-formed date of the year in the list, with its position; a problem for every other entry.</summary>
    static Dictionary<DateOnly, int> Dates(FieldErrors errors, string field, IList<string> texts, int year)
    {
        var days = new Dictionary<DateOnly, int>();
        if (texts.Count > 366)
        {
            errors.Add(field, $"列出了{texts.Count}天，一年最多366天");
            return days;
        }
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i].Trim();
            if (!WorkingCalendar.TryParse(text, out var day))
            {
                errors.Add($"{field}[{i}]", $"'{Shorten(text)}' 不是 YYYY-MM-DD 格式的日期（例如 {year}-01-01）");
            }
            else if (day.Year != year)
            {
                errors.Add($"{field}[{i}]", $"{text} 不在{year}年内；每年的日期分别录入");
            }
            else if (!days.TryAdd(day, i))
            {
                errors.Add($"{field}[{i}]", $"{text} 重复列出（与第{days[day] + 1}项相同）");
            }
        }
        return days;
    }

    static string Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Monday => "星期一",
        DayOfWeek.Tuesday => "星期二",
        DayOfWeek.Wednesday => "星期三",
        DayOfWeek.Thursday => "星期四",
        _ => "星期五",
    };

    static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
