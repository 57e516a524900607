using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Data;

namespace ServiceHall.Applications.Notifications;

/// <summary>
/// Sends every notification not sent yet, on its own, every Applications:NotificationSeconds (default 5). Safe with
/// several replicas: a notification is claimed with a conditional update before it is sent, so only one replica
/// sends it; a replica that dies mid-send leaves a claim that lapses after a minute and another sends it. Idempotent:
/// a sent notification is never sent again. A failed send is tried again at the next round, at most 10 times.
/// </summary>
public sealed class NotificationDispatch(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<NotificationDispatch> logger)
    : BackgroundService
{
    public const int MaxAttempts = 10;
    static readonly TimeSpan Claim = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Applications:NotificationSeconds", 5)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending notifications failed; trying again in {Seconds} s", every.TotalSeconds);
            }
            await Task.Delay(every, time, stoppingToken);
        }
    }

    /// <summary>One round: every due notification claimed, sent and marked. Returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDb>();
        var sender = scope.ServiceProvider.GetRequiredService<INotificationSender>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Notifications.AsNoTracking()
            .Where(n => n.SentAt == null && n.SendAttempts < MaxAttempts && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .OrderBy(n => n.CreatedAt).Take(100)
            .Select(n => n.Id)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            var until = now + Claim;
            var claimed = await db.Notifications
                .Where(n => n.Id == id && n.SentAt == null && (n.ClaimedUntil == null || n.ClaimedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.ClaimedUntil, until).SetProperty(n => n.SendAttempts, n => n.SendAttempts + 1), cancellationToken);
            if (claimed == 0)
            {
                continue; // another replica has it
            }
            var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken);
            var mobile = await db.Applications.Where(a => a.TrackingNumber == notification.TrackingNumber).Select(a => a.ApplicantPhone).SingleAsync(cancellationToken);
            try
            {
                await sender.SendAsync(notification, mobile, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Notification {Id} could not be sent (attempt {Attempt}); it is tried again", id, notification.SendAttempts);
                await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(u => u.SetProperty(n => n.ClaimedUntil, (DateTime?)null), cancellationToken);
                continue;
            }
            await db.Notifications.Where(n => n.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.SentAt, time.GetUtcNow().UtcDateTime).SetProperty(n => n.ClaimedUntil, (DateTime?)null), cancellationToken);
            sent++;
        }
        return sent;
    }
}
