using Microsoft.EntityFrameworkCore;
using ServiceHall.Credit.Data;
using ServiceHall.Messaging;

namespace ServiceHall.Credit;

/// <summary>
/// Takes credit list entries off their public list on their date out: an entity whose last announcement showed an
/// entry whose date out has come since is announced again (version raised, outbox), so search and the entity's page
/// follow. Runs at start and then every Credit:ListSweep:Interval (default one hour). Idempotent: announcing sets
/// the entity's announced day, so it is not due again until another entry ends. Safe with several replicas: the
/// entity's version is a concurrency token, so of two replicas announcing the same entity one saves.
/// </summary>
public sealed class ListSweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ListSweep> logger)
    : BackgroundService
{
    public const string IntervalKey = "Credit:ListSweep:Interval";
    const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue(IntervalKey, TimeSpan.FromHours(1)), clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The list sweep failed; it runs again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Announces every entity due today; returns how many this replica announced.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var today = PublicityPeriod.Today(clock);
        var announced = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CreditDb>();
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var due = await db.Entities.AsNoTracking()
                .Where(MarketEntity.ListEntryEndedSinceAnnounced(today)).Where(e => !skipped.Contains(e.Code))
                .OrderBy(e => e.Code).Select(e => e.Code).Take(Batch).ToListAsync(cancellationToken);
            foreach (var code in due)
            {
                if (await AnnounceAsync(db, code, today, cancellationToken))
                {
                    announced++;
                }
                else
                {
                    skipped.Add(code);
                }
            }
            if (due.Count < Batch)
            {
                break;
            }
        }
        if (announced > 0)
        {
            logger.LogInformation("List sweep for {Today}: {Count} entities announced without their ended list entries", today, announced);
        }
        return announced;
    }

    static async Task<bool> AnnounceAsync(CreditDb db, string code, DateOnly today, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var entity = await db.EntitiesAsShown(today)
            .Where(MarketEntity.ListEntryEndedSinceAnnounced(today)).SingleOrDefaultAsync(e => e.Code == code, cancellationToken);
        if (entity is null)
        {
            return false;  // announced meanwhile
        }
        entity.Version++;
        db.Add(OutboxMessage.For(Topics.CreditEntityChanged, entity.ToEvent(today)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;  // another replica or a write got there first
        }
    }
}
