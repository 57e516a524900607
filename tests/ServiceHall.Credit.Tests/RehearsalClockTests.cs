using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

/// <summary>
/// The rehearsal clock (Clock:ShiftFile, HallClock) as credit, whose publicity periods it moves, gets it: the
/// system clock itself unless the setting is given; real time plus the file's time span when it is, re-read when
/// the file changes.
/// </summary>
public sealed class RehearsalClockTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("servicehall-clock-").FullName;

    string ShiftFile => Path.Combine(folder, "shift");

    [Fact]
    public async Task Without_the_setting_credit_reads_the_system_clock()
    {
        await using var host = new ServiceHost<Program>("credit", Databases.Sqlite);

        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task With_the_setting_credit_reads_real_time_plus_the_shift()
    {
        File.WriteAllText(ShiftFile, "400.00:00:00");
        await using var host = new ServiceHost<Program>("credit", Databases.Sqlite,
            new Dictionary<string, string?> { [HallClock.ShiftFileKey] = ShiftFile });

        var clock = host.Services.GetRequiredService<TimeProvider>();

        Assert.IsType<ShiftedClock>(clock);
        AssertAhead(TimeSpan.FromDays(400), clock);
    }

    [Fact]
    public async Task A_changed_file_moves_the_clock_a_malformed_one_keeps_the_last_shift_a_missing_one_is_none()
    {
        var clock = new ShiftedClock(ShiftFile, NullLogger<ShiftedClock>.Instance);
        AssertAhead(TimeSpan.Zero, clock);

        await WriteAsync("3.00:00:00");
        Assert.Equal(TimeSpan.FromDays(3), await ShiftOnceReadAsync(clock, TimeSpan.Zero));
        AssertAhead(TimeSpan.FromDays(3), clock);

        await WriteAsync("next year");
        // Past the one-second recheck, so the next reading surely looks at the file.
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromDays(3), clock.Shift);

        await WriteAsync("-1.00:00:00");
        Assert.Equal(TimeSpan.FromDays(-1), await ShiftOnceReadAsync(clock, TimeSpan.FromDays(3)));

        File.Delete(ShiftFile);
        Assert.Equal(TimeSpan.Zero, await ShiftOnceReadAsync(clock, TimeSpan.FromDays(-1)));
    }

    /// <summary>Replaced whole, as an operator's editor or the end-to-end tests do.</summary>
    async Task WriteAsync(string text)
    {
        await File.WriteAllTextAsync(ShiftFile + ".next", text, TestContext.Current.CancellationToken);
        File.Move(ShiftFile + ".next", ShiftFile, overwrite: true);
    }

    /// <summary>The file is looked at about once a second: waits until the clock left <paramref name="before"/>.</summary>
    static async Task<TimeSpan> ShiftOnceReadAsync(ShiftedClock clock, TimeSpan before)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (clock.Shift == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        return clock.Shift;
    }

    static void AssertAhead(TimeSpan shift, TimeProvider clock)
    {
        var ahead = clock.GetUtcNow() - DateTimeOffset.UtcNow;
        Assert.InRange(ahead, shift - TimeSpan.FromMinutes(1), shift + TimeSpan.FromMinutes(1));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
