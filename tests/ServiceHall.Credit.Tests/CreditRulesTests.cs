using ServiceHall.Credit.V1;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

public sealed class CreditRulesTests
{
    static readonly DateOnly Today = new(2026, 6, 15);
    static readonly PublicityPeriod ThreeYears = new();

    static PenaltyRecord Penalty() => new()
    {
        DecisionNumber = "县市监罚〔2026〕12号",
        Category = "罚款",
        Content = "罚款人民币2万元",
        FineAmountWan = "2",
        DecisionDate = "2026-03-10",
        Authority = "县市场监督管理局",
        AuthorityCode = DemoCounty.MarketRegulation,
    };

    [Fact]
    public void Publicity_defaults_to_the_maximum_period_of_three_years()
    {
        Assert.Equal(36, PublicityPeriod.DefaultMaximumMonths);
        var terms = CreditRules.CheckPenalty(new FieldErrors(AddPenaltyRequest.Descriptor), Penalty(), Today, ThreeYears);

        Assert.Equal(new PenaltyTerms(new DateOnly(2026, 3, 10), new DateOnly(2029, 3, 10), 2m, DemoCounty.MarketRegulation), terms);
    }

    [Fact]
    public void The_maximum_period_follows_configuration()
    {
        var terms = CreditRules.CheckPenalty(new FieldErrors(AddPenaltyRequest.Descriptor), Penalty(), Today, new PublicityPeriod { MaximumMonths = 12 });

        Assert.Equal(new DateOnly(2027, 3, 10), terms!.PublicityUntil);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("0", "0")]
    [InlineData("0.35", "0.35")]
    [InlineData("120.5", "120.5")]
    public void Fines_are_empty_or_plain_non_negative_decimals(string text, string? expected)
    {
        var penalty = Penalty();
        penalty.FineAmountWan = text;

        var terms = CreditRules.CheckPenalty(new FieldErrors(AddPenaltyRequest.Descriptor), penalty, Today, ThreeYears);

        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), terms!.FineAmountWan);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("2万")]
    [InlineData("1e3")]
    [InlineData("1,000")]
    [InlineData("abc")]
    public void Other_fines_are_refused(string text)
    {
        var penalty = Penalty();
        penalty.FineAmountWan = text;
        var errors = new FieldErrors(AddPenaltyRequest.Descriptor);

        Assert.Null(CreditRules.CheckPenalty(errors, penalty, Today, ThreeYears));
        Assert.StartsWith("罚款金额（万元）：", Assert.Single(errors.Problems));
    }

    [Theory]
    [InlineData("2026-06-16", "2026-06-16 晚于今天（2026-06-15）")]
    [InlineData("2026/03/10", "“2026/03/10”不是yyyy-MM-dd格式的日期")]
    [InlineData("2026-02-30", "“2026-02-30”不是yyyy-MM-dd格式的日期")]
    [InlineData("", "必填")]
    public void Decision_dates_must_be_real_and_not_after_today(string date, string problem)
    {
        var penalty = Penalty();
        penalty.DecisionDate = date;
        var errors = new FieldErrors(AddPenaltyRequest.Descriptor);

        Assert.Null(CreditRules.CheckPenalty(errors, penalty, Today, ThreeYears));
        Assert.Equal($"处罚决定日期：{problem}", Assert.Single(errors.Problems));
    }

    [Fact]
    public void A_decision_of_today_is_accepted()
    {
        var penalty = Penalty();
        penalty.DecisionDate = "2026-06-15";

        Assert.NotNull(CreditRules.CheckPenalty(new FieldErrors(AddPenaltyRequest.Descriptor), penalty, Today, ThreeYears));
    }

    [Theory]
    [InlineData("2026-03-09", "2026-03-09 早于处罚决定日期 2026-03-10")]
    [InlineData("2029-03-11", "2029-03-11 晚于最长公示期（36个月）的截止日 2029-03-10")]
    public void Publicity_ends_between_the_decision_and_the_maximum(string until, string problem)
    {
        var penalty = Penalty();
        penalty.PublicityUntil = until;
        var errors = new FieldErrors(AddPenaltyRequest.Descriptor);

        Assert.Null(CreditRules.CheckPenalty(errors, penalty, Today, ThreeYears));
        Assert.Equal($"公示截止期：{problem}", Assert.Single(errors.Problems));
    }

    [Fact]
    public void A_stated_publicity_end_is_kept()
    {
        var penalty = Penalty();
        penalty.PublicityUntil = "2026-06-10";

        Assert.Equal(new DateOnly(2026, 6, 10), CreditRules.CheckPenalty(new FieldErrors(AddPenaltyRequest.Descriptor), penalty, Today, ThreeYears)!.PublicityUntil);
    }

    [Fact]
    public void The_deciding_bodys_code_is_checked_and_normalized()
    {
        var penalty = Penalty();
        penalty.AuthorityCode = $" {DemoCounty.PublicSecurity.ToLowerInvariant()} ";
        Assert.Equal(DemoCounty.PublicSecurity, CreditRules.CheckPenalty(new FieldErrors(AddPenaltyRequest.Descriptor), penalty, Today, ThreeYears)!.AuthorityCode);

        penalty.AuthorityCode = "11530924015900298P";
        var errors = new FieldErrors(AddPenaltyRequest.Descriptor);
        Assert.Null(CreditRules.CheckPenalty(errors, penalty, Today, ThreeYears));
        Assert.Equal("处罚机关统一社会信用代码：校验码（第18位）应为“N”，不是“P”", Assert.Single(errors.Problems));
    }

    [Fact]
    public void Every_missing_field_is_named()
    {
        var errors = new FieldErrors(AddPenaltyRequest.Descriptor);

        CreditRules.CheckPenalty(errors, new PenaltyRecord(), Today, ThreeYears);

        Assert.Equal(
            ["行政处罚决定书文号：必填", "处罚类别：必填", "处罚内容：必填", "处罚机关：必填", "处罚机关统一社会信用代码：必填", "处罚决定日期：必填"],
            errors.Problems);
    }

    [Fact]
    public void China_date_is_eight_hours_ahead_of_utc()
    {
        var lateUtcEvening = new FixedClock(new DateTimeOffset(2026, 6, 15, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 6, 16), PublicityPeriod.Today(lateUtcEvening));
    }

    [Theory]
    [InlineData("91350100M000100Y43", "", "法人及非法人组织", null)]
    [InlineData("91350100M000100Y44", "某公司", "法人及非法人组织", "统一社会信用代码：校验码（第18位）应为“3”，不是“4”")]
    public void Registrations_need_a_valid_code_a_name_and_a_category(string code, string name, string category, string? codeProblem)
    {
        var errors = CreditRules.CheckRegistration(new RegisterEntityRequest { Code = code, Name = name, EntityCategory = category }, out var normalized);

        Assert.Equal(code, normalized);
        Assert.Equal(codeProblem is null ? new[] { "主体名称：必填" } : [codeProblem], errors.Problems);
    }

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
