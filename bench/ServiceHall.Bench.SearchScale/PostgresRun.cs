using System.Diagnostics;
using System.Globalization;
using ServiceHall.Testing;

namespace ServiceHall.Bench.SearchScale;

/// <summary>
/// PostgreSQL at one N: SmartCn segmentation in .NET (timed apart, not counted as index time: Lucene's index time
/// includes its own analysis, so this favours PostgreSQL), binary COPY, GIN build, the three query kinds.
/// </summary>
static class PostgresRun
{
    const int CountChecks = 20;

    public static EngineResult Run(PostgresServer server, IReadOnlyList<SourceDocument> documents, Workload workload, SmartCnSegmenter segmenter, EngineResult lucene)
    {
        Progress.Log($"PostgreSQL: segmenting {documents.Count:N0} documents with SmartCn ({Environment.ProcessorCount} threads)");
        var clock = Stopwatch.StartNew();
        var titleWords = new string[documents.Count];
        var bodyWords = new string[documents.Count];
        Parallel.For(0, documents.Count, i =>
        {
            titleWords[i] = segmenter.Joined(documents[i].Title);
            bodyWords[i] = segmenter.Joined(documents[i].Body);
        });
        var segmentation = clock.Elapsed;

        using var table = PostgresSearchTable.Create(server);
        Progress.Log($"PostgreSQL {table.ServerVersion}: segmented in {segmentation.TotalSeconds:F1} s; loading with binary COPY");
        clock.Restart();
        table.Load(documents, titleWords, bodyWords);
        var load = clock.Elapsed;
        Progress.Log($"PostgreSQL: loaded in {load.TotalSeconds:F1} s; building the GIN index");
        clock.Restart();
        table.BuildIndex();
        var build = clock.Elapsed;
        var bytes = table.TotalSize();
        var indexBytes = table.IndexSize();
        Progress.Log($"PostgreSQL: GIN index and ANALYZE in {build.TotalSeconds:F1} s; {bytes / 1048576.0:F1} MiB in all, GIN {indexBytes / 1048576.0:F1} MiB");

        var details = new List<string>
        {
            $"PostgreSQL {table.ServerVersion} (test cluster, fsync off), shared_buffers {table.Setting("shared_buffers")}, work_mem {table.Setting("work_mem")}, jit {table.Setting("jit")}",
            string.Create(CultureInfo.InvariantCulture,
                $"COPY {load.TotalSeconds:F1} s + GIN build and ANALYZE {build.TotalSeconds:F1} s; SmartCn segmentation in .NET {segmentation.TotalSeconds:F1} s ({Environment.ProcessorCount} threads) not counted; GIN index {indexBytes / 1048576.0:F1} MiB of the size"),
        };
        var plans = Enum.GetValues<QueryKind>().Select(k => $"{k.ToString().ToLowerInvariant()} {workload.Measured[k].Count(table.UsesGinIndex)}/{workload.Measured[k].Count}");
        details.Add($"planner uses the GIN index for: {string.Join(", ", plans)}");

        var latency = new Dictionary<QueryKind, Latencies>();
        var matches = new Dictionary<QueryKind, int[]>();
        foreach (var kind in Enum.GetValues<QueryKind>())
        {
            latency[kind] = Latencies.OfQueries(workload.WarmUp[kind], workload.Measured[kind], table.Search, out var returned);
            matches[kind] = returned;
            Progress.Log(string.Create(CultureInfo.InvariantCulture,
                $"PostgreSQL: {kind} p50 {latency[kind].Percentile(0.5):F2} ms, p99 {latency[kind].Percentile(0.99):F2} ms, max {latency[kind].Max:F2} ms"));
        }

        // Same words in, same documents out: single-word match counts must agree with Lucene's exactly.
        var singles = workload.Measured[QueryKind.Single];
        var agreeing = Enumerable.Range(0, CountChecks).Count(i => table.CountMatches(singles[i]) == lucene.Matches[QueryKind.Single][i]);
        details.Add($"single-word match counts equal to Lucene's for {agreeing}/{CountChecks} queries checked");
        return new EngineResult(documents.Count, "PostgreSQL", load + build, bytes, latency, matches, details);
    }
}
