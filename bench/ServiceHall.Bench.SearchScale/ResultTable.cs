using System.Globalization;
using System.Runtime.InteropServices;

namespace ServiceHall.Bench.SearchScale;

/// <summary>The one table at the end, the write-to-visible lines, the issue's targets and the machine it ran on.</summary>
static class ResultTable
{
    static readonly CultureInfo invariant = CultureInfo.InvariantCulture;

    public static void Print(IReadOnlyList<EngineResult> results, IReadOnlyList<VisibilityResult> visibility, int visibilityAt, string machineNotes)
    {
        Console.WriteLine();
        Console.WriteLine("| N | engine | index time | size | single p50/p99 | multi p50/p99 | phrase p50/p99 |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(invariant,
                $"| {r.Documents:N0} | {r.Engine} | {r.IndexTime.TotalSeconds:F1} s | {r.Bytes / 1048576.0:F1} MiB | {Cell(r, QueryKind.Single)} | {Cell(r, QueryKind.Multi)} | {Cell(r, QueryKind.Phrase)} |"));
        }
        Console.WriteLine();
        foreach (var r in results.Where(r => r.Engine == "Lucene"))
        {
            var selectivity = Enum.GetValues<QueryKind>().Select(k =>
                $"{k.ToString().ToLowerInvariant()} {Share(r.Matches[k], 0.1, r.Documents)} / {Share(r.Matches[k], 0.5, r.Documents)} / {Share(r.Matches[k], 0.9, r.Documents)}");
            Console.WriteLine($"N={r.Documents:N0}: share of documents a query matches, p10 / p50 / p90: {string.Join("; ", selectivity)}");
        }
        foreach (var r in results)
        {
            foreach (var detail in r.Details)
            {
                Console.WriteLine($"N={r.Documents:N0} {r.Engine}: {detail}");
            }
        }
        foreach (var v in visibility)
        {
            Console.WriteLine(string.Create(invariant,
                $"write-to-visible (Lucene, N={visibilityAt:N0}, {v.Latencies.Count} markers, {v.Mode}, background writer {v.BackgroundPerSecond:F0} docs/s): p50 {v.Latencies.Percentile(0.5):F1} ms, p95 {v.Latencies.Percentile(0.95):F1} ms, max {v.Latencies.Max:F1} ms"));
        }
        PrintTargets(results, visibility);
        Console.WriteLine();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:F1} GiB memory, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), {RuntimeInformation.FrameworkDescription}");
        Console.WriteLine(machineNotes);
    }

    /// <summary>The issue's targets, judged at the largest N of the run; reported, not tuned for.</summary>
    static void PrintTargets(IReadOnlyList<EngineResult> results, IReadOnlyList<VisibilityResult> visibility)
    {
        var largest = results.Max(r => r.Documents);
        var lucene = results.SingleOrDefault(r => r.Documents == largest && r.Engine == "Lucene");
        var postgres = results.SingleOrDefault(r => r.Documents == largest && r.Engine == "PostgreSQL");
        if (lucene is null)
        {
            return;
        }
        Console.WriteLine();
        Console.WriteLine($"targets at N={largest:N0}:");
        var kinds = Enum.GetValues<QueryKind>();
        var slowest = kinds.Max(k => lucene.Latency[k].Percentile(0.99));
        Console.WriteLine(string.Create(invariant, $"  Lucene ranked top-10 p99 < 50 ms: {Verdict(slowest < 50)} (worst kind {slowest:F1} ms)"));
        if (postgres is not null)
        {
            var comparisons = kinds.Select(k => string.Create(invariant,
                $"{k.ToString().ToLowerInvariant()} {lucene.Latency[k].Percentile(0.5):F2} vs {postgres.Latency[k].Percentile(0.5):F2} ms"));
            var met = kinds.All(k => lucene.Latency[k].Percentile(0.5) <= postgres.Latency[k].Percentile(0.5));
            Console.WriteLine($"  Lucene p50 no slower than PostgreSQL's: {Verdict(met)} ({string.Join(", ", comparisons)})");
        }
        foreach (var v in visibility)
        {
            var p95 = v.Latencies.Percentile(0.95);
            Console.WriteLine(string.Create(invariant, $"  write-to-visible p95 < 1 s ({v.Mode}): {Verdict(p95 < 1000)} ({p95:F1} ms)"));
        }
    }

    static string Verdict(bool met) => met ? "met" : "NOT met";

    static string Cell(EngineResult r, QueryKind kind) =>
        string.Create(invariant, $"{Milliseconds(r.Latency[kind].Percentile(0.5))} / {Milliseconds(r.Latency[kind].Percentile(0.99))} ms");

    static string Milliseconds(double ms) => ms.ToString(ms < 10 ? "F2" : "F1", invariant);

    /// <summary>Nearest-rank percentile of the match counts, as a share of the corpus.</summary>
    static string Share(int[] matches, double p, int documents)
    {
        var sorted = matches.Order().ToArray();
        var nth = sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return ((double)nth / documents).ToString("P2", invariant);
    }
}
