namespace ServiceHall.Bench.SearchQuality;

/// <summary>
/// A query's first page judged: each shown service's grade (0 when unjudged or not an item), nDCG@10 with gain
/// 2^grade − 1 and a log2(rank + 1) discount against the ideal ordering of the judgments, and the rank of the
/// first grade-2 service.
/// </summary>
/// <remarks>
/// Judgments name services by basic code, and a town item is one service implemented by seven towns: seven hits
/// with one basic code. By default (<paramref name="collapseCopies"/>) the page is read as the list of distinct
/// services in the order they first appear, so the copies neither earn the gain seven times (nDCG above 1) nor
/// count as misses. Without collapsing, each copy after the first takes its place on the page and earns nothing,
/// as a reader scrolling past the repeats experiences it.
/// </remarks>
public sealed class QueryResult
{
    public const int Depth = 10;
    public const int TopN = 3;

    public QueryResult(JudgedQuery query, IReadOnlyList<SearchResult> page, bool collapseCopies = true)
    {
        Query = query;
        var shown = new List<Shown>();
        foreach (var hit in page.Take(Depth))
        {
            var earlier = hit.BasicCode is null ? null : shown.FirstOrDefault(s => s.Hit.BasicCode == hit.BasicCode);
            if (earlier is not null && collapseCopies)
            {
                earlier.Copies++;
                continue;
            }
            shown.Add(new Shown(hit, hit.BasicCode is null || earlier is not null ? 0 : query.Judgments.GetValueOrDefault(hit.BasicCode)));
        }
        Shown = shown;
        var ideal = Dcg(query.Judgments.Values.Where(g => g > 0).OrderDescending());
        Ndcg = ideal > 0 ? Dcg(shown.Select(s => s.Grade)) / ideal : 0;
        var first = shown.FindIndex(s => s.Grade == 2);
        FirstBestRank = first >= 0 ? first + 1 : null;
    }

    public JudgedQuery Query { get; }
    public IReadOnlyList<Shown> Shown { get; }
    public double Ndcg { get; }
    public int? FirstBestRank { get; }
    public bool BestInTop3 => FirstBestRank <= TopN;

    /// <summary>Below either target on its own: the queries worth reading first.</summary>
    public bool Fails(double ndcgTarget) => Ndcg < ndcgTarget || !BestInTop3;

    static double Dcg(IEnumerable<int> grades) =>
        grades.Take(Depth).Select((grade, i) => (Math.Pow(2, grade) - 1) / Math.Log2(i + 2)).Sum();
}

/// <summary>One place on the judged page: the hit, its grade and how many copies of it (towns) the page showed.</summary>
public sealed class Shown(SearchResult hit, int grade)
{
    public SearchResult Hit { get; } = hit;
    public int Grade { get; } = grade;
    public int Copies { get; set; } = 1;

    public override string ToString() =>
        Hit.Type == SearchResult.ItemType
            ? $"{Hit.Title}{(Copies > 1 ? $"×{Copies}" : "")}[{Grade}]"
            : $"{Hit.Title}({Hit.Type})";
}

/// <summary>One hit as the bench reads it: its type, id and title, and the item's basic code when it is an item.</summary>
public sealed record SearchResult(string Type, string Id, string Title, string? BasicCode)
{
    /// <summary>A hit's type as the search API's JSON names it (DocumentType.Item).</summary>
    public const string ItemType = "DOCUMENT_TYPE_ITEM";
}
