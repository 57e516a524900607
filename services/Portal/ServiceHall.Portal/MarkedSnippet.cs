using Microsoft.AspNetCore.Html;
using ServiceHall.Search.V1;

namespace ServiceHall.Portal;

/// <summary>
/// A hit's snippet cut into plain and marked pieces from the search service's highlights (start and length in UTF-16
/// code units, which is what .NET strings count). The view writes each piece encoded, marked ones inside &lt;mark&gt;,
/// so nothing of the snippet is ever taken as markup.
/// </summary>
public static class MarkedSnippet
{
    public readonly record struct Piece(string Text, bool Marked);

    /// <summary>The snippet as HTML: every piece encoded, the marked ones in &lt;mark&gt;.</summary>
    public static IHtmlContent Html(string snippet, IEnumerable<Highlight> highlights)
    {
        var html = new HtmlContentBuilder();
        foreach (var piece in Cut(snippet, highlights))
        {
            if (piece.Marked)
            {
                html.AppendHtml("<mark>").Append(piece.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(piece.Text);
            }
        }
        return html;
    }

    public static IReadOnlyList<Piece> Cut(string snippet, IEnumerable<Highlight> highlights)
    {
        var pieces = new List<Piece>();
        var at = 0;
        foreach (var h in highlights.OrderBy(h => h.Start))
        {
            var start = Math.Max(h.Start, at);
            var end = (int)Math.Min((long)h.Start + Math.Max(h.Length, 0), snippet.Length);
            // Never split a surrogate pair (a character outside the BMP, like 𠀾): widen to the whole character.
            if (start > 0 && start < snippet.Length && char.IsLowSurrogate(snippet[start]))
            {
                start--;
            }
            if (end > 0 && end < snippet.Length && char.IsHighSurrogate(snippet[end - 1]))
            {
                end++;
            }
            start = Math.Max(start, at);
            if (start >= end)
            {
                // Empty, overlapping what is already marked, or beyond the snippet: a stale offset marks nothing.
                continue;
            }
            if (start > at)
            {
                pieces.Add(new(snippet[at..start], false));
            }
            if (start == at && pieces.Count > 0 && pieces[^1].Marked)
            {
                // Touching highlights read as one marked word.
                pieces[^1] = new(pieces[^1].Text + snippet[start..end], true);
            }
            else
            {
                pieces.Add(new(snippet[start..end], true));
            }
            at = end;
        }
        if (at < snippet.Length)
        {
            pieces.Add(new(snippet[at..], false));
        }
        return pieces;
    }
}
