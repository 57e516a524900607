namespace ServiceHall.Domain;

/// <summary>
/// Hanzi to toneless pinyin (pinyin.txt, shipped: no pinyin package is served). Shared by search (titles) and credit (entity names,
/// docs/domain.md §7), so "shenfenzheng", "sfz" and the
/// homophone typo 身分证 all meet 身份证. One reading per character: the one government text uses most.
/// </summary>
public sealed class PinyinTable
{
    readonly Dictionary<char, string> readings;

    PinyinTable(Dictionary<char, string> readings) => this.readings = readings;

    public static PinyinTable Default { get; } = Load();

    public int Count => readings.Count;

    /// <summary>The syllables of every character, joined ("shenfenzheng"); ASCII letters and digits kept, lower case; null when a Han character is unknown.</summary>
    public string? Full(string text) => Join(text, initialsOnly: false);

    /// <summary>The first letter of every syllable ("sfz").</summary>
    public string? Initials(string text) => Join(text, initialsOnly: true);

    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    string? Join(string text, bool initialsOnly)
    {
        var result = new System.Text.StringBuilder(text.Length * 3);
        foreach (var c in text)
        {
            if (IsHan(c))
            {
                if (!readings.TryGetValue(c, out var reading))
                {
                    return null;
                }
                result.Append(initialsOnly ? reading[..1] : reading);
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                result.Append(char.ToLowerInvariant(c));
            }
        }
        return result.Length == 0 ? null : result.ToString();
    }

    static PinyinTable Load()
    {
        using var stream = typeof(PinyinTable).Assembly.GetManifestResourceStream("ServiceHall.Domain.pinyin.txt")
            ?? throw new InvalidOperationException("pinyin.txt is not embedded in ServiceHall.Domain");
        using var reader = new StreamReader(stream);
        var readings = new Dictionary<char, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 3 || line[0] == '#')
            {
                continue;
            }
            var parts = line.Split('\t');
            if (parts.Length >= 2 && parts[0].Length == 1 && parts[1].Length > 0)
            {
                readings[parts[0][0]] = parts[1].Trim().ToLowerInvariant();
            }
        }
        return new PinyinTable(readings);
    }
}
