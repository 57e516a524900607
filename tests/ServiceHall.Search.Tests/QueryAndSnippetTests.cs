using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ServiceHall.Search.Tests;

/// <summary>How typed text becomes a bounded query, and how a hit's snippet is cut, without a host.</summary>
public sealed class QueryAndSnippetTests : IDisposable
{
    readonly SmartChineseAnalyzer analyzer = new(LuceneVersion.LUCENE_48);

    public void Dispose() => analyzer.Dispose();

    [Fact]
    public void Chinese_text_is_cut_into_words_and_punctuation_dropped()
    {
        var query = UserQuery.Analyse(analyzer, "居民身份证，办理！");

        Assert.Equal(["居民", "身份证", "办理"], query.Words);
    }

    [Fact]
    public void Query_syntax_is_only_text()
    {
        // To a query parser these would be a field, a wildcard and a regex; here they are just words, or nothing.
        var query = UserQuery.Analyse(analyzer, "title:* /.*/ body:a~");

        var lucene = (BooleanQuery)query.ToLucene();
        Assert.All(lucene.Clauses, c => Assert.True(c.Query is TermQuery or PhraseQuery or FuzzyQuery, c.Query.GetType().Name));
        // The only fuzzy matching is ours: one edit, on the pinyin field.
        Assert.All(lucene.Clauses.Select(c => c.Query).OfType<FuzzyQuery>(), f => Assert.Equal(("pinyin", 1), (f.Term.Field, f.MaxEdits)));
        Assert.DoesNotContain(query.Words, w => w.Contains('*') || w.Contains(':'));
    }

    [Fact]
    public void Clauses_stay_bounded_however_long_the_text()
    {
        var text = string.Join(" ", Enumerable.Range(0, 60).Select(i => $"q{(char)('a' + i % 26)}{(char)('a' + i / 26)}z"))
            + string.Concat(Enumerable.Repeat("居民身份证户口营业执照", 10));

        var query = UserQuery.Analyse(analyzer, text);
        var lucene = (BooleanQuery)query.ToLucene();

        Assert.Equal(UserQuery.MaxWords, query.Words.Count);
        // Words × 3 fields, one phrase, synonyms, pinyin (with one fuzzy each): far below Lucene's 1024.
        var bound = UserQuery.MaxWords * 3 + 1 + UserQuery.MaxAlternatives + 2 * 2 * UserQuery.MaxWords;
        Assert.InRange(lucene.Clauses.Count, 1, bound);
    }

    [Fact]
    public void One_word_is_looked_for_in_title_alias_body_and_by_its_sound()
    {
        var lucene = (BooleanQuery)UserQuery.Analyse(analyzer, "身份证").ToLucene();

        Assert.Contains(lucene.Clauses, c => c.Query is TermQuery { Term.Field: "title", Boost: UserQuery.TitleBoost });
        Assert.Contains(lucene.Clauses, c => c.Query is TermQuery { Term.Field: "alias" });
        Assert.Contains(lucene.Clauses, c => c.Query is TermQuery { Term.Field: "body" });
        Assert.Contains(lucene.Clauses, c => c.Query is TermQuery { Term.Field: "pinyin" } t && t.Term.Text == "shenfenzheng");
        // The only phrases are synonyms (居民身份证), never the one typed word.
        Assert.All(lucene.Clauses.Select(c => c.Query).OfType<PhraseQuery>(), p => Assert.Equal(UserQuery.SynonymBoost * UserQuery.TitleBoost, p.Boost));
    }

    [Fact]
    public void A_short_body_is_the_snippet_with_whitespace_collapsed()
    {
        Assert.Equal("县公安局 行政确认", Snippet.From(analyzer, "县公安局\n\n行政确认  ", new HashSet<string> { "户口" }));
    }

    [Fact]
    public void A_long_body_is_cut_around_the_first_match()
    {
        var body = new string('甲', 200) + "身份证" + new string('乙', 200);

        var snippet = Snippet.From(analyzer, body, new HashSet<string> { "身份证" });

        Assert.Contains("身份证", snippet);
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Equal(Snippet.Width + 2, snippet.Length);
    }

    [Fact]
    public void Without_a_match_the_snippet_is_the_start_of_the_body()
    {
        var body = "开头" + new string('丙', 200);

        var snippet = Snippet.From(analyzer, body, new HashSet<string> { "身份证" });

        Assert.StartsWith("开头", snippet);
        Assert.Equal(Snippet.Width + 1, snippet.Length);
    }

    [Fact]
    public void A_match_near_the_end_still_fills_the_window()
    {
        var body = new string('丁', 200) + "户口";

        var snippet = Snippet.From(analyzer, body, new HashSet<string> { "户口" });

        Assert.EndsWith("户口", snippet);
        Assert.Equal(Snippet.Width + 1, snippet.Length);
    }
}
