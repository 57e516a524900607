using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ServiceHall.Search;

/// <summary>
/// The pinyin a title is found by: for every run of one to three adjacent words, the full syllables
/// ("shenfenzheng") and the initials ("sfz"). Runs, not single words, so a typed word still meets the title when
/// SmartCn cut the title differently (身份/证 or 身份证).
/// </summary>
public static class TitlePinyin
{
    public const int MaxRun = 3;

    public static IEnumerable<string> Tokens(Analyzer chinese, string title)
    {
        var words = Words(chinese, title).Where(w => w.Any(PinyinTable.IsHan)).ToList();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < words.Count; start++)
        {
            for (var length = 1; length <= MaxRun && start + length <= words.Count; length++)
            {
                var run = string.Concat(words.Skip(start).Take(length));
                if (PinyinTable.Default.Full(run) is { } full)
                {
                    tokens.Add(full);
                }
                if (PinyinTable.Default.Initials(run) is { Length: >= 2 } initials)
                {
                    tokens.Add(initials);
                }
            }
        }
        return tokens;
    }

    /// <summary>The words of a text as SmartCn cuts them, in order.</summary>
    public static List<string> Words(Analyzer chinese, string text)
    {
        var words = new List<string>();
        using var stream = chinese.GetTokenStream(IndexFields.Title, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }
        stream.End();
        return words;
    }
}
