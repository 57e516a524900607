using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Credit.Data;
using ServiceHall.Messaging;

namespace ServiceHall.Credit;

/// <summary>
/// What the credit sweeps share: something in an entity's public view ended on its own (a penalty's publicity, a list
/// entry's date out), so the entity is announced again, as today's view, through the outbox and search follows. Runs
/// at start and then every interval. Idempotent: announcing moves the entity's announced day, so it is not due again
/// until something else ends. Safe with several replicas: the entity's version is a concurrency token, so of two
/// replicas announcing the same entity one saves and the other's save is refused.
/// </summary>
public abstract class EntityAnnouncementSweep(IServiceScopeFactory scopes, TimeProvider clock, TimeSpan interval, ILogger logger) : BackgroundService
{
    const int Batch = 200;

    /// <summary>The sweep's name in the log ("publicity sweep").</summary>
    protected abstract string Name { get; }

    /// <summary>The entities whose last announcement showed something that has ended by today.</summary>
    protected abstract Expression<Func<MarketEntity, bool>> Due(DateOnly today);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a database that blinks must not stop the sweep for good.
                logger.LogWarning(ex, "The {Sweep} failed; it runs again at the next interval", Name);
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
                .Where(Due(today)).Where(e => !skipped.Contains(e.Code))
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
            logger.LogInformation("{Sweep} for {Today}: {Count} entities announced as of today", Name, today, announced);
        }
        return announced;
    }

    async Task<bool> AnnounceAsync(CreditDb db, string code, DateOnly today, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        // The announcement is the whole public view: the licences and the rest go along, or search would drop them.
        var entity = await db.EntitiesAsShown(today).Where(Due(today)).SingleOrDefaultAsync(e => e.Code == code, cancellationToken);
        if (entity is null)
        {
            return false;  // announced meanwhile, by another replica or a new record
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
