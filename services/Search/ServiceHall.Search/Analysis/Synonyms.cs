namespace ServiceHall.Search;

/// <summary>
/// The words people use for the words guides use (synonyms.txt). A line "a,b,c" makes the words equivalent, at
/// index time (a title holding one is also found by the others) and at query time; a line "a,b => x,y" sends
/// colloquial words to formal ones at query time only (开饭店 finds 食品经营许可, not the reverse).
/// </summary>
public sealed class Synonyms
{
    readonly List<string[]> groups = [];
    readonly List<(string[] From, string[] To)> rules = [];

    public static Synonyms Default { get; } = Load();

    /// <summary>The other members of every group that has a member inside <paramref name="text"/>.</summary>
    public IEnumerable<string> AliasesOf(string text) =>
        groups.Where(g => g.Any(text.Contains)).SelectMany(g => g.Where(w => !text.Contains(w))).Distinct();

    /// <summary>Words to look for as well as what was typed: the group members and the formal words of the rules the text hits.</summary>
    public IReadOnlyList<string> AlternativesFor(string text)
    {
        var alternatives = AliasesOf(text).ToList();
        alternatives.AddRange(rules.Where(r => r.From.Any(text.Contains)).SelectMany(r => r.To));
        return alternatives.Distinct().Where(a => !text.Contains(a)).ToList();
    }

    /// <summary>Every word the list knows, so "did you mean" can correct towards a word no title contains (营业只照 → 营业执照).</summary>
    public IEnumerable<string> Words => groups.SelectMany(g => g).Concat(rules.SelectMany(r => r.From.Concat(r.To))).Distinct();

    static Synonyms Load()
    {
        using var stream = typeof(Synonyms).Assembly.GetManifestResourceStream("ServiceHall.Search.synonyms.txt")
            ?? throw new InvalidOperationException("synonyms.txt is not embedded in ServiceHall.Search");
        using var reader = new StreamReader(stream);
        var synonyms = new Synonyms();
        while (reader.ReadLine() is { } line)
        {
            var text = line.Split('#')[0].Trim();
            if (text.Length == 0)
            {
                continue;
            }
            static string[] Words(string part) => [.. part.Split(',', '，').Select(w => w.Trim()).Where(w => w.Length > 0)];
            if (text.Split("=>") is [var from, var to])
            {
                synonyms.rules.Add((Words(from), Words(to)));
            }
            else
            {
                synonyms.groups.Add(Words(text));
            }
        }
        return synonyms;
    }
}
