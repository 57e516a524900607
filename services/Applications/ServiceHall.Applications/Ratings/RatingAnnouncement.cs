using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications.Ratings;

/// <summary>
/// The CaseRated integration event, added to the same save as the rating (outbox): statistics count a rating at once.
/// It carries no comment (that waits for moderation) and nothing of the rater.
/// </summary>
public static class RatingAnnouncement
{
    public static void Add(ApplicationsDb db, RatingRecord rating, DateOnly ratedOn) =>
        db.Outbox.Add(OutboxMessage.For(Topics.ApplicationsCaseRated, new CaseRated
        {
            EventId = Guid.NewGuid().ToString("N"),
            RatingId = rating.Id,
            TrackingNumber = rating.TrackingNumber,
            Channel = EnumWords.Of(rating.Channel),
            Level = EnumWords.Of(rating.Level),
            Reasons = { rating.Reasons.Select(r => EnumWords.Of(r)) },
            Bad = FollowUpRules.IsBad(rating.Level),
            ItemId = rating.ItemId,
            ItemName = rating.ItemName,
            DepartmentCode = rating.DepartmentCode,
            Department = rating.Department,
            RatedOn = WorkingCalendar.Format(ratedOn),
            FollowUpDueOn = rating.FollowUpDueOn is { } due ? WorkingCalendar.Format(due) : "",
        }));
}
