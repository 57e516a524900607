using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

/// <summary>GB 32100 codes with their embedded GB 11714 organisation code; examples computed by hand from docs/domain.md §7.</summary>
public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the worked example: Σ = 1640, organisation Σ = 139
    [InlineData(DemoCounty.Business)] // the demo entities of the county
    [InlineData(DemoCounty.SoleTrader)]
    [InlineData(DemoCounty.Machinery)]
    [InlineData("91530924MA600018XQ")] // organisation check 10 → 'X'
    [InlineData("91530924MA60000405")] // organisation check 11 → '0'
    [InlineData("91530924MA60003580")] // check 31 → '0'
    [InlineData("91530924MA6000235Y")] // check 30 → 'Y', the last character of the alphabet
    public void Valid_codes_pass(string code)
    {
        Assert.Null(CreditCode.Problem(code));
        Assert.True(CreditCode.IsValid(code));
    }

    [Fact]
    public void The_demo_countys_codes_are_valid_and_of_its_area()
    {
        string[] entities = [DemoCounty.Business, DemoCounty.SoleTrader, DemoCounty.Machinery,
            DemoCounty.HospitalCreditCode, DemoCounty.SchoolCreditCode, DemoCounty.WaterCompanyCreditCode];
        foreach (var code in DemoCounty.Departments.Select(d => d.Code).Concat(entities))
        {
            Assert.True(CreditCode.Problem(code) is null, $"{code}: {CreditCode.Problem(code)}");
            Assert.Equal(DemoCounty.Area, code[2..8]);
            // An all-digit code can also pass as a resident ID number, and would then be masked in every answer.
            Assert.False(PersonalNumbers.Found(code), $"{code} reads as a personal number");
        }
        // Departments and towns are registered by the establishment authority (1): 机关 11, 事业单位 12, 群团 13.
        Assert.All(DemoCounty.Departments, d => Assert.Matches("^1[123]", d.Code));
        Assert.Equal(DemoCounty.Departments.Count, DemoCounty.Departments.Select(d => d.Code).Distinct().Count());
        Assert.Equal(DemoCredit.MarketRegulation, DemoCounty.MarketRegulation);
    }

    [Theory]
    [InlineData("91350100m000100y43")]
    [InlineData(" 91350100M000100Y43\t")]
    public void Lower_case_and_surrounding_blanks_are_accepted_and_normalized(string input)
    {
        Assert.True(CreditCode.IsValid(input));
        Assert.Equal("91350100M000100Y43", CreditCode.Normalize(input));
    }

    [Fact]
    public void Check_characters_are_computed_as_the_standards_say()
    {
        Assert.Equal('3', CreditCode.CheckCharacter("91350100M000100Y4"));
        Assert.Equal('4', CreditCode.OrganisationCheckCharacter("M000100Y"));
        Assert.Equal('X', CreditCode.OrganisationCheckCharacter("MA200006"));
        Assert.Equal('0', CreditCode.OrganisationCheckCharacter("MA200000"));
        Assert.Equal('0', CreditCode.CheckCharacter("91530924MA6000358"));
    }

    [Theory]
    [InlineData("", "必填")]
    [InlineData("   ", "必填")]
    [InlineData("91350100M000100Y4", "应为18位，现为17位")]
    [InlineData("91350100M000100Y433", "应为18位，现为19位")]
    [InlineData("91350100-000100Y43", "第9位的“-”不能使用")]
    public void Empty_and_wrongly_sized_codes_are_refused(string input, string problem) =>
        Assert.StartsWith(problem, CreditCode.Problem(CreditCode.Normalize(input)));

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('Z')]
    public void Letters_left_out_of_the_alphabet_are_refused_by_name_and_position(char letter)
    {
        var code = "91350100" + letter + "000100Y43";

        var problem = CreditCode.Problem(code);

        Assert.Equal($"第9位的“{letter}”不能使用（统一社会信用代码只用数字0-9和字母ABCDEFGHJKLMNPQRTUWXY）", problem);
    }

    [Fact]
    public void Every_character_outside_the_alphabet_is_listed()
    {
        var problem = CreditCode.Problem("O1350100M000100YS3");

        Assert.StartsWith("第1位的“O”、第17位的“S”不能使用", problem);
    }

    [Fact]
    public void A_wrong_check_character_names_the_right_one()
    {
        Assert.Equal("校验码（第18位）应为“3”，不是“4”", CreditCode.Problem("91350100M000100Y44"));
        Assert.Equal("校验码（第18位）应为“3”，不是“0”", CreditCode.Problem("91350100M000100Y40"));
    }

    [Fact]
    public void A_wrong_organisation_check_character_is_reported_before_the_overall_check()
    {
        Assert.Equal("组织机构代码校验码（第17位）应为“4”，不是“5”", CreditCode.Problem("91350100M000100Y53"));
    }

    [Theory]
    [InlineData("91350100M000100Y43", 3)]  // a digit mistyped in the area code
    [InlineData("91350100M000100Y43", 12)] // a digit mistyped in the organisation code
    public void A_single_mistyped_character_is_caught(string valid, int position)
    {
        var chars = valid.ToCharArray();
        chars[position - 1] = chars[position - 1] == '1' ? '2' : '1';

        Assert.NotNull(CreditCode.Problem(new string(chars)));
    }

    [Fact]
    public void The_weights_are_powers_of_three_mod_31()
    {
        // docs/domain.md §7 lists them: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28. A code of a single 1 at
        // position i followed by zeros has Σ = weight(i), so its check character reveals the weight.
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        for (var i = 0; i < weights.Length; i++)
        {
            var first17 = new string('0', i) + "1" + new string('0', 16 - i);
            var expected = (31 - weights[i] % 31) % 31;
            Assert.Equal(CreditCode.Characters[expected], CreditCode.CheckCharacter(first17));
        }
    }

    [Fact]
    public void Check_functions_refuse_input_of_the_wrong_shape()
    {
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter("91350100M000100Y"));
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter("91350100M000100I4"));
        Assert.Throws<ArgumentException>(() => CreditCode.OrganisationCheckCharacter("M00010"));
    }
}
