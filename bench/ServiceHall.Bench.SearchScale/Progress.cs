using System.Diagnostics;

namespace ServiceHall.Bench.SearchScale;

/// <summary>Timestamped progress lines, so a long run can be followed in its log.</summary>
static class Progress
{
    static readonly Stopwatch sinceStart = Stopwatch.StartNew();

    public static TimeSpan Elapsed => sinceStart.Elapsed;

    public static void Log(string message) => Console.WriteLine($"[{sinceStart.Elapsed:hh\\:mm\\:ss}] {message}");
}
