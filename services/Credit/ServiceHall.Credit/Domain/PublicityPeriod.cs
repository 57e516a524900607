using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

/// <summary>
/// How long a penalty stays in public view (公示期), counted from its decision date. The rules have changed over
/// the years, so the maximum is configuration (Credit:PenaltyPublicity:MaximumMonths); one set in use is 3 years.
/// After it the record is kept but no longer shown.
/// </summary>
public sealed class PublicityPeriod
{
    public const string Section = "Credit:PenaltyPublicity";
    public const int DefaultMaximumMonths = 36;

    public int MaximumMonths { get; set; } = DefaultMaximumMonths;

    /// <summary>The publicity end date when the deciding body states none: the longest period the rules allow.</summary>
    public DateOnly DefaultUntil(DateOnly decisionDate) => decisionDate.AddMonths(MaximumMonths);

    /// <summary>Decision and publicity dates are calendar dates in China (UTC+8 all year, no daylight saving).</summary>
    public static DateOnly Today(TimeProvider clock) =>
        CountyClock.Today(clock.GetUtcNow().UtcDateTime);
}
