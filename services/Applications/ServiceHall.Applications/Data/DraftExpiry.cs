using Microsoft.EntityFrameworkCore;

namespace ServiceHall.Applications.Data;

/// <summary>
/// Removes drafts not saved again within Applications:DraftDays (default 30), on its own every hour. One delete
/// by date: idempotent, and safe with several replicas (a draft deleted twice is deleted once).
/// </summary>
public sealed class DraftExpiry(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<DraftExpiry> logger)
    : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromHours(1);

    public static TimeSpan Lifetime(IConfiguration configuration) =>
        TimeSpan.FromDays(Math.Max(1, configuration.GetValue("Applications:DraftDays", 30)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RemoveExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Removing expired drafts failed; trying again in an hour");
            }
            await Task.Delay(Every, time, stoppingToken);
        }
    }

    /// <summary>One round; returns how many drafts it removed.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDb>();
        var cutoff = time.GetUtcNow().UtcDateTime - Lifetime(configuration);
        return await db.Drafts.Where(d => d.SavedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
