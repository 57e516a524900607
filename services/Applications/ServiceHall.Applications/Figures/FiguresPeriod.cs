using System.Globalization;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications.Figures;

/// <summary>
/// The months a figures request covers, in county time: from_month to to_month inclusive, a year by default and at
/// most five (the public page's chart stays readable and one request stays cheap).
/// </summary>
public sealed record FiguresPeriod(DateOnly FirstDay, DateOnly LastDay)
{
    public const int MaxMonths = 60;
    const string MonthFormat = "yyyy-MM";

    public IEnumerable<DateOnly> Months()
    {
        for (var month = FirstDay; month <= LastDay; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    public static string Format(DateOnly month) => month.ToString(MonthFormat, CultureInfo.InvariantCulture);

    /// <summary>The period asked for, or every problem with it named by field.</summary>
    public static FiguresPeriod Parse(GetPublicFiguresRequest request, DateOnly today)
    {
        var errors = new FieldErrors(GetPublicFiguresRequest.Descriptor);
        var to = Month(errors, "to_month", request.ToMonth) ?? new DateOnly(today.Year, today.Month, 1);
        var from = Month(errors, "from_month", request.FromMonth) ?? to.AddMonths(-11);
        if (errors.Problems.Count == 0 && from > to)
        {
            errors.Add("from_month", $"{Format(from)} 晚于截止月份 {Format(to)}");
        }
        else if (errors.Problems.Count == 0 && (to.Year - from.Year) * 12 + to.Month - from.Month >= MaxMonths)
        {
            errors.Add("from_month", $"一次最多查询 {MaxMonths} 个月");
        }
        errors.ThrowIfAny();
        return new FiguresPeriod(from, to.AddMonths(1).AddDays(-1));
    }

    static DateOnly? Month(FieldErrors errors, string field, string text)
    {
        if (text.Trim().Length == 0)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }
        errors.Add(field, $"“{text.Trim()}” 不是 YYYY-MM 格式的月份（例如 2026-12）");
        return null;
    }
}
