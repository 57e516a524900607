using System.Globalization;
using System.Net;
using System.Threading.Channels;
using ServiceHall.Identity.Account;

namespace ServiceHall.Identity.Hardening;

/// <summary>
/// Refusals anyone can cause without signing in (wrong passwords, unknown names, refused token requests, requests
/// over the rate limit) go to the audit trail through here, so they can neither grow it without bound nor queue up
/// in front of real sign-ins. Per client address and action, the first refusal of a window is written as it is;
/// the rest are only counted, and one summary record (count, first and last time, outcomes, names tried) follows
/// when the window ends. The request never waits: one background writer appends them, so a successful sign-in
/// waits behind one refusal at most. The trail stays as it was (append-only, chained); only fewer rows reach it.
/// A crash loses the counts of the open windows; a normal stop writes them.
/// </summary>
public sealed class RefusalSummaries(AuditTrail audit, IdentitySettings settings, TimeProvider clock, ILogger<RefusalSummaries> logger)
    : BackgroundService
{
    /// <summary>Open windows at most; beyond, new addresses share one window, so a botnet cannot exhaust memory.</summary>
    const int MaxWindows = 10_000;
    const string ManySources = "many addresses";

    public const string Summary = "Repeated";

    readonly Lock windowsLock = new();
    readonly Dictionary<(string Source, string Action), Window> windows = [];
    readonly Channel<Pending> pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    sealed record Pending(string Actor, string Action, string Target, string Result, string Detail);

    sealed class Window(DateTimeOffset first)
    {
        public DateTimeOffset First { get; } = first;
        public DateTimeOffset Last { get; set; } = first;
        public int Count { get; set; } = 1;
        public Dictionary<string, int> Results { get; } = [];
        public HashSet<string> Actors { get; } = [];
    }

    /// <summary>Counts a refusal and, when it opens a window, queues its record. Returns at once.</summary>
    public void Refused(IPAddress? address, string actor, string action, string target, string result, string detail)
    {
        var now = clock.GetUtcNow();
        var source = SignInThrottle.Source(address);
        lock (windowsLock)
        {
            if (!windows.ContainsKey((source, action)) && windows.Count >= MaxWindows)
            {
                source = ManySources;
            }
            if (windows.TryGetValue((source, action), out var window) && now < window.First + settings.RefusalSummaryWindow)
            {
                window.Count++;
                window.Last = now;
                Tally(window, actor, result);
                return;
            }
            if (window is not null)
            {
                Close(source, action, window);
            }
            window = new Window(now);
            Tally(window, actor, result);
            windows[(source, action)] = window;
        }
        pending.Writer.TryWrite(new Pending(actor, action, target, result, detail));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await WriteQueuedAsync();
                CloseEnded();
                await WriteQueuedAsync();
                // Wakes for a queued record or, once a second, to close the windows that have ended.
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(1), clock, wake.Token), pending.Reader.WaitToReadAsync(wake.Token).AsTask());
                await wake.CancelAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            lock (windowsLock)
            {
                foreach (var ((source, action), window) in windows)
                {
                    Close(source, action, window);
                }
                windows.Clear();
            }
            await WriteQueuedAsync();
        }
    }

    async Task WriteQueuedAsync()
    {
        while (pending.Reader.TryRead(out var record))
        {
            try
            {
                await audit.RecordAsync(record.Actor, record.Action, record.Target, record.Result, record.Detail, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not write a refusal to the audit trail ({Action} {Result})", record.Action, record.Result);
            }
        }
    }

    void CloseEnded()
    {
        var now = clock.GetUtcNow();
        lock (windowsLock)
        {
            foreach (var (key, window) in windows.Where(w => now >= w.Value.First + settings.RefusalSummaryWindow).ToList())
            {
                Close(key.Source, key.Action, window);
                windows.Remove(key);
            }
        }
    }

    /// <summary>Queues the window's summary; a window with only its first refusal needs none (that one is written).</summary>
    void Close(string source, string action, Window window)
    {
        if (window.Count < 2)
        {
            return;
        }
        var results = string.Join(", ", window.Results.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"));
        var actors = string.Join(", ", window.Actors);
        pending.Writer.TryWrite(new Pending(source, action, "", Summary,
            $"{window.Count} refusals from {source} from {Time(window.First)} to {Time(window.Last)} (the first written singly): {results}; names tried: {actors}"));
    }

    static void Tally(Window window, string actor, string result)
    {
        window.Results[result] = window.Results.GetValueOrDefault(result) + 1;
        // A few names show what was tried; thousands would only make the record long.
        if (window.Actors.Count < 20)
        {
            window.Actors.Add(actor);
        }
    }

    static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
