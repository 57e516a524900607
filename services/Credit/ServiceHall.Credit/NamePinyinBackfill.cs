using Microsoft.EntityFrameworkCore;
using ServiceHall.Credit.Data;

namespace ServiceHall.Credit;

/// <summary>
/// Fills the name's pinyin and initials of entities registered before the lookup stored them (migration
/// EntityLookup): SQL cannot compute them, the shipped table can. Runs once at start, in code order, so it ends
/// even for a name without a readable character. Safe with several replicas: both compute the same value, and the
/// entity's version (a concurrency token) refuses the second save, which is then skipped.
/// </summary>
public sealed class NamePinyinBackfill(IServiceScopeFactory scopes, ILogger<NamePinyinBackfill> logger) : BackgroundService
{
    const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var filled = await FillAsync(stoppingToken);
            if (filled > 0)
            {
                logger.LogInformation("Filled the name pinyin of {Count} entities", filled);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lookup still finds these entities by code and name; the next start tries again.
            logger.LogWarning(ex, "The name pinyin backfill failed; it runs again at the next start");
        }
    }

    /// <summary>Returns how many entities this replica filled.</summary>
    public async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        var after = "";
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CreditDb>();
            var due = await db.Entities
                .Where(e => e.NamePinyin == "" && e.Name != "" && e.Code.CompareTo(after) > 0)
                .OrderBy(e => e.Code).Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return filled;
            }
            foreach (var entity in due)
            {
                // Setting the name computes its pinyin (MarketEntity.Name).
                entity.Name = entity.Name;
            }
            try
            {
                filled += await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another replica, or a change, saved these first: the pinyin is there either way.
            }
            after = due[^1].Code;
        }
    }
}
