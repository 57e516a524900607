using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ServiceHall.Search;

/// <summary>
/// What the index knows by title, read back from it when the index changed (at most every <see cref="MinAge"/>): the words of all titles
/// by their pinyin (to correct homophone typos, "did you mean") and the titles themselves with their pinyin (to
/// complete what people type). A projection of the index, so it needs no rebuild of its own.
/// </summary>
public sealed class TitleBook(PublicIndex index, Curation curation)
{
    public static readonly TimeSpan MinAge = TimeSpan.FromSeconds(2);

    /// <param name="PublicUntil">The last public day of a title whose publicity ends (a penalty), else empty.</param>
    public sealed record Entry(string Title, string Type, string Url, string Pinyin, string Initials, long Popularity, string PublicUntil = "");

    sealed record Snapshot(DateTime BuiltAt, long ReaderVersion, Dictionary<string, (string Word, int Frequency)> WordsByPinyin,
        Dictionary<string, (string Word, int Frequency)> WordsByInitials, HashSet<string> Words, List<Entry> Titles);

    /// <summary>Initials shorter than this say too little to stand for one word.</summary>
    const int MinInitials = 3;

    Snapshot? current;
    readonly object building = new();

    public IReadOnlyList<Entry> Titles => Current.Titles;

    /// <summary>The query with mistyped words replaced by the index's word of the same sound, or null when nothing needs correcting.</summary>
    public string? Correct(UserQuery query)
    {
        if (curation.DoNotCorrect.Contains(Curation.Normalize(query.Text)))
        {
            return null;
        }
        var book = Current;
        var han = query.Words.Where(w => w.All(PinyinTable.IsHan)).ToList();
        var corrected = query.Text;
        for (var length = Math.Min(3, han.Count); length >= 1; length--)
        {
            for (var start = 0; start + length <= han.Count; start++)
            {
                var run = string.Concat(han.Skip(start).Take(length));
                if (run.Length < 2 || book.Words.Contains(run) || curation.DoNotCorrect.Contains(run) || !corrected.Contains(run, StringComparison.Ordinal))
                {
                    continue;
                }
                if (PinyinTable.Default.Full(run) is { } sound && book.WordsByPinyin.TryGetValue(sound, out var known) && known.Word != run)
                {
                    corrected = corrected.Replace(run, known.Word, StringComparison.Ordinal);
                }
            }
        }
        return corrected == query.Text ? null : corrected;
    }

    /// <summary>
    /// Letters typed as pinyin, turned into the index's words of that sound ("yingyezhizhao" → 营业执照, "cjz" →
    /// 残疾证), so they meet synonyms and titles as the characters would; null when no letters match a word.
    /// </summary>
    public string? FromPinyin(UserQuery query)
    {
        var letters = query.Words.Where(w => w.All(char.IsAsciiLetter)).Select(w => w.ToLowerInvariant()).ToList();
        if (letters.Count == 0)
        {
            return null;
        }
        var book = Current;
        string? Word(string typed) =>
            book.WordsByPinyin.TryGetValue(typed, out var full) ? full.Word
            : typed.Length >= MinInitials && book.WordsByInitials.TryGetValue(typed, out var initials) ? initials.Word
            : null;
        var words = Word(string.Concat(letters)) is { } whole ? [whole] : letters.Select(Word).OfType<string>().ToList();
        return words.Count == 0 ? null : string.Join(" ", query.Words.Where(w => !w.All(char.IsAsciiLetter)).Concat(words));
    }

    /// <summary>Reads the book again from the newest searcher now, not at most every <see cref="MinAge"/>.</summary>
    public void Refresh()
    {
        lock (building)
        {
            current = index.Search(Build);
        }
    }

    Snapshot Current
    {
        get
        {
            var snapshot = current;
            if (snapshot is not null && DateTime.UtcNow - snapshot.BuiltAt < MinAge)
            {
                return snapshot;
            }
            lock (building)
            {
                current = index.Search(searcher =>
                    current is { } held && held.ReaderVersion == ((DirectoryReader)searcher.IndexReader).Version
                        ? held with { BuiltAt = DateTime.UtcNow }
                        : Build(searcher));
                return current;
            }
        }
    }

    Snapshot Build(IndexSearcher searcher)
    {
        var reader = searcher.IndexReader;
        var byPinyin = new Dictionary<string, (string Word, int Frequency)>(StringComparer.Ordinal);
        var byInitials = new Dictionary<string, (string Word, int Frequency)>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        void Learn(string word, int frequency)
        {
            if (word.Length < 2 || !word.All(PinyinTable.IsHan))
            {
                return;
            }
            words.Add(word);
            if (PinyinTable.Default.Full(word) is { } sound && (!byPinyin.TryGetValue(sound, out var held) || held.Frequency < frequency))
            {
                byPinyin[sound] = (word, frequency);
            }
            if (word.Length >= MinInitials && PinyinTable.Default.Initials(word) is { } initials
                && (!byInitials.TryGetValue(initials, out var heldInitials) || heldInitials.Frequency < frequency))
            {
                byInitials[initials] = (word, frequency);
            }
        }
        foreach (var word in Synonyms.Default.Words)
        {
            Learn(word, int.MaxValue / 2);
        }
        foreach (var field in new[] { IndexFields.Title, IndexFields.Body, IndexFields.Alias })
        {
            var terms = MultiFields.GetTerms(reader, field)?.GetEnumerator();
            while (terms?.MoveNext() == true)
            {
                // Titles and synonyms win a tie of sounds over words only found in bodies.
                Learn(terms.Term.Utf8ToString(), terms.DocFreq * (field == IndexFields.Body ? 1 : 10));
            }
        }

        var titles = new List<Entry>();
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var fields = new HashSet<string> { IndexFields.Title, IndexFields.Type, IndexFields.Url, IndexFields.StableKey, IndexFields.PublicUntil };
        for (var i = 0; i < reader.MaxDoc; i++)
        {
            if (liveDocs is not null && !liveDocs.Get(i))
            {
                continue;
            }
            var stored = reader.Document(i, fields);
            if (stored.Get(IndexFields.Title) is not { Length: > 0 } title)
            {
                continue;
            }
            titles.Add(new Entry(title, stored.Get(IndexFields.Type) ?? "", stored.Get(IndexFields.Url) ?? "",
                PinyinTable.Default.Full(title) ?? "", PinyinTable.Default.Initials(title) ?? "", curation.PopularityOf(stored.Get(IndexFields.StableKey) ?? ""),
                stored.Get(IndexFields.PublicUntil) ?? ""));
        }
        return new Snapshot(DateTime.UtcNow, ((DirectoryReader)reader).Version, byPinyin, byInitials, words, titles);
    }
}
