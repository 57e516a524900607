using System.Collections.Concurrent;
using ServiceHall.Applications.Notifications;

namespace ServiceHall.Applications.Tests;

/// <summary>An SMS gateway that keeps what it was given; it fails as many times as asked first.</summary>
sealed class RecordingSender : INotificationSender
{
    public ConcurrentQueue<(string Title, string Mobile, string TrackingNumber)> Messages { get; } = new();
    public int FailuresToCome { get; set; }

    public Task SendAsync(NotificationRecord notification, string mobile, CancellationToken cancellationToken)
    {
        if (FailuresToCome > 0)
        {
            FailuresToCome--;
            throw new HttpRequestException("the SMS gateway is down");
        }
        Messages.Enqueue((notification.Title, mobile, notification.TrackingNumber));
        return Task.CompletedTask;
    }
}
