namespace ServiceHall.Credit.Tests;

/// <summary>The minimum publicity before credit repair as configuration (docs/domain.md §8).</summary>
public sealed class PublicityRulesTests
{
    const string Basis = "《中华人民共和国食品安全法》第一百二十四条";

    [Fact]
    public void An_ordinary_penalty_has_the_general_minimum()
    {
        var rules = new PublicityPeriod();
        Assert.Equal(3, rules.MinimumMonthsFor("罚款", "经营超过保质期的食品", "销售过期食品。", Basis));
        Assert.Equal(new DateOnly(2026, 5, 28), rules.RepairableFrom(new DateOnly(2026, 2, 28), 3));
        // A month without that day ends the period on its last day.
        Assert.Equal(new DateOnly(2027, 2, 28), rules.RepairableFrom(new DateOnly(2026, 11, 30), 3));
    }

    [Theory]
    [InlineData("未对电梯进行定期检验", "《中华人民共和国特种设备安全法》第八十四条")]
    [InlineData("未落实安全生产责任制", "《中华人民共和国安全生产法》第九十四条")]
    [InlineData("占用疏散通道", "《中华人民共和国消防法》第六十条")]
    public void Special_equipment_work_safety_and_fire_safety_take_at_least_a_year(string violation, string basis) =>
        Assert.Equal(12, new PublicityPeriod().MinimumMonthsFor("罚款", violation, "", basis));

    [Fact]
    public void A_decision_combining_several_types_takes_the_longest()
    {
        var rules = new PublicityPeriod { TypeMinimumMonths = new() { ["吊销许可证件"] = 24, ["没收违法所得"] = 6 } };
        Assert.Equal(6, rules.MinimumMonthsFor("罚款；没收违法所得", "经营超过保质期的食品", "", Basis));
        Assert.Equal(24, rules.MinimumMonthsFor("罚款、吊销许可证件、没收违法所得", "经营超过保质期的食品", "", Basis));
        // A type's minimum and a domain's: the longer one.
        Assert.Equal(24, rules.MinimumMonthsFor("吊销许可证件", "占用疏散通道", "", "《中华人民共和国消防法》第六十条"));
    }

    [Fact]
    public void Configured_domains_replace_the_default_ones_and_no_minimum_passes_the_maximum()
    {
        var rules = new PublicityPeriod
        {
            MaximumMonths = 18,
            Domains = [new PublicityDomain { Name = "食品安全", Words = ["食品安全法"], MinimumMonths = 30 }],
        };
        Assert.Equal(18, rules.MinimumMonthsFor("罚款", "经营超过保质期的食品", "", Basis));
        Assert.Equal(3, rules.MinimumMonthsFor("罚款", "占用疏散通道", "", "《中华人民共和国消防法》第六十条"));
    }
}
