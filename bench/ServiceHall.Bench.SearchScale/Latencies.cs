using System.Diagnostics;

namespace ServiceHall.Bench.SearchScale;

/// <summary>Wall-clock times in milliseconds, with nearest-rank percentiles (as the write-to-search benchmark reports them).</summary>
sealed class Latencies
{
    readonly List<double> sorted;

    public Latencies(IEnumerable<double> milliseconds) => sorted = milliseconds.Order().ToList();

    public int Count => sorted.Count;

    public double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public double Max => sorted[^1];

    /// <summary>Runs the warm-up queries unmeasured, then each query once on this thread, timing each on its own.</summary>
    /// <param name="matches">Per measured query, what the engine reported (documents matched, or rows returned).</param>
    public static Latencies OfQueries(IReadOnlyList<BenchQuery> warmUp, IReadOnlyList<BenchQuery> measured, Func<BenchQuery, int> run, out int[] matches)
    {
        foreach (var query in warmUp)
        {
            run(query);
        }
        var times = new double[measured.Count];
        matches = new int[measured.Count];
        for (var i = 0; i < measured.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            matches[i] = run(measured[i]);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return new Latencies(times);
    }
}
