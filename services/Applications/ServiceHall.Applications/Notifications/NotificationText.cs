using ServiceHall.Applications.Case;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Notifications;

/// <summary>
/// What the applicant is told after a step of their case that concerns them. Steps the applicant took themselves
/// (answering 补正, withdrawing) and the department's internal progress (a review step) tell them nothing.
/// </summary>
public static class NotificationText
{
    public static (string Title, string Body)? For(CaseAction action, ApplicationRecord application, CaseStepRecord step, CaseClock clock)
    {
        var about = $"您申请的“{application.ItemName}”（申请编号 {application.TrackingNumber}）";
        return action switch
        {
            CaseAction.Accepted => ("申请已受理", $"{about}已受理，办理期限至{clock.Deadline}。"),
            CaseAction.Refused => ("申请不予受理", $"{about}不予受理，理由：{step.Opinion}"),
            CaseAction.CorrectionRequested => ("需要补正材料",
                $"{about}需要补正{step.CorrectionItems.Count}项材料，请登录查看补正清单并在线提交；补正期间暂停计时。"),
            CaseAction.SpecialProcedureStarted => ("进入特别程序",
                $"{about}进入{CaseWords.Of(step.SpecialProcedure)}程序，{step.WorkingDays}个工作日内不计入办理时限：{step.Opinion}"),
            CaseAction.Extended => ("办理期限延长", $"{about}的办理期限延长{step.WorkingDays}个工作日，至{clock.Deadline}，理由：{step.Opinion}"),
            CaseAction.Decided => (step.Decision == Decision.Approve ? "准予许可" : "不予许可",
                $"{about}已作出决定：《{step.DocumentTitle}》（{step.DocumentNumber}）。{step.Opinion}"),
            CaseAction.Completed => ("申请已办结", $"{about}已办结，结果按您选择的方式（{DeliveryWord(application.Delivery)}）送达。"),
            _ => null,
        };
    }

    static string DeliveryWord(DeliveryChannel delivery) => delivery switch
    {
        DeliveryChannel.Post => "邮寄送达",
        DeliveryChannel.Electronic => "电子送达",
        _ => "窗口领取",
    };
}
