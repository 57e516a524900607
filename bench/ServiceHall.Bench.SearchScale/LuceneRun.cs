using System.Diagnostics;
using System.Globalization;

namespace ServiceHall.Bench.SearchScale;

/// <summary>Lucene at one N: bulk index and commit, the three query kinds, and optionally write-to-visible under load.</summary>
static class LuceneRun
{
    public const int Markers = 200;

    public static (EngineResult Result, IReadOnlyList<VisibilityResult> Visibility) Run(
        IReadOnlyList<SourceDocument> documents, Workload workload, SmartCnSegmenter segmenter, string folder, bool measureVisibility, int seed)
    {
        Directory.CreateDirectory(folder);
        try
        {
            using var index = new LuceneSearchIndex(folder, segmenter);
            Progress.Log($"Lucene: indexing {documents.Count:N0} documents (one thread) into {folder}");
            var clock = Stopwatch.StartNew();
            index.AddAllAndCommit(documents);
            var indexTime = clock.Elapsed;
            var bytes = index.SizeOnDisk();
            Progress.Log($"Lucene: indexed and committed in {indexTime.TotalSeconds:F1} s, {bytes / 1048576.0:F1} MiB on disk");

            index.OpenSearchers();
            var latency = new Dictionary<QueryKind, Latencies>();
            var matches = new Dictionary<QueryKind, int[]>();
            foreach (var kind in Enum.GetValues<QueryKind>())
            {
                latency[kind] = Latencies.OfQueries(workload.WarmUp[kind], workload.Measured[kind], index.Search, out var matched);
                matches[kind] = matched;
                Progress.Log(string.Create(CultureInfo.InvariantCulture,
                    $"Lucene: {kind} p50 {latency[kind].Percentile(0.5):F2} ms, p99 {latency[kind].Percentile(0.99):F2} ms, max {latency[kind].Max:F2} ms"));
            }

            var visibility = new List<VisibilityResult>();
            if (measureVisibility)
            {
                // The background stream and the markers continue the corpus under other seeds: new text, same vocabulary.
                foreach (var waited in new[] { true, false })
                {
                    Progress.Log($"Lucene: write-to-visible, {Markers} markers, {(waited ? "waiting for the generation" : "polling")}, background writer running");
                    var result = WriteToVisible.Measure(index, new SyntheticCorpus(seed + 1 + (waited ? 0 : 2)), new SyntheticCorpus(seed + 2 + (waited ? 0 : 2)), Markers, waited);
                    visibility.Add(result);
                    Progress.Log(string.Create(CultureInfo.InvariantCulture,
                        $"Lucene: write-to-visible {result.Mode} p50 {result.Latencies.Percentile(0.5):F1} ms, p95 {result.Latencies.Percentile(0.95):F1} ms, background {result.BackgroundPerSecond:F0} docs/s"));
                }
            }
            return (new EngineResult(documents.Count, "Lucene", indexTime, bytes, latency, matches, []), visibility);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
