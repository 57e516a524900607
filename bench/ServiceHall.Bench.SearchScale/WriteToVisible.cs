using System.Diagnostics;

namespace ServiceHall.Bench.SearchScale;

/// <summary>What one write-to-visible run measured; the background writer's pace says how busy the index was.</summary>
sealed record VisibilityResult(string Mode, Latencies Latencies, long BackgroundDocuments, TimeSpan Elapsed)
{
    public double BackgroundPerSecond => BackgroundDocuments / Elapsed.TotalSeconds;
}

/// <summary>
/// Time from adding a document until a search finds it, while another thread keeps adding documents as fast
/// as it can (a rebuild or a burst of events). Two ways of waiting:
/// "waited" does what the search service does before acknowledging an event (WaitForGeneration, which makes
/// the reopen thread refresh after its 20 ms min stale, then search); "polled" only searches again and again,
/// so the reopen thread, with nobody waiting, refreshes on its 1 s max stale; its markers are written at
/// random moments of that cycle.
/// </summary>
static class WriteToVisible
{
    const int WarmUpMarkers = 10;
    static int markerIds = -1;

    public static VisibilityResult Measure(LuceneSearchIndex index, SyntheticCorpus background, SyntheticCorpus markers, int count, bool waitForGeneration)
    {
        using var stop = new CancellationTokenSource();
        long written = 0;
        var writer = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                index.Add(background.Next());
                Interlocked.Increment(ref written);
            }
        })
        { IsBackground = true, Name = "bench-background-writer" };

        var clock = Stopwatch.StartNew();
        writer.Start();
        var times = new List<double>(count);
        var pauses = new Random(count);
        for (var i = 0; i < WarmUpMarkers + count; i++)
        {
            if (!waitForGeneration)
            {
                // Each search that finds a marker comes right after a refresh; writing the next one at once would
                // always land at the start of the 1 s cycle. Real writes arrive at any moment of it.
                Thread.Sleep(pauses.Next(1000));
            }
            var source = markers.Next();
            var marker = source with { Id = markerIds-- }; // negative ids never clash with the corpus or earlier runs' markers
            var started = Stopwatch.GetTimestamp();
            var generation = index.Add(marker);
            if (waitForGeneration)
            {
                index.WaitUntilVisible(generation);
            }
            while (!index.Finds(marker.Key))
            {
                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"marker {marker.Key} not searchable after 30 s");
                }
                Thread.Sleep(1);
            }
            if (i >= WarmUpMarkers)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        stop.Cancel();
        writer.Join();
        return new VisibilityResult(waitForGeneration ? "waited" : "polled", new Latencies(times), Interlocked.Read(ref written), clock.Elapsed);
    }
}
