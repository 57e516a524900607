using Lucene.Net.Search;

namespace ServiceHall.Search;

/// <summary>Why a hit matched, in words a reader understands, read off Lucene's explanation of its score.</summary>
public static class HitSignals
{
    static readonly (string Field, string Label)[] Labels =
    [
        (IndexFields.Title, "标题"),
        (IndexFields.Alias, "同义词"),
        (IndexFields.Pinyin, "拼音"),
        (IndexFields.Body, "正文"),
    ];

    public static IEnumerable<string> From(Explanation explanation)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        Collect(explanation, fields);
        return Labels.Where(l => fields.Contains(l.Field)).Select(l => l.Label);
    }

    static void Collect(Explanation explanation, HashSet<string> fields)
    {
        if (explanation.Value <= 0)
        {
            return;
        }
        const string Marker = "weight(";
        var description = explanation.Description ?? "";
        var at = description.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            var rest = description[(at + Marker.Length)..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields.Add(rest[..colon]);
            }
        }
        foreach (var detail in explanation.GetDetails() ?? [])
        {
            Collect(detail, fields);
        }
    }
}
