using Microsoft.EntityFrameworkCore;
using ServiceHall.Credit.Data;
using ServiceHall.Messaging;

namespace ServiceHall.Credit;

/// <summary>
/// Takes penalties out of public view when their publicity period (公示期) ends: an entity whose last announcement
/// showed a penalty that has ended since is announced again, without it, through the outbox, so search drops it.
/// Runs at start and then every Credit:PublicitySweep:Interval (default one hour). Idempotent: an announced entity
/// is not due again until another penalty ends. Safe with several replicas: the entity's version is a
/// concurrency token, so of two replicas announcing the same entity one saves and the other's save is refused.
/// </summary>
public sealed class PublicitySweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<PublicitySweep> logger)
    : BackgroundService
{
    public const string IntervalKey = "Credit:PublicitySweep:Interval";
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
                // The next tick tries again; a database that blinks must not stop the sweep for good.
                logger.LogWarning(ex, "The publicity sweep failed; it runs again at the next interval");
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
                .Where(MarketEntity.PublicityEndedSinceAnnounced(today)).Where(e => !skipped.Contains(e.Code))
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
            logger.LogInformation("Publicity sweep for {Today}: {Count} entities announced without their ended penalties", today, announced);
        }
        return announced;
    }

    static async Task<bool> AnnounceAsync(CreditDb db, string code, DateOnly today, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        // The announcement is the whole public view: the licences go along, or search would drop them.
        var entity = await db.EntitiesAsShown(today)
            .Where(MarketEntity.PublicityEndedSinceAnnounced(today)).SingleOrDefaultAsync(e => e.Code == code, cancellationToken);
        if (entity is null)
        {
            return false;  // announced meanwhile, by another replica or a new penalty
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
            return false;  // another replica or a write got there first; its event carries today's view
        }
    }
}
