using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Localization;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Portal;

/// <summary>Dates as people read them (2026年12月2日（星期三）), from the resources so another language words them its own way.</summary>
public static class PortalDates
{
    /// <summary>The long form with the weekday, as a deadline is announced.</summary>
    public static string Long(IStringLocalizer text, DateOnly date) =>
        text["DateLong", date.Year, date.Month, date.Day, Weekday(text, date.DayOfWeek)];

    /// <summary>The county's calendar day of a moment (China Standard Time).</summary>
    public static DateOnly Day(Timestamp at) => CountyClock.Today(at.ToDateTime());

    /// <summary>A moment as the county reads it: the long day and the hour and minute, China Standard Time.</summary>
    public static string Moment(IStringLocalizer text, Timestamp at)
    {
        var county = at.ToDateTime().AddHours(8);
        return text["MomentLong", Long(text, DateOnly.FromDateTime(county)), county.ToString("HH:mm", CultureInfo.InvariantCulture)];
    }

    /// <summary>For the datetime attribute of &lt;time&gt; of a moment: UTC, as machines read it.</summary>
    public static string Iso(Timestamp at) => at.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>For the datetime attribute of &lt;time&gt;: machines read this one.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A YYYY-MM-DD text from a service, or null when it is not one.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    static string Weekday(IStringLocalizer text, DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => text["WeekdayMonday"],
        DayOfWeek.Tuesday => text["WeekdayTuesday"],
        DayOfWeek.Wednesday => text["WeekdayWednesday"],
        DayOfWeek.Thursday => text["WeekdayThursday"],
        DayOfWeek.Friday => text["WeekdayFriday"],
        DayOfWeek.Saturday => text["WeekdaySaturday"],
        _ => text["WeekdaySunday"],
    };
}
