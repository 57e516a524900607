namespace ServiceHall.Bench.SearchScale;

enum QueryKind
{
    /// <summary>One word, as most people type into the hall's search box.</summary>
    Single,
    /// <summary>Two or three words, any of which may match, ranked (OR).</summary>
    Multi,
    /// <summary>Two or three words next to each other, in that order.</summary>
    Phrase,
}

/// <summary>A query as SmartCn words, so both engines get exactly the same terms.</summary>
sealed record BenchQuery(QueryKind Kind, IReadOnlyList<string> Words)
{
    public override string ToString() => $"{Kind}: {string.Join(' ', Words)}";
}

/// <summary>
/// Draws fixed, deterministic query sets from the corpus itself: a random document and words from it, so a
/// word is asked for as often as it occurs (common words often, rare ones rarely), like a real query log.
/// Only the vocabulary's words count as search words (身份证, 营业执照, 城关镇, a business name …): nobody
/// searches the hall for the guides' filler ("的", "提交", "窗口"); a phrase needs one of them at least.
/// </summary>
static class QuerySets
{
    public static IReadOnlyList<BenchQuery> Draw(QueryKind kind, int count, int seed, IReadOnlyList<SourceDocument> documents, SmartCnSegmenter segmenter)
    {
        var searchWords = GovernmentVocabulary.All.SelectMany(entry => segmenter.Words(entry)).Select(w => w.Text).Where(w => w.Length > 1).ToHashSet(StringComparer.Ordinal);
        var random = new Random(seed);
        var queries = new List<BenchQuery>(count);
        while (queries.Count < count)
        {
            var document = documents[random.Next(documents.Count)];
            var field = segmenter.Words(random.Next(2) == 0 ? document.Title : document.Body);
            var query = kind switch
            {
                QueryKind.Single => Single(field, searchWords, random),
                QueryKind.Multi => Multi(field, searchWords, random),
                _ => Phrase(field, searchWords, random),
            };
            if (query is not null)
            {
                queries.Add(query);
            }
        }
        return queries;
    }

    static BenchQuery? Single(List<Word> field, HashSet<string> searchWords, Random random)
    {
        var words = field.Where(w => searchWords.Contains(w.Text)).ToList();
        return words.Count == 0 ? null : new BenchQuery(QueryKind.Single, [words[random.Next(words.Count)].Text]);
    }

    static BenchQuery? Multi(List<Word> field, HashSet<string> searchWords, Random random)
    {
        var words = field.Select(w => w.Text).Where(searchWords.Contains).Distinct().ToList();
        var wanted = 2 + random.Next(2);
        if (words.Count < wanted)
        {
            return null;
        }
        var picked = words.OrderBy(_ => random.Next()).Take(wanted).ToList();
        return new BenchQuery(QueryKind.Multi, picked);
    }

    /// <summary>Adjacent words only (no dropped punctuation between them), at least one of them a search word.</summary>
    static BenchQuery? Phrase(List<Word> field, HashSet<string> searchWords, Random random)
    {
        var length = 2 + random.Next(2);
        if (field.Count < length)
        {
            return null;
        }
        var start = random.Next(field.Count - length + 1);
        var words = field.GetRange(start, length);
        if (words.Skip(1).Any(w => w.PositionStep != 1) || !words.Any(w => searchWords.Contains(w.Text)))
        {
            return null;
        }
        return new BenchQuery(QueryKind.Phrase, words.Select(w => w.Text).ToList());
    }
}
