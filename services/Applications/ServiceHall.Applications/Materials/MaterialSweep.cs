using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Data;
using ServiceHall.Blobs;

namespace ServiceHall.Applications.Materials;

/// <summary>
/// Removes uploads never attached to a case once they are older than <see cref="MaterialLimits.UnattachedFor"/>, unless
/// a saved draft of their owner attaches them (they then last as long as the draft):
/// at start and then every <see cref="MaterialLimits.SweepInterval"/>. Idempotent: what is gone is not found again.
/// Safe with several replicas and against a submission attaching the same file at that moment: the row is deleted
/// with a condition (still unattached) and only the replica whose delete took it removes the file; an attach that
/// comes after finds the row gone and is refused, one that came before makes the delete take nothing.
/// </summary>
public sealed class MaterialSweep(IServiceScopeFactory scopes, TimeProvider clock, MaterialLimits limits, IBlobStore blobs, ILogger<MaterialSweep> logger)
    : BackgroundService
{
    const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(limits.SweepInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a database that blinks must not stop the sweep for good.
                logger.LogWarning(ex, "The sweep of unattached materials failed; it runs again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>The uploads the owners' drafts attach (their saved forms are read whole; drafts are few per owner).</summary>
    static async Task<HashSet<string>> NamedByDraftsAsync(ApplicationsDb db, List<string> owners, CancellationToken cancellationToken)
    {
        var drafts = await db.Drafts.AsNoTracking().Where(d => owners.Contains(d.OwnerSubject)).ToListAsync(cancellationToken);
        return drafts.SelectMany(d => d.Form().Materials.Select(m => m.MaterialId)).ToHashSet();
    }

    /// <summary>Removes every unattached upload past its age that no draft attaches; returns how many this replica removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - limits.UnattachedFor;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDb>();
        var removed = 0;
        var inDrafts = new List<string>();
        while (true)
        {
            var due = await db.Materials.AsNoTracking()
                .Where(m => m.TrackingNumber == null && m.UploadedAt < cutoff && !inDrafts.Contains(m.Id))
                .OrderBy(m => m.UploadedAt).Take(Batch)
                .Select(m => new { m.Id, m.BlobKey, m.OwnerSubject })
                .ToListAsync(cancellationToken);
            // An upload a saved draft (暂存) attaches waits with the draft: the draft's own expiry ends both.
            var kept = await NamedByDraftsAsync(db, due.Select(m => m.OwnerSubject).Distinct().ToList(), cancellationToken);
            foreach (var material in due)
            {
                if (kept.Contains(material.Id))
                {
                    inDrafts.Add(material.Id);
                    continue;
                }
                var taken = await db.Materials.Where(m => m.Id == material.Id && m.TrackingNumber == null).ExecuteDeleteAsync(cancellationToken);
                if (taken == 0)
                {
                    continue;  // attached meanwhile, or another replica removed it
                }
                // An unattached upload never shares its bytes (a reuse copies an attached row), so the file goes too.
                await blobs.DeleteAsync(material.BlobKey, cancellationToken);
                removed++;
            }
            if (due.Count < Batch)
            {
                break;
            }
        }
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} uploaded materials never attached within {Age}", removed, limits.UnattachedFor);
        }
        return removed;
    }
}
