namespace ServiceHall.Bench.SearchQuality;

/// <summary>
/// A query's top results judged: each result's grade (0 when unjudged, not an item, or a repeat of a basic code
/// already shown higher up), nDCG@k with gain 2^grade − 1 and a log2(rank + 1) discount against the ideal
/// ordering of the judgments, and the rank of the first grade-2 result.
/// </summary>
public sealed class QueryResult
{
    public const int Depth = 10;
    public const int TopN = 3;

    public QueryResult(JudgedQuery query, IReadOnlyList<SearchResult> results)
    {
        Query = query;
        Results = results.Take(Depth).ToList();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var grades = Results.Select(r =>
        {
            // Four towns' copies of one item share a basic code: the first one shown earns the gain, the others
            // take a place on the page without adding anything, as a person sees them.
            if (r.BasicCode is null || !shown.Add(r.BasicCode))
            {
                return 0;
            }
            return query.Judgments.GetValueOrDefault(r.BasicCode);
        }).ToList();
        Grades = grades;
        var ideal = Dcg(query.Judgments.Values.Where(g => g > 0).OrderDescending());
        Ndcg = ideal > 0 ? Dcg(grades) / ideal : 0;
        var first = grades.IndexOf(2);
        FirstBestRank = first >= 0 ? first + 1 : null;
    }

    public JudgedQuery Query { get; }
    public IReadOnlyList<SearchResult> Results { get; }
    public IReadOnlyList<int> Grades { get; }
    public double Ndcg { get; }
    public int? FirstBestRank { get; }
    public bool BestInTop3 => FirstBestRank <= TopN;

    /// <summary>Below either target on its own: the queries worth reading first.</summary>
    public bool Fails(double ndcgTarget) => Ndcg < ndcgTarget || !BestInTop3;

    static double Dcg(IEnumerable<int> grades) =>
        grades.Take(Depth).Select((grade, i) => (Math.Pow(2, grade) - 1) / Math.Log2(i + 2)).Sum();
}

/// <summary>One hit as the bench reads it: its type, id and title, and the item's basic code when it is an item.</summary>
public sealed record SearchResult(string Type, string Id, string Title, string? BasicCode);
