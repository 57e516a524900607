namespace ServiceHall.Applications.Notifications;

/// <summary>
/// Sends a notification outside the hall: SMS or e-mail, through the county's gateway. A deployment registers its
/// own; the default only logs (masked). A sender that throws is tried again later; it must not send twice for one
/// successful call, and the dispatch calls it once per notification unless a send fails.
/// </summary>
public interface INotificationSender
{
    Task SendAsync(NotificationRecord notification, string mobile, CancellationToken cancellationToken);
}

/// <summary>The default sender: a log line, the mobile number masked, so a local hall shows what would be sent.</summary>
public sealed class LoggingNotificationSender(ILogger<LoggingNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(NotificationRecord notification, string mobile, CancellationToken cancellationToken)
    {
        logger.LogInformation("SMS to {Mobile}: 【{Title}】{Body}", PersonalNumbers.MaskMobile(mobile), notification.Title, PersonalNumbers.MaskAll(notification.Body));
        return Task.CompletedTask;
    }
}
