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

    public const int DefaultMinimumMonths = 3;

    /// <summary>The shortest publicity before the entity may apply for credit repair (信用修复), unless longer below.</summary>
    public int MinimumMonths { get; set; } = DefaultMinimumMonths;

    /// <summary>
    /// Domains whose penalties stay public longer before repair (Credit:PenaltyPublicity:Domains): a domain applies
    /// when one of its words is in the penalty's 违法行为类型, 违法事实 or 处罚依据 (the law it cites). Null: the set in
    /// use (<see cref="DefaultDomains"/>); configuring any replaces them all.
    /// </summary>
    public PublicityDomain[]? Domains { get; set; }

    /// <summary>特种设备, 安全生产 and 消防: at least one year (docs/domain.md §8).</summary>
    public static readonly PublicityDomain[] DefaultDomains =
    [
        new() { Name = "特种设备", Words = ["特种设备"], MinimumMonths = 12 },
        new() { Name = "安全生产", Words = ["安全生产"], MinimumMonths = 12 },
        new() { Name = "消防", Words = ["消防"], MinimumMonths = 12 },
    ];

    /// <summary>
    /// Penalty types (处罚类别) with a longer minimum of their own (Credit:PenaltyPublicity:TypeMinimumMonths, e.g.
    /// 吊销许可证件 = 12); none by default.
    /// </summary>
    public Dictionary<string, int> TypeMinimumMonths { get; set; } = [];

    /// <summary>
    /// The minimum publicity of a penalty, in months: the longest of the general minimum, each of its types' (a
    /// decision combining several types takes the longest) and each domain it falls in.
    /// </summary>
    public int MinimumMonthsFor(string category, string violationType, string facts, string basis)
    {
        var months = MinimumMonths;
        foreach (var type in DecisionCategories.SplitPenalty(category))
        {
            if (TypeMinimumMonths.TryGetValue(type, out var typeMonths))
            {
                months = Math.Max(months, typeMonths);
            }
        }
        var text = string.Concat(violationType, "\n", facts, "\n", basis);
        foreach (var domain in Domains ?? DefaultDomains)
        {
            if (domain.Words.Any(w => w.Length > 0 && text.Contains(w, StringComparison.Ordinal)))
            {
                months = Math.Max(months, domain.MinimumMonths);
            }
        }
        return Math.Min(months, MaximumMonths);
    }

    /// <summary>The first day the entity may apply for credit repair of a penalty decided on <paramref name="decisionDate"/>.</summary>
    public DateOnly RepairableFrom(DateOnly decisionDate, int minimumMonths) => decisionDate.AddMonths(minimumMonths);

    /// <summary>The publicity end date when the deciding body states none: the longest period the rules allow.</summary>
    public DateOnly DefaultUntil(DateOnly decisionDate) => decisionDate.AddMonths(MaximumMonths);

    /// <summary>Decision and publicity dates are calendar dates in China (UTC+8 all year, no daylight saving).</summary>
    public static DateOnly Today(TimeProvider clock) =>
        CountyClock.Today(clock.GetUtcNow().UtcDateTime);
}

/// <summary>A domain with a longer minimum publicity (Credit:PenaltyPublicity:Domains:n).</summary>
public sealed class PublicityDomain
{
    public string Name { get; set; } = "";
    public string[] Words { get; set; } = [];
    public int MinimumMonths { get; set; }
}
