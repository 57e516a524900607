using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ServiceHall.Search;

/// <summary>
/// What a person typed, cut into words by the same analyzer as the index and turned into a query we build
/// ourselves. User text never reaches a query parser, so nobody can name fields, wildcards or regexes.
/// </summary>
public sealed class UserQuery
{
    /// <summary>Two clauses per word (title, body) plus the phrase stay within 32 clauses.</summary>
    public const int MaxWords = 15;
    public const float TitleBoost = 3f;
    public const float PhraseBoost = 2f;

    UserQuery(IReadOnlyList<string> words) => Words = words;

    /// <summary>The words in the order typed, at most <see cref="MaxWords"/>; repeats kept, so the phrase stays whole.</summary>
    public IReadOnlyList<string> Words { get; }

    public IReadOnlySet<string> DistinctWords => Words.ToHashSet(StringComparer.Ordinal);

    public bool IsEmpty => Words.Count == 0;

    public static UserQuery Analyse(Analyzer analyzer, string text)
    {
        var words = new List<string>();
        using var tokens = analyzer.GetTokenStream(IndexFields.Title, text);
        var term = tokens.AddAttribute<ICharTermAttribute>();
        tokens.Reset();
        while (words.Count < MaxWords && tokens.IncrementToken())
        {
            words.Add(term.ToString());
        }
        tokens.End();
        return new UserQuery(words);
    }

    /// <summary>Any word may match title or body, a title match counts more, and the words in order in the title most.</summary>
    public Query ToLucene()
    {
        var query = new BooleanQuery();
        foreach (var word in DistinctWords)
        {
            query.Add(new TermQuery(new Term(IndexFields.Title, word)) { Boost = TitleBoost }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(IndexFields.Body, word)), Occur.SHOULD);
        }
        if (Words.Count > 1)
        {
            // Positions follow the analysed words; SmartCn drops punctuation, so "身份证 申领" still matches "身份证申领".
            var phrase = new PhraseQuery { Boost = PhraseBoost * TitleBoost };
            foreach (var word in Words)
            {
                phrase.Add(new Term(IndexFields.Title, word));
            }
            query.Add(phrase, Occur.SHOULD);
        }
        return query;
    }
}
