namespace ServiceHall.Domain;

/// <summary>The hall's calendar: the county's day is China Standard Time, UTC+8 all year (no daylight saving).</summary>
public static class CountyClock
{
    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(utcNow.AddHours(8));
}
