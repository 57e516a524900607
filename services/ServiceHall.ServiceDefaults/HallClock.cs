using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// The clock a service's date rules read (publicity periods, the working-day calendar, reply deadlines): the
/// <see cref="TimeProvider"/> in its container. Exactly <see cref="TimeProvider.System"/> unless Clock:ShiftFile
/// names a file: then a <see cref="ShiftedClock"/>, for acceptance rehearsals and the end-to-end tests, where real
/// processes cannot share a fake clock. Never meant for a hall in service; it warns at start so nobody misses it.
/// </summary>
public static class HallClock
{
    public const string ShiftFileKey = "Clock:ShiftFile";

    public static WebApplicationBuilder AddHallClock(this WebApplicationBuilder builder)
    {
        var shiftFile = builder.Configuration[ShiftFileKey];
        if (string.IsNullOrWhiteSpace(shiftFile))
        {
            builder.Services.AddSingleton(TimeProvider.System);
            return builder;
        }
        var path = Path.Combine(builder.Environment.ContentRootPath, shiftFile);
        builder.Services.AddSingleton<ShiftedClock>(s => new ShiftedClock(path, s.GetRequiredService<ILogger<ShiftedClock>>()));
        builder.Services.AddSingleton<TimeProvider>(s => s.GetRequiredService<ShiftedClock>());
        builder.Services.AddHostedService<ShiftedClockWarning>();
        return builder;
    }

    /// <summary>Says at start that the clock may be shifted, and by how much now; later changes log their own warning.</summary>
    sealed class ShiftedClockWarning(ShiftedClock clock, ILogger<ShiftedClockWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning("{Key} is set: this process's clock is shifted by the time span in {ShiftFile}, now {Shift}. For rehearsals only, never in service",
                ShiftFileKey, clock.ShiftFile, clock.Shift);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
