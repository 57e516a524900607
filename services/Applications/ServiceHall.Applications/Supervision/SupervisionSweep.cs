using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Case;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;
using ServiceHall.Messaging;

namespace ServiceHall.Applications.Supervision;

/// <summary>
/// 电子监察's sweep, every Applications:Supervision:SweepInterval (15 minutes): reads the running cases in batches (by
/// tracking number, so 100,000 open cases never sit in memory together), reads each clock today, and records each
/// warning a case newly reached with its CaseWarned event through the outbox, in one transaction. Cases that already
/// have every warning there is are not read at all. Safe on several replicas and when run twice: the warning's key
/// (case, level) lets only one record stand, and a batch that meets a warning another sweep recorded first is saved
/// again warning by warning, skipping those.
/// </summary>
public sealed class SupervisionSweep(IServiceScopeFactory scopes, CaseCalendar calendars, TimeProvider time, SupervisionSettings settings, ILogger<SupervisionSweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The supervision sweep failed; trying again in {Interval}", settings.SweepInterval);
            }
            await Task.Delay(settings.SweepInterval, time, stoppingToken);
        }
    }

    /// <summary>One round over every running case; returns how many warnings it recorded.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var today = CountyClock.Today(time.GetUtcNow().UtcDateTime);
        var after = "";
        var recorded = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDb>();
            var batch = await RunningAfterAsync(db, after, cancellationToken);
            if (batch.Count == 0)
            {
                return recorded;
            }
            after = batch[^1].TrackingNumber;
            recorded += await WarnAsync(db, batch, today, cancellationToken);
        }
    }

    /// <summary>A running case, with only what its clock and its warning need.</summary>
    sealed record Running(string TrackingNumber, string DepartmentCode, string Department, string ItemId, string ItemName, CaseClockReading.Facts Facts);

    async Task<List<Running>> RunningAfterAsync(ApplicationsDb db, string after, CancellationToken cancellationToken)
    {
        var rows = await db.Applications.AsNoTracking()
            // Accepted and not stopped: the clock runs or is paused. Past the statutory warning nothing more can come.
            .Where(a => a.AcceptedOn != null && a.StoppedOn == null && string.Compare(a.TrackingNumber, after) > 0)
            .Where(a => !db.CaseWarnings.Any(w => w.TrackingNumber == a.TrackingNumber && w.Level == WarningLevel.StatutoryOverdue))
            .OrderBy(a => a.TrackingNumber)
            .Take(settings.BatchSize)
            .Select(a => new
            {
                a.TrackingNumber, a.DepartmentCode, a.Department, a.ItemId, a.ItemName,
                a.AcceptedOn, a.LimitDays, a.LimitUnit, a.StatutoryDays, a.ExtensionDays, a.StoppedOn, a.Pauses,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Running(r.TrackingNumber, r.DepartmentCode, r.Department, r.ItemId, r.ItemName,
            new(r.AcceptedOn, r.LimitDays, r.LimitUnit, r.StatutoryDays, r.ExtensionDays, r.StoppedOn, r.Pauses)))];
    }

    async Task<int> WarnAsync(ApplicationsDb db, List<Running> batch, DateOnly today, CancellationToken cancellationToken)
    {
        var numbers = batch.Select(c => c.TrackingNumber).ToList();
        var given = (await db.CaseWarnings.AsNoTracking().Where(w => numbers.Contains(w.TrackingNumber))
                .Select(w => new { w.TrackingNumber, w.Level }).ToListAsync(cancellationToken))
            .Select(w => (w.TrackingNumber, w.Level)).ToHashSet();
        var calendar = await calendars.FromYearAsync(batch.Min(c => c.Facts.AcceptedOn!.Value.Year), cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var warnings = new List<(CaseWarningRecord Warning, OutboxMessage Event)>();
        foreach (var running in batch)
        {
            var clock = CaseClockReading.Read(running.Facts, calendar, today);
            foreach (var level in WarningRules.Reached(clock, settings.YellowShare).Where(l => !given.Contains((running.TrackingNumber, l))))
            {
                warnings.Add(Warning(running, level, clock, today, now));
            }
        }
        if (warnings.Count == 0)
        {
            return 0;
        }
        db.CaseWarnings.AddRange(warnings.Select(w => w.Warning));
        db.Outbox.AddRange(warnings.Select(w => w.Event));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return warnings.Count;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another sweep (a replica, or a round still running) recorded some of these first: nothing of this batch
            // was saved, so save each warning with its event on its own and leave out the ones already there.
            db.ChangeTracker.Clear();
        }
        var saved = 0;
        foreach (var (warning, announced) in warnings)
        {
            db.CaseWarnings.Add(warning);
            db.Outbox.Add(announced);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                saved++;
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                db.ChangeTracker.Clear();
            }
        }
        return saved;
    }

    static (CaseWarningRecord, OutboxMessage) Warning(Running running, WarningLevel level, CaseClock clock, DateOnly today, DateTime now)
    {
        var eventId = Guid.NewGuid().ToString("N");
        var allowed = clock.LimitDays + clock.ExtensionDays;
        var warning = new CaseWarningRecord
        {
            TrackingNumber = running.TrackingNumber,
            Level = level,
            DepartmentCode = running.DepartmentCode,
            OnDay = today,
            DaysUsed = clock.DaysUsed,
            AllowedDays = allowed,
            RecordedAt = ServiceDatabase.ToStoredPrecision(now),
            EventId = eventId,
        };
        var announced = OutboxMessage.For(Topics.ApplicationsCaseWarned, new CaseWarned
        {
            EventId = eventId,
            TrackingNumber = running.TrackingNumber,
            Level = level,
            DepartmentCode = running.DepartmentCode,
            Department = running.Department,
            ItemId = running.ItemId,
            ItemName = running.ItemName,
            DaysUsed = clock.DaysUsed,
            AllowedDays = allowed,
            StatutoryDays = clock.StatutoryDays,
            Deadline = clock.Deadline,
            OccurredOn = WorkingCalendar.Format(today),
        });
        return (warning, announced);
    }
}
