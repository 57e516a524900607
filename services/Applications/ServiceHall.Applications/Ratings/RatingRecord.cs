using Google.Protobuf.WellKnownTypes;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Ratings;

/// <summary>
/// One rating (评价) of a completed case in one channel, with the follow-up (整改 + 回访) a bad rating opens. The
/// item and department are copied from the case, so statistics and the follow-up board never read the case table.
/// The comment is stored masked: nothing of a personal number is kept where moderation or the public might read it.
/// </summary>
public sealed class RatingRecord
{
    public required string Id { get; init; }
    public required string TrackingNumber { get; init; }
    public required RatingChannel Channel { get; init; }
    public required RatingLevel Level { get; init; }
    public List<RatingReason> Reasons { get; init; } = [];
    /// <summary>Personal numbers already masked (PersonalNumbers.MaskAll) when saved.</summary>
    public string Comment { get; init; } = "";
    /// <summary>The token subject of the applicant who rated: the case's owner.</summary>
    public required string RaterSubject { get; init; }
    public required DateTime RatedAt { get; init; }
    /// <summary>The county day of <see cref="RatedAt"/>: what the public figures count ratings by.</summary>
    public DateOnly RatedOn { get; init; }
    public required string ItemId { get; init; }
    public required string ItemName { get; init; }
    public required string Department { get; init; }
    public required string DepartmentCode { get; init; }

    // Moderation of the comment: pending until an administrator decides.
    public CommentStatus CommentStatus { get; set; }
    public string ModerationReason { get; set; } = "";
    public string ModeratorSubject { get; set; } = "";
    public DateTime? ModeratedAt { get; set; }

    // The follow-up (bad ratings only; Unspecified otherwise).
    public FollowUpStatus FollowUpStatus { get; set; }
    /// <summary>The county day by which the department must have rectified and called back.</summary>
    public DateOnly? FollowUpDueOn { get; set; }
    public string Rectification { get; set; } = "";
    public string RectifiedBy { get; set; } = "";
    public DateTime? RectifiedAt { get; set; }
    public string CallBack { get; set; } = "";
    public string CalledBackBy { get; set; } = "";
    public DateTime? CalledBackAt { get; set; }
    public bool Resolved { get; set; }
    public string Remark { get; set; } = "";
    public DateTime? ClosedAt { get; set; }

    /// <summary>Two people acting on one follow-up or comment at once: the later save is refused.</summary>
    public int Version { get; set; }

    public Rating ToMessage(DateOnly today)
    {
        var rating = new Rating
        {
            RatingId = Id,
            TrackingNumber = TrackingNumber,
            Channel = Channel,
            Level = Level,
            Reasons = { Reasons },
            Comment = Comment,
            CommentStatus = CommentStatus,
            ModerationReason = ModerationReason,
            RatedAt = Timestamp.FromDateTime(RatedAt),
            ItemName = ItemName,
            Department = Department,
            DepartmentCode = DepartmentCode,
        };
        if (FollowUpStatus != FollowUpStatus.Unspecified)
        {
            rating.FollowUp = new FollowUp
            {
                Status = FollowUpStatus,
                DueOn = FollowUpDueOn is { } due ? WorkingCalendar.Format(due) : "",
                Overdue = FollowUpRules.IsOverdue(FollowUpStatus, FollowUpDueOn, today),
                Rectification = PersonalNumbers.MaskAll(Rectification),
                RectifiedBy = RectifiedBy,
                RectifiedAt = Stamp(RectifiedAt),
                CallBack = PersonalNumbers.MaskAll(CallBack),
                CalledBackBy = CalledBackBy,
                CalledBackAt = Stamp(CalledBackAt),
                Resolved = Resolved,
                Remark = PersonalNumbers.MaskAll(Remark),
                ClosedAt = Stamp(ClosedAt),
            };
        }
        return rating;
    }

    static Timestamp? Stamp(DateTime? at) => at is { } value ? Timestamp.FromDateTime(value) : null;
}
