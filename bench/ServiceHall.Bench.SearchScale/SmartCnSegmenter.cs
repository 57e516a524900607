using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ServiceHall.Bench.SearchScale;

/// <summary>A word as SmartCn cut it; a position step above 1 means a dropped stop word (punctuation) came before it.</summary>
readonly record struct Word(string Text, int PositionStep);

/// <summary>
/// SmartCn, the analyzer the search service indexes with, used outside Lucene: to cut documents into the
/// words PostgreSQL gets and to draw the benchmark's queries from the indexed vocabulary.
/// Safe to share between threads (the analyzer keeps one token stream per thread).
/// </summary>
sealed class SmartCnSegmenter : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public Analyzer Analyzer { get; } = new SmartChineseAnalyzer(Version);

    public List<Word> Words(string text)
    {
        var words = new List<Word>();
        using var tokens = Analyzer.GetTokenStream("body", text);
        var term = tokens.AddAttribute<ICharTermAttribute>();
        var step = tokens.AddAttribute<IPositionIncrementAttribute>();
        tokens.Reset();
        while (tokens.IncrementToken())
        {
            words.Add(new Word(term.ToString(), step.PositionIncrement));
        }
        tokens.End();
        return words;
    }

    /// <summary>The words joined by spaces, which PostgreSQL's 'simple' configuration takes back apart unchanged.</summary>
    public string Joined(string text) => string.Join(' ', Words(text).Select(w => w.Text));

    public void Dispose() => Analyzer.Dispose();
}
