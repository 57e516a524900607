using ServiceHall.Applications.Data;
using ServiceHall.Applications.Notifications;
using ServiceHall.Applications.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications.Case;

/// <summary>
/// What a step announces, added to the same save as the step: the CaseChanged integration event for other services
/// (through the outbox) and, when the step concerns the applicant, their notification under the same id.
/// </summary>
public static class CaseAnnouncements
{
    public static void Add(ApplicationsDb db, ApplicationRecord application, CaseStepRecord step, CaseClock clock, DateOnly today)
    {
        var eventId = Guid.NewGuid().ToString("N");
        db.Outbox.Add(OutboxMessage.For(Topics.ApplicationsCaseChanged, new CaseChanged
        {
            EventId = eventId,
            TrackingNumber = application.TrackingNumber,
            Sequence = step.Sequence,
            Action = EnumWords.Of(step.Action),
            Status = EnumWords.Of(application.Status),
            ItemId = application.ItemId,
            ItemName = application.ItemName,
            DepartmentCode = application.DepartmentCode,
            ApplicantKind = application.ApplicantKind,
            ApplicantCreditCode = application.ApplicantCreditCode,
            Decision = EnumWords.Of(application.Decision),
            DocumentNumber = application.DocumentNumber,
            DocumentTitle = application.DocumentTitle,
            OccurredOn = WorkingCalendar.Format(today),
            ItemType = application.ItemType,
            Department = application.Department,
            // A business's name is public (it is on its licence); a natural person's leaves masked as the national
            // credit sites publish it (张*), so no other service ever holds it whole.
            ApplicantName = application.ApplicantKind == Applicant.Business
                ? PersonalNumbers.MaskAll(application.ApplicantName)
                : PersonNames.Masked(application.ApplicantName),
        }));
        if (NotificationText.For(step.Action, application, step, clock) is { } text)
        {
            db.Notifications.Add(new NotificationRecord
            {
                Id = eventId,
                RecipientSubject = application.OwnerSubject,
                TrackingNumber = application.TrackingNumber,
                StepSequence = step.Sequence,
                Action = step.Action,
                Title = text.Title,
                Body = text.Body,
                CreatedAt = step.At,
            });
        }
    }
}
