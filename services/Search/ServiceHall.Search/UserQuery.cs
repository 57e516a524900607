using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ServiceHall.Search;

/// <summary>
/// What a person typed, cut into words by the same analyzer as the index and turned into a query we build
/// ourselves. User text never reaches a query parser, so nobody can name fields, wildcards or regexes.
/// Besides the words: their synonyms (户口 → 户籍), their pinyin (so homophone typos like 身分证 still meet
/// 身份证) and, for letters typed, pinyin and initials (shenfenzheng, sfz), with one typo allowed.
/// </summary>
public sealed class UserQuery
{
    /// <summary>Words analysed from the text; with synonyms and pinyin the query stays well under Lucene's 1024 clauses.</summary>
    public const int MaxWords = 15;
    public const int MaxAlternatives = 8;
    public const float TitleBoost = 3f;
    public const float AliasBoost = 2f;
    public const float PhraseBoost = 2f;
    public const float SynonymBoost = 1.5f;
    public const float PinyinBoost = 2.5f;

    UserQuery(string text, IReadOnlyList<string> words, IReadOnlyList<IReadOnlyList<string>> alternatives, IReadOnlyList<string> pinyin)
    {
        Text = text;
        Words = words;
        Alternatives = alternatives;
        Pinyin = pinyin;
    }

    public string Text { get; }

    /// <summary>The words in the order typed, at most <see cref="MaxWords"/>; repeats kept, so the phrase stays whole.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Synonym phrases, each as its words.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Alternatives { get; }

    /// <summary>Pinyin tokens to look for in the titles' pinyin field.</summary>
    public IReadOnlyList<string> Pinyin { get; }

    public IReadOnlySet<string> DistinctWords => Words.ToHashSet(StringComparer.Ordinal);

    /// <summary>Words a snippet marks: what was typed and the synonyms it brought.</summary>
    public IReadOnlySet<string> MarkedWords => Words.Concat(Alternatives.SelectMany(a => a)).ToHashSet(StringComparer.Ordinal);

    public bool IsEmpty => Words.Count == 0;

    public static UserQuery Analyse(Analyzer chinese, string text)
    {
        var words = TitlePinyin.Words(chinese, text).Take(MaxWords).ToList();
        var alternatives = Synonyms.Default.AlternativesFor(text).Take(MaxAlternatives)
            .Select(a => (IReadOnlyList<string>)TitlePinyin.Words(chinese, a).Take(MaxWords).ToList())
            .Where(a => a.Count > 0).ToList();
        return new UserQuery(text, words, alternatives, PinyinTokens(words));
    }

    /// <summary>
    /// Letters are taken as pinyin: each word, and all letter words run together ("shen fen zheng"). Han words are
    /// turned into pinyin over runs of up to three words, so a mistyped character with the right sound still matches.
    /// </summary>
    static List<string> PinyinTokens(List<string> words)
    {
        var tokens = new List<string>();
        var letters = words.Where(w => w.All(char.IsAsciiLetter)).Select(w => w.ToLowerInvariant()).ToList();
        tokens.AddRange(letters.Where(w => w.Length >= 2));
        if (letters.Count > 1)
        {
            tokens.Add(string.Concat(letters));
        }
        var han = words.Where(w => w.Any(PinyinTable.IsHan)).ToList();
        for (var start = 0; start < han.Count; start++)
        {
            for (var length = 1; length <= TitlePinyin.MaxRun && start + length <= han.Count; length++)
            {
                if (PinyinTable.Default.Full(string.Concat(han.Skip(start).Take(length))) is { } full)
                {
                    tokens.Add(full);
                }
            }
        }
        return tokens.Distinct(StringComparer.Ordinal).Take(2 * MaxWords).ToList();
    }

    public Query ToLucene()
    {
        var query = new BooleanQuery();
        foreach (var word in DistinctWords)
        {
            query.Add(new TermQuery(new Term(IndexFields.Title, word)) { Boost = TitleBoost }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(IndexFields.Alias, word)) { Boost = AliasBoost }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(IndexFields.Body, word)), Occur.SHOULD);
        }
        if (Words.Count > 1)
        {
            // Positions follow the analysed words; SmartCn drops punctuation, so "身份证 申领" still matches "身份证申领".
            query.Add(Phrase(Words, PhraseBoost * TitleBoost), Occur.SHOULD);
        }
        foreach (var alternative in Alternatives)
        {
            query.Add(alternative.Count == 1
                ? new TermQuery(new Term(IndexFields.Title, alternative[0])) { Boost = SynonymBoost * TitleBoost }
                : Phrase(alternative, SynonymBoost * TitleBoost), Occur.SHOULD);
        }
        foreach (var token in Pinyin)
        {
            query.Add(new TermQuery(new Term(IndexFields.Pinyin, token)) { Boost = PinyinBoost }, Occur.SHOULD);
            if (token.Length >= 5 && token.All(char.IsAsciiLetter))
            {
                // One slip of the finger in typed pinyin ("shenfenzhen") still finds the title, below an exact match.
                query.Add(new FuzzyQuery(new Term(IndexFields.Pinyin, token), maxEdits: 1, prefixLength: 1, maxExpansions: 10, transpositions: true), Occur.SHOULD);
            }
        }
        return query;
    }

    static PhraseQuery Phrase(IEnumerable<string> words, float boost)
    {
        var phrase = new PhraseQuery { Boost = boost };
        foreach (var word in words)
        {
            phrase.Add(new Term(IndexFields.Title, word));
        }
        return phrase;
    }
}
