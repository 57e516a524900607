using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Ratings;

/// <summary>The words raters, officers and moderators read for ratings, in refusals and on the portal.</summary>
public static class RatingWords
{
    public static string Of(RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "非常满意",
        RatingLevel.Satisfied => "满意",
        RatingLevel.FairlySatisfied => "基本满意",
        RatingLevel.Dissatisfied => "不满意",
        RatingLevel.VeryDissatisfied => "非常不满意",
        _ => "未评价",
    };

    public static string Of(RatingChannel channel) => channel switch
    {
        RatingChannel.Online => "网上办事大厅",
        RatingChannel.Window => "窗口",
        RatingChannel.Mobile => "移动端",
        RatingChannel.Hotline => "热线电话",
        RatingChannel.SelfService => "自助终端",
        _ => "未知渠道",
    };

    public static string Of(RatingReason reason) => reason switch
    {
        RatingReason.Efficiency => "办事效率",
        RatingReason.Attitude => "服务态度",
        RatingReason.Materials => "材料要求",
        RatingReason.Process => "流程繁琐",
        RatingReason.System => "系统问题",
        RatingReason.Guidance => "指南说明",
        RatingReason.Result => "办理结果",
        RatingReason.Other => "其他",
        _ => "未知原因",
    };

    public static string Of(CommentStatus status) => status switch
    {
        CommentStatus.Pending => "待审核",
        CommentStatus.Approved => "已通过",
        CommentStatus.Rejected => "未通过",
        _ => "没有评价内容",
    };

    public static string Of(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "待整改",
        FollowUpStatus.Rectified => "已整改（待回访）",
        FollowUpStatus.CalledBack => "已回访（待评价人确认）",
        FollowUpStatus.Closed => "已关闭",
        _ => "无需整改",
    };

    public static string Of(FollowUpRules.Step step) => step switch
    {
        FollowUpRules.Step.Rectify => "登记整改",
        FollowUpRules.Step.CallBack => "登记回访",
        _ => "确认关闭",
    };
}
