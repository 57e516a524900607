using Microsoft.Extensions.Localization;
using ServiceHall.Applications.V1;

namespace ServiceHall.Portal;

/// <summary>The words of 好差评 (levels, reasons, channels, moderation and follow-up states), all from the resources.</summary>
public static class RatingLabels
{
    /// <summary>The five levels in the order a rater reads them, best first.</summary>
    public static readonly RatingLevel[] Levels =
        [RatingLevel.VerySatisfied, RatingLevel.Satisfied, RatingLevel.FairlySatisfied, RatingLevel.Dissatisfied, RatingLevel.VeryDissatisfied];

    public static readonly RatingReason[] Reasons =
        [RatingReason.Efficiency, RatingReason.Attitude, RatingReason.Materials, RatingReason.Process, RatingReason.System, RatingReason.Guidance, RatingReason.Result, RatingReason.Other];

    public static string Level(IStringLocalizer text, RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => text["RatingVerySatisfied"],
        RatingLevel.Satisfied => text["RatingSatisfied"],
        RatingLevel.FairlySatisfied => text["RatingFairlySatisfied"],
        RatingLevel.Dissatisfied => text["RatingDissatisfied"],
        RatingLevel.VeryDissatisfied => text["RatingVeryDissatisfied"],
        _ => level.ToString(),
    };

    public static string Reason(IStringLocalizer text, RatingReason reason) => reason switch
    {
        RatingReason.Efficiency => text["ReasonEfficiency"],
        RatingReason.Attitude => text["ReasonAttitude"],
        RatingReason.Materials => text["ReasonMaterials"],
        RatingReason.Process => text["ReasonProcess"],
        RatingReason.System => text["ReasonSystem"],
        RatingReason.Guidance => text["ReasonGuidance"],
        RatingReason.Result => text["ReasonResult"],
        RatingReason.Other => text["ReasonOther"],
        _ => reason.ToString(),
    };

    public static string Channel(IStringLocalizer text, RatingChannel channel) => channel switch
    {
        RatingChannel.Online => text["ChannelOnline"],
        RatingChannel.Window => text["ChannelWindow"],
        RatingChannel.Mobile => text["ChannelMobile"],
        RatingChannel.Hotline => text["ChannelHotline"],
        RatingChannel.SelfService => text["ChannelSelfService"],
        _ => channel.ToString(),
    };

    public static string Comment(IStringLocalizer text, CommentStatus status) => status switch
    {
        CommentStatus.Pending => text["CommentPending"],
        CommentStatus.Approved => text["CommentApproved"],
        CommentStatus.Rejected => text["CommentRejected"],
        _ => "",
    };

    public static string FollowUp(IStringLocalizer text, FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => text["FollowUpOpen"],
        FollowUpStatus.Rectified => text["FollowUpRectified"],
        FollowUpStatus.CalledBack => text["FollowUpCalledBack"],
        FollowUpStatus.Closed => text["FollowUpClosed"],
        _ => status.ToString(),
    };

    public static string ReasonList(IStringLocalizer text, IEnumerable<RatingReason> reasons) =>
        string.Join(text["ListSeparator"].Value, reasons.Select(r => Reason(text, r)));
}
