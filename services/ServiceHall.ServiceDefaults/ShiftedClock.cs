using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// The rehearsal clock (<see cref="HallClock"/>): real UTC now plus the time span written in a file, such as
/// <c>400.00:00:00</c> (negative runs behind). Rewriting the file moves the clock of a running process, so a county's
/// acceptance rehearsal, or an end-to-end test, can see what the hall shows on a later day without waiting for it.
/// Only the wall clock moves: timers and timestamps stay real, so intervals, call deadlines and timeouts behave as
/// without a shift. A missing or empty file is no shift; a file that does not hold a time span keeps the last shift
/// and says so in the log. Every change of the shift is logged as a warning: a shifted clock is never silent.
/// </summary>
public sealed class ShiftedClock(string shiftFile, ILogger<ShiftedClock> logger) : TimeProvider
{
    /// <summary>The file is looked at (its timestamp and length, a stat) at most this often, not on every reading.</summary>
    const long RecheckMilliseconds = 1000;

    readonly Lock gate = new();
    long nextCheck = long.MinValue;
    (DateTime Written, long Length)? seen;
    string? refused;
    TimeSpan shift;

    public string ShiftFile => shiftFile;

    /// <summary>How far this clock runs ahead of real time now, after looking at the file if it is time to.</summary>
    public TimeSpan Shift
    {
        get
        {
            lock (gate)
            {
                if (Environment.TickCount64 >= nextCheck)
                {
                    nextCheck = Environment.TickCount64 + RecheckMilliseconds;
                    Recheck();
                }
                return shift;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;

    /// <summary>Reads the file when its timestamp or length changed since the last shift taken from it.</summary>
    void Recheck()
    {
        var file = new FileInfo(shiftFile);
        (DateTime, long)? version = file.Exists ? (file.LastWriteTimeUtc, file.Length) : null;
        if (version == seen)
        {
            return;
        }
        string text;
        try
        {
            text = version is null ? "" : File.ReadAllText(shiftFile).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Refuse($"cannot be read ({ex.Message})");
            return;
        }
        if (text.Length == 0)
        {
            Set(TimeSpan.Zero);
        }
        else if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed))
        {
            Set(parsed);
        }
        else
        {
            Refuse($"holds \"{(text.Length > 40 ? text[..40] + "…" : text)}\", not a time span such as 400.00:00:00");
            return;
        }
        seen = version;
        refused = null;
    }

    /// <summary>
    /// Keeps the last shift. The file is not remembered as seen, so a half-written one is read again at the next
    /// check; the same problem is logged once, not every second.
    /// </summary>
    void Refuse(string problem)
    {
        if (problem != refused)
        {
            refused = problem;
            logger.LogWarning("The clock shift file {ShiftFile} {Problem}; the clock stays shifted by {Shift}", shiftFile, problem, shift);
        }
    }

    void Set(TimeSpan value)
    {
        if (value == shift)
        {
            return;
        }
        shift = value;
        logger.LogWarning("The clock is now shifted by {Shift} (from {ShiftFile}): this process takes {Now:yyyy-MM-dd HH:mm:ss}Z for the time",
            value, shiftFile, System.GetUtcNow() + value);
    }
}
