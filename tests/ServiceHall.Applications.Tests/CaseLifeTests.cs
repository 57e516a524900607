using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;
using static ServiceHall.Applications.Tests.Callers;

namespace ServiceHall.Applications.Tests;

/// <summary>A case worked through its life over gRPC on a fake clock, against SQLite and PostgreSQL alike.</summary>
public sealed class CaseLifeTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    /// <summary>负责人 of 县市场监督管理局: an officer who may also extend the department's cases.</summary>
    static readonly TestUser ShichangHead = new("shichang-head", [HallRoles.Officer, HallRoles.DepartmentHead], Department: FakeCatalog.MarketRegulation);

    static FakeCatalog Catalog() => new FakeCatalog().With("food-licence", ItemStatus.Published);

    static void ToDay(ApplicationsHost host, int year, int month, int day) =>
        host.Clock.SetUtcNow(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.FromHours(8)));

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_case_runs_from_submission_through_correction_to_completion_with_its_clock_and_trail(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog()); // Monday 2 March 2026
        var zhangsan = host.As(ZhangSan);
        var shichang = host.As(Shichang);
        var submitted = await zhangsan.SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel);
        var number = submitted.TrackingNumber;
        Assert.Equal((ClockState.NotStarted, 10, DeliveryChannel.Window), (submitted.Clock.State, submitted.Clock.LimitDays, submitted.Delivery));
        Assert.Equal(["受理", "审查", "决定"], submitted.ReviewSteps);

        var accepted = await shichang.AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = number, Opinion = "材料齐全，予以受理", InternalNote = "加急" }, cancellationToken: Cancel);
        Assert.Equal((ApplicationStatus.Accepted, ClockState.Running, "2026-03-02", "2026-03-16"), (accepted.Status, accepted.Clock.State, accepted.Clock.AcceptedOn, accepted.Clock.Deadline));

        ToDay(host, 2026, 3, 4);
        var asked = await shichang.RequestCorrectionAsync(new RequestCorrectionRequest
        {
            TrackingNumber = number,
            Items = { new CorrectionItem { Material = "营业执照", Problem = "复印件不清晰，请上传清晰的扫描件" }, new CorrectionItem { Material = "场所平面图", Problem = "缺少，请补充" } },
        }, cancellationToken: Cancel);
        Assert.Equal(ApplicationStatus.MaterialsRequested, asked.Status);
        Assert.Equal(2, asked.OpenCorrection.Count);

        ToDay(host, 2026, 3, 10);
        var waiting = await zhangsan.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = number }, cancellationToken: Cancel);
        Assert.Equal((ClockState.Paused, 2, 8), (waiting.Clock.State, waiting.Clock.DaysUsed, waiting.Clock.DaysLeft));
        Assert.Contains("补正", waiting.Clock.PausedReason);

        ToDay(host, 2026, 3, 11);
        var corrected = await zhangsan.SubmitCorrectionAsync(new SubmitCorrectionRequest { TrackingNumber = number, Response = "已重新上传营业执照并补充平面图" }, cancellationToken: Cancel);
        Assert.Equal((ApplicationStatus.Accepted, ClockState.Running, 0), (corrected.Status, corrected.Clock.State, corrected.OpenCorrection.Count));

        ToDay(host, 2026, 3, 13);
        var reviewed = await shichang.RecordReviewAsync(new RecordReviewRequest { TrackingNumber = number, Step = "审查", Opinion = "符合条件" }, cancellationToken: Cancel);
        Assert.Equal((ApplicationStatus.UnderReview, 4, "2026-03-23"), (reviewed.Status, reviewed.Clock.DaysUsed, reviewed.Clock.Deadline));
        var decided = await shichang.DecideApplicationAsync(new DecideApplicationRequest
        {
            TrackingNumber = number, Decision = Decision.Approve, Opinion = "准予许可", DocumentNumber = "镇市监食许〔2026〕12号", DocumentTitle = "食品经营许可证",
        }, cancellationToken: Cancel);
        Assert.Equal((ApplicationStatus.Approved, ClockState.Stopped, "2026-03-13"), (decided.Status, decided.Clock.State, decided.Clock.StoppedOn));

        ToDay(host, 2026, 3, 20);
        var completed = await shichang.CompleteApplicationAsync(new CompleteApplicationRequest { TrackingNumber = number, DeliveryNote = "已在窗口领取" }, cancellationToken: Cancel);
        Assert.Equal((ApplicationStatus.Completed, 4, false), (completed.Status, completed.Clock.DaysUsed, completed.Clock.Overdue));
        Assert.Equal("镇市监食许〔2026〕12号", completed.DocumentNumber);

        CaseAction[] actions = [CaseAction.Submitted, CaseAction.Accepted, CaseAction.CorrectionRequested, CaseAction.CorrectionSubmitted, CaseAction.Reviewed, CaseAction.Decided, CaseAction.Completed];
        var applicantTrail = await zhangsan.GetCaseTrailAsync(new GetCaseTrailRequest { TrackingNumber = number }, cancellationToken: Cancel);
        Assert.Equal(actions, applicantTrail.Steps.Select(s => s.Action));
        Assert.Equal(Enumerable.Range(1, actions.Length), applicantTrail.Steps.Select(s => s.Sequence));
        Assert.All(applicantTrail.Steps, s => Assert.Equal("", s.InternalNote)); // officers' notes stay inside
        Assert.Equal((DemoCounty.Shichang, HallRoles.Officer, "材料齐全，予以受理"), (applicantTrail.Steps[1].ActorName, applicantTrail.Steps[1].ActorRole, applicantTrail.Steps[1].Opinion));
        Assert.Equal(2, applicantTrail.Steps[2].CorrectionItems.Count);
        Assert.Equal((ApplicationStatus.MaterialsRequested, ApplicationStatus.Accepted), (applicantTrail.Steps[3].FromStatus, applicantTrail.Steps[3].ToStatus));

        var supervisorTrail = await host.As(Jiancha).GetCaseTrailAsync(new GetCaseTrailRequest { TrackingNumber = number }, cancellationToken: Cancel);
        Assert.Equal("加急", supervisorTrail.Steps[1].InternalNote);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Only_the_applicant_the_department_and_its_head_act_each_in_their_part(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var number = (await host.As(ZhangSan).SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel)).TrackingNumber;

        var otherDepartment = await RefusedAsync(host.As(Gongan).AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = number }, cancellationToken: Cancel));
        var applicant = await RefusedAsync(host.As(ZhangSan).AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = number }, cancellationToken: Cancel));
        var supervisor = await RefusedAsync(host.As(Jiancha).AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = number }, cancellationToken: Cancel));
        var anonymous = await RefusedAsync(host.Anonymous.AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = number }, cancellationToken: Cancel));
        Assert.Equal([StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.Unauthenticated],
            new[] { otherDepartment, applicant, supervisor, anonymous }.Select(e => e.StatusCode));
        Assert.Contains("承办部门的工作人员", otherDepartment.Status.Detail);

        await host.As(Shichang).AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = number }, cancellationToken: Cancel);
        var extend = new ExtendDeadlineRequest { TrackingNumber = number, WorkingDays = 5, Reason = "需征求相关部门意见" };
        var byOfficer = await RefusedAsync(host.As(Shichang).ExtendDeadlineAsync(extend, cancellationToken: Cancel));
        Assert.Equal(StatusCode.PermissionDenied, byOfficer.StatusCode);
        var extended = await host.As(ShichangHead).ExtendDeadlineAsync(extend, cancellationToken: Cancel);
        Assert.Equal((true, 5, "2026-03-23"), (extended.Extended, extended.Clock.ExtensionDays, extended.Clock.Deadline));
        var again = await RefusedAsync(host.As(ShichangHead).ExtendDeadlineAsync(extend, cancellationToken: Cancel));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("只能延期一次", again.Status.Detail);

        var otherApplicant = await RefusedAsync(host.As(LiSi).WithdrawApplicationAsync(new WithdrawApplicationRequest { TrackingNumber = number }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.PermissionDenied, otherApplicant.StatusCode);
        var withdrawn = await host.As(ZhangSan).WithdrawApplicationAsync(new WithdrawApplicationRequest { TrackingNumber = number, Reason = "不再需要" }, cancellationToken: Cancel);
        Assert.Equal((ApplicationStatus.Withdrawn, ClockState.Stopped), (withdrawn.Status, withdrawn.Clock.State));

        var afterWithdrawal = await RefusedAsync(host.As(Shichang).DecideApplicationAsync(new DecideApplicationRequest
        {
            TrackingNumber = number, Decision = Decision.Approve, Opinion = "准予", DocumentNumber = "1号", DocumentTitle = "许可证",
        }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.FailedPrecondition, afterWithdrawal.StatusCode);
        Assert.Contains("已撤回", afterWithdrawal.Status.Detail);
        // Refused steps leave no trace in the trail: submitted, accepted, extended, withdrawn.
        var trail = await host.As(ZhangSan).GetCaseTrailAsync(new GetCaseTrailRequest { TrackingNumber = number }, cancellationToken: Cancel);
        Assert.Equal([CaseAction.Submitted, CaseAction.Accepted, CaseAction.Extended, CaseAction.Withdrawn], trail.Steps.Select(s => s.Action));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Bad_step_input_is_refused_by_field_before_anything_changes(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var number = (await host.As(ZhangSan).SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel)).TrackingNumber;
        var shichang = host.As(Shichang);

        var noItems = await RefusedAsync(shichang.RequestCorrectionAsync(new RequestCorrectionRequest { TrackingNumber = number }, cancellationToken: Cancel));
        var noReason = await RefusedAsync(shichang.RefuseApplicationAsync(new RefuseApplicationRequest { TrackingNumber = number, Reason = " " }, cancellationToken: Cancel));
        await shichang.AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = number }, cancellationToken: Cancel);
        var unknownStep = await RefusedAsync(shichang.RecordReviewAsync(new RecordReviewRequest { TrackingNumber = number, Step = "现场勘验", Opinion = "好" }, cancellationToken: Cancel));
        var badSpecial = await RefusedAsync(shichang.StartSpecialProcedureAsync(new StartSpecialProcedureRequest { TrackingNumber = number, WorkingDays = 0, Reason = "需听证" }, cancellationToken: Cancel));
        var badDecision = await RefusedAsync(shichang.DecideApplicationAsync(new DecideApplicationRequest { TrackingNumber = number, Opinion = "准予" }, cancellationToken: Cancel));
        var notANumber = await RefusedAsync(shichang.AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = "SH2026" }, cancellationToken: Cancel));

        Assert.Equal("items: 补正清单：至少列出一项需要补正的材料（一次性告知全部问题）", noItems.Violations());
        Assert.Equal("reason: 不予受理理由：必填", noReason.Violations());
        Assert.StartsWith("step: 审查环节：不是本事项办理流程中的环节；可选：受理、审查、决定", unknownStep.Violations());
        Assert.Equal("kind: 特别程序种类：必填：听证、专家评审、现场核查、检验检测或公示\nworking_days: 特别程序时限：应为1至120个工作日", badSpecial.Violations());
        Assert.Equal("document_number: 决定文书文号：必填\ndocument_title: 决定文书名称：必填\ndecision: 审批决定：必填：准予（DECISION_APPROVE）或不予（DECISION_DENY）", badDecision.Violations());
        Assert.All(new[] { noItems, noReason, unknownStep, badSpecial, badDecision, notANumber }, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        var trail = await host.As(ZhangSan).GetCaseTrailAsync(new GetCaseTrailRequest { TrackingNumber = number }, cancellationToken: Cancel);
        Assert.Equal([CaseAction.Submitted, CaseAction.Accepted], trail.Steps.Select(s => s.Action));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_trail_is_append_only_in_the_database_itself(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var number = (await host.As(ZhangSan).SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel)).TrackingNumber;
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDb>();

        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
            "UPDATE case_steps SET \"Opinion\" = 'changed' WHERE \"TrackingNumber\" = {0}", [number], Cancel));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
            "DELETE FROM case_steps WHERE \"TrackingNumber\" = {0}", [number], Cancel));

        Assert.Contains("append-only", update.Message + update.InnerException?.Message);
        Assert.Contains("append-only", delete.Message + delete.InnerException?.Message);
        Assert.Equal(1, await db.CaseSteps.CountAsync(s => s.TrackingNumber == number, Cancel));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_department_queue_holds_its_own_open_cases_nearest_deadline_first(string database)
    {
        var catalog = Catalog().With("id-card", ItemStatus.Published, "居民身份证申领", "县公安局", FakeCatalog.PublicSecurity);
        await using var host = new ApplicationsHost(database, catalog);
        var zhangsan = host.As(ZhangSan);
        var first = (await zhangsan.SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel)).TrackingNumber;
        var second = (await zhangsan.SubmitApplicationAsync(Submit("key-2"), cancellationToken: Cancel)).TrackingNumber;
        var waiting = (await zhangsan.SubmitApplicationAsync(Submit("key-3"), cancellationToken: Cancel)).TrackingNumber;
        var police = (await zhangsan.SubmitApplicationAsync(Submit("key-4", "id-card"), cancellationToken: Cancel)).TrackingNumber;
        await host.As(Shichang).AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = second }, cancellationToken: Cancel);
        ToDay(host, 2026, 3, 3);
        await host.As(Shichang).AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = first }, cancellationToken: Cancel);

        var queue = await host.As(Shichang).ListDepartmentCasesAsync(new ListDepartmentCasesRequest(), cancellationToken: Cancel);
        Assert.Equal([second, first, waiting], queue.Applications.Select(a => a.TrackingNumber));
        Assert.Equal(["2026-03-16", "2026-03-17", ""], queue.Applications.Select(a => a.Clock.Deadline));

        var onlyWaiting = await host.As(Shichang).ListDepartmentCasesAsync(new ListDepartmentCasesRequest { Statuses = { ApplicationStatus.Submitted } }, cancellationToken: Cancel);
        Assert.Equal([waiting], onlyWaiting.Applications.Select(a => a.TrackingNumber));
        var policeQueue = await host.As(Gongan).ListDepartmentCasesAsync(new ListDepartmentCasesRequest(), cancellationToken: Cancel);
        Assert.Equal([police], policeQueue.Applications.Select(a => a.TrackingNumber));
        var everyone = await host.As(Jiancha).ListDepartmentCasesAsync(new ListDepartmentCasesRequest(), cancellationToken: Cancel);
        Assert.Equal(4, everyone.Applications.Count);

        var otherDepartment = await RefusedAsync(host.As(Gongan).ListDepartmentCasesAsync(new ListDepartmentCasesRequest { DepartmentCode = FakeCatalog.MarketRegulation }, cancellationToken: Cancel));
        var applicant = await RefusedAsync(zhangsan.ListDepartmentCasesAsync(new ListDepartmentCasesRequest(), cancellationToken: Cancel));
        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (otherDepartment.StatusCode, applicant.StatusCode));
    }
}
