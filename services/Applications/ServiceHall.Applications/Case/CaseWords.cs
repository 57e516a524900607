using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Case;

/// <summary>The words applicants and officers read for a case's states and steps, in refusals and the clock.</summary>
public static class CaseWords
{
    public static string Of(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => "已申请（待受理）",
        ApplicationStatus.Accepted => "已受理",
        ApplicationStatus.Refused => "不予受理",
        ApplicationStatus.MaterialsRequested => "待补正",
        ApplicationStatus.SpecialProcedure => "特别程序中",
        ApplicationStatus.UnderReview => "审查中",
        ApplicationStatus.Approved => "准予许可（待办结）",
        ApplicationStatus.Denied => "不予许可（待办结）",
        ApplicationStatus.Completed => "已办结",
        ApplicationStatus.Withdrawn => "已撤回",
        _ => "未知状态",
    };

    public static string Of(CaseAction action) => action switch
    {
        CaseAction.Submitted => "提交申请",
        CaseAction.Accepted => "受理",
        CaseAction.Refused => "不予受理",
        CaseAction.Reviewed => "审查",
        CaseAction.CorrectionRequested => "补正告知",
        CaseAction.CorrectionSubmitted => "提交补正",
        CaseAction.SpecialProcedureStarted => "启动特别程序",
        CaseAction.SpecialProcedureEnded => "结束特别程序",
        CaseAction.Extended => "延期",
        CaseAction.Decided => "作出决定",
        CaseAction.Completed => "办结",
        CaseAction.Withdrawn => "撤回",
        _ => "未知环节",
    };

    public static string Of(SpecialProcedureKind kind) => kind switch
    {
        SpecialProcedureKind.Hearing => "听证",
        SpecialProcedureKind.ExpertReview => "专家评审",
        SpecialProcedureKind.Inspection => "现场核查",
        SpecialProcedureKind.Testing => "检验检测",
        SpecialProcedureKind.PublicNotice => "公示",
        _ => "特别程序",
    };
}
