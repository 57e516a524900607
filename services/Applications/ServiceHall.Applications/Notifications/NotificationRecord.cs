using Google.Protobuf.WellKnownTypes;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Notifications;

/// <summary>
/// A message to the applicant about a step of their case: shown in the portal's 我的消息 and sent once by SMS (or
/// whatever <see cref="INotificationSender"/> is registered). Written in the same transaction as the step, so a
/// step never goes unannounced and a refused step announces nothing. Its id is the step's CaseChanged event id.
/// </summary>
public sealed class NotificationRecord
{
    public required string Id { get; init; }
    public required string RecipientSubject { get; init; }
    public required string TrackingNumber { get; init; }
    /// <summary>The step's number in the case's trail: orders one case's notifications even within one instant.</summary>
    public required int StepSequence { get; init; }
    public required CaseAction Action { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? ReadAt { get; set; }
    /// <summary>When the sender delivered it; null until then.</summary>
    public DateTime? SentAt { get; set; }
    /// <summary>A replica sending it holds it until then; another replica takes it over only after.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public int SendAttempts { get; set; }

    public Notification ToMessage() => new()
    {
        Id = Id,
        TrackingNumber = TrackingNumber,
        Action = Action,
        Title = Title,
        Body = PersonalNumbers.MaskAll(Body),
        CreatedAt = Timestamp.FromDateTime(CreatedAt),
        Read = ReadAt is not null,
    };
}
