using Google.Protobuf.WellKnownTypes;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog.Data;

/// <summary>
/// One year of the county's working-day calendar (docs/domain.md §3). The dates are kept as one comma-separated
/// list of YYYY-MM-DD per kind: a year is always read and written whole, and the text is the same on SQLite and
/// PostgreSQL.
/// </summary>
public sealed class CalendarYearRecord
{
    /// <summary><see cref="SetBy"/> of the years that came with the hall (working-days.json).</summary>
    public const string Shipped = "shipped";

    public int Year { get; init; }
    public string Holidays { get; set; } = "";
    public string AdjustedWorkdays { get; set; } = "";
    public string Basis { get; set; } = "";
    public required string SetBy { get; set; }
    public DateTime SetAt { get; set; }
    public long Version { get; set; }

    public CalendarYearDays ToDays() => new(Year, Parse(Holidays), Parse(AdjustedWorkdays));

    public static string Join(IEnumerable<DateOnly> days) => string.Join(',', days.Order().Select(WorkingCalendar.Format));

    static List<DateOnly> Parse(string days) =>
        [.. days.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => WorkingCalendar.TryParse(d, out var day) ? day
            : throw new InvalidOperationException($"calendar_years: '{d}' is not a YYYY-MM-DD date"))];

    public CalendarYear ToMessage()
    {
        var days = ToDays();
        var message = new CalendarYear { Year = Year, Basis = Basis, SetBy = SetBy, SetAt = Timestamp.FromDateTime(SetAt), Version = Version };
        message.Holidays.AddRange(days.Holidays.Select(WorkingCalendar.Format));
        message.AdjustedWorkdays.AddRange(days.AdjustedWorkdays.Select(WorkingCalendar.Format));
        return message;
    }
}
