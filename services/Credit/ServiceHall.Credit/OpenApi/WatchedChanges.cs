using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;

namespace ServiceHall.Credit.OpenApi;

/// <summary>
/// Turns every entity announcement (the outbox's credit.entity.changed, whoever wrote it: a new penalty, a licence,
/// the publicity sweep, a list entry or a repair) into one change per watching client, saved in the same transaction
/// as the announcement: no change is lost between the two, and none is made without it. The kind comes from comparing
/// the announced public records with those the client last heard of (<see cref="EntityWatch.KnownRecordIds"/>).
/// </summary>
public sealed class WatchedChanges(TimeProvider clock) : SaveChangesInterceptor
{
    static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CreditDb db)
        {
            await QueueAsync(db, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CreditDb db)
        {
            // The service saves asynchronously everywhere; a synchronous save (a tool) waits for the same work.
            QueueAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    async Task QueueAsync(CreditDb db, CancellationToken cancellationToken)
    {
        var announcements = db.ChangeTracker.Entries<OutboxMessage>()
            .Where(e => e.State == EntityState.Added && e.Entity.Topic == Topics.CreditEntityChanged)
            .Select(e => Parser.Parse<EntityChanged>(e.Entity.Payload)).ToList();
        if (announcements.Count == 0)
        {
            return;
        }
        var codes = announcements.Select(a => a.Code).Distinct().ToList();
        var watches = await db.Set<EntityWatch>().Where(w => codes.Contains(w.EntityCode)).ToListAsync(cancellationToken);
        if (watches.Count == 0)
        {
            return;
        }
        var clients = watches.Select(w => w.ClientId).Distinct().ToList();
        var withWebhook = (await db.Set<ClientWebhook>().AsNoTracking().Where(w => clients.Contains(w.ClientId)).Select(w => w.ClientId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var announcement in announcements)
        {
            foreach (var watch in watches.Where(w => w.EntityCode == announcement.Code))
            {
                var change = Change(watch, announcement, now);
                watch.KnownRecordIds = string.Join(' ', announcement.Records.Select(r => r.Id));
                db.Add(new ChangeDelivery
                {
                    EventId = change.EventId,
                    ClientId = watch.ClientId,
                    EntityCode = announcement.Code,
                    Kind = (int)change.Kind,
                    Payload = JsonFormatter.Default.Format(change),
                    OccurredAt = now,
                    // Without a webhook the change is for the feed only.
                    NextAttemptAt = withWebhook.Contains(watch.ClientId) ? now : null,
                });
            }
        }
    }

    /// <summary>What the client has not heard of yet: records added to the public view, records gone from it.</summary>
    public static WatchedChange Change(EntityWatch watch, EntityChanged announcement, DateTime now)
    {
        var known = watch.KnownRecords();
        var announced = announcement.Records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var change = new WatchedChange
        {
            EventId = Guid.NewGuid().ToString(),
            Code = announcement.Code,
            Name = announcement.Name,
            OccurredAt = Timestamp.FromDateTime(now),
            Version = announcement.Version,
        };
        change.RecordsAdded.AddRange(announcement.Records.Where(r => !known.Contains(r.Id))
            .Select(r => new ChangedRecord { Id = r.Id, RecordKind = r.Kind, Title = r.Title }));
        change.RecordsRemoved.AddRange(known.Where(id => !announced.Contains(id)).Order(StringComparer.Ordinal)
            .Select(id => new ChangedRecord { Id = id }));
        change.Kind = change.RecordsAdded.Count > 0 ? ChangeKind.RecordAdded
            : change.RecordsRemoved.Count > 0 ? ChangeKind.RecordWithdrawn
            : ChangeKind.DetailsChanged;
        return change;
    }
}
