using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ServiceHall.Search;

/// <summary>
/// A plain-text window of a hit's body around the first word that matched, so a reader sees why it was found.
/// Plain text on purpose: no markup to escape, and the portal decides how to show it.
/// </summary>
public static class Snippet
{
    public const int Width = 80;
    /// <summary>Words this far in are not looked for; the start of the body is shown instead.</summary>
    const int ScanLimit = 4000;

    public static string From(Analyzer analyzer, string body, IReadOnlySet<string> words)
    {
        var text = CollapseWhitespace(body);
        if (text.Length <= Width)
        {
            return text;
        }
        var start = FirstMatch(analyzer, text, words) is int at
            // Some context before the word, but the word itself in the first quarter of the window.
            ? Math.Clamp(at - Width / 4, 0, text.Length - Width)
            : 0;
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start--;
        }
        var end = start + Width;
        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }
        return (start > 0 ? "…" : "") + text[start..end].Trim() + (end < text.Length ? "…" : "");
    }

    /// <summary>Where the words occur in a snippet, as the analyzer cuts it: the marks a page puts on it.</summary>
    public static IEnumerable<V1.Highlight> Highlights(Analyzer analyzer, string snippet, IReadOnlySet<string> words)
    {
        if (words.Count == 0 || snippet.Length == 0)
        {
            yield break;
        }
        using var tokens = analyzer.GetTokenStream(IndexFields.Body, snippet);
        var term = tokens.AddAttribute<ICharTermAttribute>();
        var offset = tokens.AddAttribute<IOffsetAttribute>();
        tokens.Reset();
        while (tokens.IncrementToken())
        {
            if (words.Contains(term.ToString()))
            {
                yield return new V1.Highlight { Start = offset.StartOffset, Length = offset.EndOffset - offset.StartOffset };
            }
        }
        tokens.End();
    }

    static int? FirstMatch(Analyzer analyzer, string text, IReadOnlySet<string> words)
    {
        if (words.Count == 0)
        {
            return null;
        }
        using var tokens = analyzer.GetTokenStream(IndexFields.Body, text.Length > ScanLimit ? text[..ScanLimit] : text);
        var term = tokens.AddAttribute<ICharTermAttribute>();
        var offset = tokens.AddAttribute<IOffsetAttribute>();
        tokens.Reset();
        int? found = null;
        while (found is null && tokens.IncrementToken())
        {
            if (words.Contains(term.ToString()))
            {
                found = offset.StartOffset;
            }
        }
        tokens.End();
        return found;
    }

    static string CollapseWhitespace(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (!char.IsWhiteSpace(c))
            {
                collapsed.Append(c);
            }
            else if (collapsed.Length > 0 && collapsed[^1] != ' ')
            {
                collapsed.Append(' ');
            }
        }
        return collapsed.ToString();
    }
}
