namespace ServiceHall.Applications.Ratings;

/// <summary>
/// How long a department has to rectify and call back after a bad rating: Applications:Ratings:FollowUpDays working
/// days (default 5), counted from the day after the rating on the county calendar the cases' clocks use.
/// </summary>
public sealed class FollowUpDeadline(IConfiguration configuration)
{
    public const int DefaultDays = 5;

    public int Days => Math.Max(1, configuration.GetValue("Applications:Ratings:FollowUpDays", DefaultDays));

    public DateOnly DueOn(WorkingCalendar calendar, DateOnly ratedOn) => calendar.AddWorkingDays(ratedOn, Days);
}
