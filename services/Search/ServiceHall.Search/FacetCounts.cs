using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using ServiceHall.Search.V1;

namespace ServiceHall.Search;

/// <summary>
/// Counts per facet value over the matching documents, where each facet's counts ignore that facet's own filter
/// (GOV.UK's rule): with type=item chosen, the type facet still shows how many entities and disclosures match, so
/// people can switch instead of starting over.
/// </summary>
public static class FacetCounts
{
    public const int MaxValues = 20;

    /// <param name="limit">
    /// The time cap of the facets' counting: a facet not started by then is left out, one running then shows what it
    /// counted so far; slow facets never hold the answer.
    /// </param>
    public static IEnumerable<Facet> Count(IndexSearcher searcher, Query text, IReadOnlyDictionary<string, string> filters, string today, TimeSpan limit)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var field in IndexFields.Facets)
        {
            var left = limit - started.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                yield break;
            }
            var query = Filtered(text, filters.Where(f => f.Key != field), today);
            var counter = new ValueCounter(field);
            try
            {
                searcher.Search(query, new TimeLimitingCollector(counter, TimeLimitingCollector.GlobalCounter, (long)Math.Ceiling(left.TotalMilliseconds)));
            }
            catch (TimeLimitingCollector.TimeExceededException)
            {
                // The counts so far are a lower bound; an empty facet is left out below.
            }
            var facet = new Facet { Name = field };
            filters.TryGetValue(field, out var selected);
            facet.Values.AddRange(counter.Counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(MaxValues)
                .Select(c => new FacetValue { Value = IndexWords.FacetValue(field, c.Key), Count = c.Value, Selected = c.Key == selected }));
            if (facet.Values.Count > 0)
            {
                yield return facet;
            }
        }
    }

    /// <summary>
    /// The text query with each filter as a required, non-scoring term, leaving out every document whose publicity
    /// ended before <paramref name="today"/> (yyyy-MM-dd, the county's date).
    /// </summary>
    public static Query Filtered(Query text, IEnumerable<KeyValuePair<string, string>> filters, string today)
    {
        var query = new BooleanQuery
        {
            { text, Occur.MUST },
            { TermRangeQuery.NewStringRange(IndexFields.PublicUntil, null, today, includeLower: false, includeUpper: false), Occur.MUST_NOT },
        };
        foreach (var (field, value) in filters)
        {
            query.Add(new ConstantScoreQuery(new TermQuery(new Term(field, value))) { Boost = 0 }, Occur.MUST);
        }
        return query;
    }

    /// <summary>Reads each matching document's values of one field from its doc values and counts them.</summary>
    sealed class ValueCounter(string field) : ICollector
    {
        readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);
        SortedSetDocValues? values;
        long[] perOrdinal = [];

        public IReadOnlyDictionary<string, long> Counts
        {
            get
            {
                Flush();
                return counts;
            }
        }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            values = context.AtomicReader.GetSortedSetDocValues(field);
            perOrdinal = values is null ? [] : new long[values.ValueCount];
        }

        public void Collect(int doc)
        {
            if (values is null)
            {
                return;
            }
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                perOrdinal[ord]++;
            }
        }

        /// <summary>Ordinals are per segment; turn the segment's counts into values before moving on.</summary>
        void Flush()
        {
            if (values is null)
            {
                return;
            }
            var term = new BytesRef();
            for (var ord = 0; ord < perOrdinal.Length; ord++)
            {
                if (perOrdinal[ord] > 0)
                {
                    values.LookupOrd(ord, term);
                    var value = term.Utf8ToString();
                    counts[value] = counts.GetValueOrDefault(value) + perOrdinal[ord];
                }
            }
            values = null;
            perOrdinal = [];
        }
    }
}
