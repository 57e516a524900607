using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Util;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Search.Tests;

/// <summary>The analysis chain piece by piece: pinyin table, title pinyin, synonyms, query pinyin, personal numbers.</summary>
public sealed class AnalysisChainTests : IDisposable
{
    readonly SmartChineseAnalyzer analyzer = new(LuceneVersion.LUCENE_48);

    public void Dispose() => analyzer.Dispose();

    [Theory]
    [InlineData("身份证", "shenfenzheng", "sfz")]
    [InlineData("户籍", "huji", "hj")]
    [InlineData("营业执照", "yingyezhizhao", "yyzz")]
    [InlineData("绿色", "lvse", "ls")]
    [InlineData("公积金A1", "gongjijina1", "gjja1")]
    public void The_pinyin_table_gives_syllables_and_initials(string text, string full, string initials)
    {
        Assert.True(PinyinTable.Default.Count >= 6763);
        Assert.Equal(full, PinyinTable.Default.Full(text));
        Assert.Equal(initials, PinyinTable.Default.Initials(text));
    }

    [Fact]
    public void A_title_is_found_by_the_pinyin_of_its_words_and_word_runs()
    {
        var tokens = TitlePinyin.Tokens(analyzer, "居民身份证申领").ToHashSet();

        Assert.Superset(new HashSet<string> { "shenfenzheng", "sfz", "jumin", "juminshenfenzheng", "jmsfz", "shenfenzhengshenling" }, tokens);
    }

    [Fact]
    public void Synonyms_work_both_ways_and_colloquial_words_lead_to_formal_ones()
    {
        Assert.Contains("户籍", Synonyms.Default.AliasesOf("户口迁入"));
        Assert.Contains("户口", Synonyms.Default.AliasesOf("户籍档案"));
        Assert.Contains("食品经营许可", Synonyms.Default.AlternativesFor("我想开饭店"));
        // One way only: a formal title does not gain the colloquial word.
        Assert.DoesNotContain("开饭店", Synonyms.Default.AliasesOf("食品经营许可"));
    }

    [Theory]
    [InlineData("sfz", "sfz")]
    [InlineData("shenfenzheng", "shenfenzheng")]
    [InlineData("shen fen zheng", "shenfenzheng")]
    [InlineData("身分证", "shenfenzheng")] // the homophone typo sounds like the right word
    public void Typed_letters_and_mistyped_characters_are_looked_for_by_sound(string typed, string token)
    {
        Assert.Contains(token, UserQuery.Analyse(analyzer, typed).Pinyin);
    }

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("我的身份证号是11010519491231002x", true)]
    [InlineData("110105194912310021", false)] // wrong check character: not an ID number
    [InlineData("330781000012345", false)]    // a 15-digit registration number is searched
    [InlineData("91350100M000100Y43", false)]
    public void Resident_ID_numbers_are_recognised_by_their_check_character(string text, bool found) =>
        Assert.Equal(found, PersonalNumbers.ContainsResidentId(text));

    [Theory]
    [InlineData("联系电话13800138000，谢谢", true)]
    [InlineData("Tel:13800138000", true)]
    [InlineData("id a10b5629138001380001b84ad", false)]   // eleven digits inside a hexadecimal id are not a phone
    [InlineData("0883-6310000", false)]
    [InlineData("12345", false)]
    public void Mobile_numbers_are_recognised_only_standing_alone(string text, bool found) =>
        Assert.Equal(found, PersonalNumbers.ContainsMobile(text));

    [Fact]
    public void Masking_keeps_the_first_three_and_last_four_and_leaves_ids_alone()
    {
        Assert.Equal("身份证110***********002X，电话138****8000，事项 a10b5629138001380001b84ad",
            PersonalNumbers.MaskAll("身份证11010519491231002X，电话13800138000，事项 a10b5629138001380001b84ad"));
    }
}
