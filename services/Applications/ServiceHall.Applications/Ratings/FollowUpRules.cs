using Grpc.Core;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Ratings;

/// <summary>
/// The follow-up (整改 + 回访) of a bad rating as a state machine: 待整改 → 已整改 (the department rectifies) → 已回访
/// (it calls the rater back) → 已关闭 (the rater says whether it was resolved). Nothing else: any other step is
/// FailedPrecondition naming where the follow-up stands.
/// </summary>
public static class FollowUpRules
{
    public enum Step { Rectify, CallBack, Close }

    public static bool IsBad(RatingLevel level) => level is RatingLevel.Dissatisfied or RatingLevel.VeryDissatisfied;

    static FollowUpStatus AllowedFrom(Step step) => step switch
    {
        Step.Rectify => FollowUpStatus.Open,
        Step.CallBack => FollowUpStatus.Rectified,
        _ => FollowUpStatus.CalledBack,
    };

    /// <summary>Where the step leads; refused with the current state when the step is not allowed from it.</summary>
    public static FollowUpStatus Next(string ratingId, FollowUpStatus from, Step step)
    {
        if (from == FollowUpStatus.Unspecified)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"评价 {ratingId} 不是差评，没有整改回访"));
        }
        if (from != AllowedFrom(step))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"评价 {ratingId} 的整改回访当前为“{RatingWords.Of(from)}”，不能{RatingWords.Of(step)}；{RatingWords.Of(step)}须在“{RatingWords.Of(AllowedFrom(step))}”时进行"));
        }
        return step switch
        {
            Step.Rectify => FollowUpStatus.Rectified,
            Step.CallBack => FollowUpStatus.CalledBack,
            _ => FollowUpStatus.Closed,
        };
    }

    /// <summary>The department still owes its part (整改 or 回访) and the day it was due has passed.</summary>
    public static bool IsOverdue(FollowUpStatus status, DateOnly? dueOn, DateOnly today) =>
        status is FollowUpStatus.Open or FollowUpStatus.Rectified && dueOn is { } due && today > due;

    /// <summary>The states in which the department still owes its part.</summary>
    public static readonly FollowUpStatus[] Owed = [FollowUpStatus.Open, FollowUpStatus.Rectified];
}
