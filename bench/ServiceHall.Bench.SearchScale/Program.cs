// Search at scale: Lucene.Net + SmartCn against PostgreSQL full-text search (same SmartCn words, 'simple'
// configuration, GIN) on a deterministic synthetic corpus of government-service documents, at 100,000 and
// 1,000,000 documents in one run; plus Lucene's write-to-visible while indexing continues, at the largest N.
// Usage: dotnet run -c Release --project bench/ServiceHall.Bench.SearchScale [-- <N> [<N> ...]]
// Temp data (index folder, PostgreSQL cluster) lives under the temp folder and is deleted at the end.
using System.Globalization;
using ServiceHall.Bench.SearchScale;
using ServiceHall.Testing;

const int Seed = 20251125;
int[] sizes = args.Length > 0 ? [.. args.Select(a => int.Parse(a, NumberStyles.AllowThousands, CultureInfo.InvariantCulture))] : [100_000, 1_000_000];
var largest = sizes.Max();
var loadAtStart = MachineLoad.Now();

try
{
    Progress.Log($"generating {largest:N0} documents (seed {Seed})");
    var corpus = SyntheticCorpus.Take(Seed, largest);
    Progress.Log(string.Create(CultureInfo.InvariantCulture,
        $"corpus: title {corpus.Average(d => d.Title.Length):F1} characters on average, body {corpus.Min(d => d.Body.Length)}–{corpus.Max(d => d.Body.Length)} (mean {corpus.Average(d => d.Body.Length):F1})"));
    Progress.Log($"example: {corpus[0].Title} | {corpus[0].Body}");

    using var segmenter = new SmartCnSegmenter();
    var workload = Workload.Draw(new ArraySegment<SourceDocument>(corpus, 0, sizes.Min()), segmenter, Seed);
    Progress.Log($"queries: {Workload.MeasuredPerKind} measured and {Workload.WarmUpPerKind} warm-up per kind; e.g. {workload.Measured[QueryKind.Single][0]}; {workload.Measured[QueryKind.Multi][0]}; {workload.Measured[QueryKind.Phrase][0]}");

    var postgres = PostgresServer.Shared;
    if (!postgres.Available)
    {
        Progress.Log($"PostgreSQL skipped: {postgres.Reason}");
    }

    var results = new List<EngineResult>();
    IReadOnlyList<VisibilityResult> visibility = [];
    foreach (var n in sizes)
    {
        var documents = new ArraySegment<SourceDocument>(corpus, 0, n);
        var folder = Path.Combine(Path.GetTempPath(), $"servicehall-bench-scale-{Guid.NewGuid():N}");
        var (lucene, measured) = LuceneRun.Run(documents, workload, segmenter, folder, measureVisibility: n == largest, Seed);
        results.Add(lucene);
        if (measured.Count > 0)
        {
            visibility = measured;
        }
        if (postgres.Available)
        {
            results.Add(PostgresRun.Run(PostgresServer.Require(), documents, workload, segmenter, lucene));
        }
    }

    ResultTable.Print(results, visibility, largest, $"cpu: {MachineLoad.CpuModel()}; load average at start {loadAtStart}, at end {MachineLoad.Now()}; total wall time {Progress.Elapsed:hh\\:mm\\:ss}");
    return 0;
}
catch (Exception ex)
{
    // Caught so the process exits normally and the test cluster's exit hook still stops and deletes it.
    Console.Error.WriteLine(ex);
    return 1;
}
