using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications.Ratings;

/// <summary>What each rating request must carry, checked before anything is loaded; refusals name the field.</summary>
public static class RatingChecks
{
    public const int MaxCommentLength = 500;
    public const int MaxFollowUpTextLength = 2000;
    public const int MaxReasonLength = 500;

    public static FieldErrors Check(RateCaseRequest request)
    {
        var errors = new FieldErrors(RateCaseRequest.Descriptor).Required("tracking_number", request.TrackingNumber);
        if (request.Channel == RatingChannel.Unspecified || !Enum.IsDefined(request.Channel))
        {
            errors.Add("channel", "必填：网上办事大厅、窗口、移动端、热线电话或自助终端");
        }
        if (request.Level == RatingLevel.Unspecified || !Enum.IsDefined(request.Level))
        {
            errors.Add("level", "必填：非常满意、满意、基本满意、不满意或非常不满意");
        }
        if (request.Reasons.Any(r => r == RatingReason.Unspecified || !Enum.IsDefined(r)))
        {
            errors.Add("reasons", "含有不在列表中的原因");
        }
        else if (request.Reasons.Distinct().Count() != request.Reasons.Count)
        {
            errors.Add("reasons", "每个原因只能选一次");
        }
        return errors.MaxLength("comment", request.Comment, MaxCommentLength);
    }

    public static FieldErrors Check(ModerateCommentRequest request) =>
        new FieldErrors(ModerateCommentRequest.Descriptor).Required("rating_id", request.RatingId)
            .Required("reason", request.Reason).MaxLength("reason", request.Reason, MaxReasonLength);

    public static FieldErrors Check(RecordRectificationRequest request) =>
        new FieldErrors(RecordRectificationRequest.Descriptor).Required("rating_id", request.RatingId)
            .Required("rectification", request.Rectification).MaxLength("rectification", request.Rectification, MaxFollowUpTextLength);

    public static FieldErrors Check(RecordCallBackRequest request) =>
        new FieldErrors(RecordCallBackRequest.Descriptor).Required("rating_id", request.RatingId)
            .Required("call_back", request.CallBack).MaxLength("call_back", request.CallBack, MaxFollowUpTextLength);

    public static FieldErrors Check(CloseFollowUpRequest request) =>
        new FieldErrors(CloseFollowUpRequest.Descriptor).Required("rating_id", request.RatingId)
            .MaxLength("remark", request.Remark, MaxCommentLength);
}
