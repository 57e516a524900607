using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Case;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>
/// The steps of a case's life (docs/domain.md §5): each loads the case, checks who acts and what the state allows
/// (CaseRules), changes the case and appends its step to the trail in one save. Two people acting on one case at
/// once cannot both win: the case's version makes the later save fail, and the later one is told to look again.
/// </summary>
public sealed partial class ApplicationsService
{
    const string OfficerRoles = HallRoles.Officer;

    [Authorize(Roles = OfficerRoles)]
    public override Task<Application> AcceptApplication(AcceptApplicationRequest request, ServerCallContext context)
    {
        CaseChecks.Opinion(AcceptApplicationRequest.Descriptor, "opinion", request.Opinion, required: false, request.InternalNote).ThrowIfAny();
        return StepAsync(request.TrackingNumber, CaseAction.Accepted, Actor.Officer, context, (application, today) =>
        {
            application.AcceptedOn = today;
            return new Step(request.Opinion, request.InternalNote);
        });
    }

    [Authorize(Roles = OfficerRoles)]
    public override Task<Application> RefuseApplication(RefuseApplicationRequest request, ServerCallContext context)
    {
        CaseChecks.Opinion(RefuseApplicationRequest.Descriptor, "reason", request.Reason, required: true, request.InternalNote).ThrowIfAny();
        return StepAsync(request.TrackingNumber, CaseAction.Refused, Actor.Officer, context, (_, _) => new Step(request.Reason, request.InternalNote));
    }

    [Authorize(Roles = OfficerRoles)]
    public override Task<Application> RecordReview(RecordReviewRequest request, ServerCallContext context)
    {
        CaseChecks.Opinion(RecordReviewRequest.Descriptor, "opinion", request.Opinion, required: true, request.InternalNote)
            .Required("step", request.Step).ThrowIfAny();
        return StepAsync(request.TrackingNumber, CaseAction.Reviewed, Actor.Officer, context, (application, _) =>
        {
            var step = request.Step.Trim();
            if (application.ReviewSteps.Count > 0 && !application.ReviewSteps.Contains(step))
            {
                throw new FieldErrors(RecordReviewRequest.Descriptor)
                    .Add("step", $"不是本事项办理流程中的环节；可选：{string.Join("、", application.ReviewSteps)}").Refusal();
            }
            return new Step(request.Opinion, request.InternalNote) { ReviewStep = step };
        });
    }

    [Authorize(Roles = OfficerRoles)]
    public override Task<Application> RequestCorrection(RequestCorrectionRequest request, ServerCallContext context)
    {
        CaseChecks.Check(request).ThrowIfAny();
        var items = request.Items.Select(i => new CorrectionItem { Material = i.Material.Trim(), Problem = i.Problem.Trim() }).ToList();
        return StepAsync(request.TrackingNumber, CaseAction.CorrectionRequested, Actor.Officer, context, (application, today) =>
        {
            application.ResumeStatus = application.Status;
            application.OpenCorrection = items;
            application.Pauses = [.. application.Pauses, new CasePause(today, null)];
            return new Step("", request.InternalNote) { CorrectionItems = items };
        });
    }

    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<Application> SubmitCorrection(SubmitCorrectionRequest request, ServerCallContext context)
    {
        CheckAttachments(CaseChecks.Opinion(SubmitCorrectionRequest.Descriptor, "response", request.Response, required: true), request.Materials).ThrowIfAny();
        if (request.Materials.Count > 0)
        {
            // The files are checked (and readied, tracked) before the step; they are saved with it, or not at all.
            var asked = await LoadAsync(request.TrackingNumber, context.CancellationToken);
            EnsureMayAct(context.GetHttpContext().User, asked, Actor.Applicant, CaseAction.CorrectionSubmitted);
            await AttachAsync(asked, request.Materials, SubmitCorrectionRequest.Descriptor,
                [.. asked.OpenCorrection.Select(c => c.Material)], context.CancellationToken);
        }
        return await StepAsync(request.TrackingNumber, CaseAction.CorrectionSubmitted, Actor.Applicant, context, (application, today) =>
        {
            application.OpenCorrection = [];
            application.Pauses = [.. application.Pauses.Select(p => p.IsCorrection && p.IsOpen ? p with { EndedOn = today } : p)];
            return new Step(request.Response, "");
        });
    }

    [Authorize(Roles = OfficerRoles)]
    public override Task<Application> StartSpecialProcedure(StartSpecialProcedureRequest request, ServerCallContext context)
    {
        CaseChecks.Check(request).ThrowIfAny();
        return StepAsync(request.TrackingNumber, CaseAction.SpecialProcedureStarted, Actor.Officer, context, (application, today) =>
        {
            application.Pauses = [.. application.Pauses, new CasePause(today, null, request.Kind, request.WorkingDays)];
            return new Step(request.Reason, request.InternalNote) { WorkingDays = request.WorkingDays, SpecialProcedure = request.Kind };
        });
    }

    [Authorize(Roles = OfficerRoles)]
    public override Task<Application> EndSpecialProcedure(EndSpecialProcedureRequest request, ServerCallContext context)
    {
        CaseChecks.Opinion(EndSpecialProcedureRequest.Descriptor, "opinion", request.Opinion, required: true, request.InternalNote).ThrowIfAny();
        return StepAsync(request.TrackingNumber, CaseAction.SpecialProcedureEnded, Actor.Officer, context, (application, today) =>
        {
            var open = application.Pauses.Last(p => !p.IsCorrection && p.IsOpen);
            application.Pauses = [.. application.Pauses.Select(p => p == open ? p with { EndedOn = today } : p)];
            return new Step(request.Opinion, request.InternalNote) { SpecialProcedure = open.Special };
        });
    }

    [Authorize(Roles = HallRoles.DepartmentHead)]
    public override Task<Application> ExtendDeadline(ExtendDeadlineRequest request, ServerCallContext context) =>
        StepAsync(request.TrackingNumber, CaseAction.Extended, Actor.DepartmentHead, context, (application, _) =>
        {
            if (application.AcceptedOn is null)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"申请 {application.TrackingNumber} 尚未受理，办理时限还没有开始计算，不能延期"));
            }
            if (application.ExtensionDays > 0)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition,
                    $"申请 {application.TrackingNumber} 已延期{application.ExtensionDays}天，每件申请只能延期一次"));
            }
            CaseChecks.Check(request, application.LimitDays).ThrowIfAny();
            application.ExtensionDays = request.WorkingDays;
            return new Step(request.Reason, "") { WorkingDays = request.WorkingDays };
        });

    [Authorize(Roles = OfficerRoles)]
    public override async Task<Application> DecideApplication(DecideApplicationRequest request, ServerCallContext context)
    {
        CaseChecks.Check(request).ThrowIfAny();
        var document = await DecisionDocumentAsync(request, context);
        return await StepAsync(request.TrackingNumber, CaseAction.Decided, Actor.Officer, context, (application, _) =>
        {
            if (document is not null)
            {
                document.TrackingNumber = application.TrackingNumber;
                document.Slot = DecisionDocumentSlot;
                document.Purpose = MaterialPurpose.DecisionDocument;
                document.AttachedAt = time.StoredUtcNow();
            }
            application.Decision = request.Decision;
            application.DocumentNumber = request.DocumentNumber.Trim();
            application.DocumentTitle = request.DocumentTitle.Trim();
            return new Step(request.Opinion, request.InternalNote)
            {
                Decision = request.Decision, DocumentNumber = application.DocumentNumber, DocumentTitle = application.DocumentTitle,
            };
        }, approved: request.Decision == Decision.Approve);
    }

    const string DecisionDocumentSlot = "决定文书";

    /// <summary>The deciding officer's own upload, not attached yet (tracked: it is attached with the decision), or null.</summary>
    async Task<MaterialRecord?> DecisionDocumentAsync(DecideApplicationRequest request, ServerCallContext context)
    {
        var id = request.DocumentMaterialId.Trim();
        if (id.Length == 0)
        {
            return null;
        }
        var officer = context.GetHttpContext().User.Subject();
        var document = await db.Materials.SingleOrDefaultAsync(m => m.Id == id && m.OwnerSubject == officer, context.CancellationToken);
        if (document is null || document.TrackingNumber is not null)
        {
            throw new FieldErrors(DecideApplicationRequest.Descriptor).Add("document_material_id", document is null
                ? $"没有编号为 {Shorten(id)} 的本人上传的文件"
                : $"文件“{document.FileName}”已用于申请 {document.TrackingNumber}").Refusal();
        }
        return document;
    }

    [Authorize(Roles = OfficerRoles)]
    public override Task<Application> CompleteApplication(CompleteApplicationRequest request, ServerCallContext context)
    {
        CaseChecks.Opinion(CompleteApplicationRequest.Descriptor, "delivery_note", request.DeliveryNote, required: false).ThrowIfAny();
        return StepAsync(request.TrackingNumber, CaseAction.Completed, Actor.Officer, context, (_, _) => new Step(request.DeliveryNote, ""));
    }

    [Authorize(Roles = HallRoles.Applicant)]
    public override Task<Application> WithdrawApplication(WithdrawApplicationRequest request, ServerCallContext context)
    {
        CaseChecks.Opinion(WithdrawApplicationRequest.Descriptor, "reason", request.Reason, required: false).ThrowIfAny();
        return StepAsync(request.TrackingNumber, CaseAction.Withdrawn, Actor.Applicant, context, (application, _) =>
        {
            application.OpenCorrection = [];
            return new Step(request.Reason, "");
        });
    }

    /// <summary>What a step records beside who and when.</summary>
    sealed record Step(string Opinion, string InternalNote)
    {
        public List<CorrectionItem> CorrectionItems { get; init; } = [];
        public string ReviewStep { get; init; } = "";
        public int WorkingDays { get; init; }
        public SpecialProcedureKind SpecialProcedure { get; init; }
        public Decision Decision { get; init; }
        public string DocumentNumber { get; init; } = "";
        public string DocumentTitle { get; init; } = "";
    }

    /// <summary>Who may take a step: the applicant who owns the case, or an officer or the head of its department.</summary>
    enum Actor { Applicant, Officer, DepartmentHead }

    async Task<Application> StepAsync(string trackingNumberText, CaseAction action, Actor actor, ServerCallContext context,
        Func<ApplicationRecord, DateOnly, Step> change, bool approved = false)
    {
        var trackingNumber = ParseTrackingNumber(trackingNumberText);
        var cancellationToken = context.CancellationToken;
        var application = await db.Applications.SingleOrDefaultAsync(a => a.TrackingNumber == trackingNumber, cancellationToken)
            ?? throw new FieldErrors(GetApplicationRequest.Descriptor).Add("tracking_number", $"没有编号为 {trackingNumber} 的申请").Refusal(StatusCode.NotFound);
        var user = context.GetHttpContext().User;
        EnsureMayAct(user, application, actor, action);

        var today = Today();
        var calendar = await calendars.FromYearAsync(application.AcceptedOn?.Year ?? today.Year, cancellationToken);
        var from = application.Status;
        var to = CaseRules.Next(application.TrackingNumber, from, action, application.ResumeStatus, approved);
        var step = change(application, today);
        application.Status = to;
        if (from == ApplicationStatus.MaterialsRequested && to != ApplicationStatus.MaterialsRequested)
        {
            application.ResumeStatus = ApplicationStatus.Unspecified;
        }
        if (CaseRules.StopsClock(to))
        {
            application.StoppedOn = today;
            application.Pauses = [.. application.Pauses.Select(p => p.IsOpen ? p with { EndedOn = today } : p)];
        }
        var clock = CaseClockReading.Read(application.ClockFacts, calendar, today);
        application.DeadlineOn = WorkingCalendar.TryParse(clock.Deadline, out var deadline) ? deadline : null;
        if (CaseRules.StopsClock(to))
        {
            application.DaysUsedAtStop = clock.DaysUsed;
        }
        if (to == ApplicationStatus.Completed)
        {
            application.CompletedOn = today;
        }
        application.Version++;

        var sequence = await db.CaseSteps.CountAsync(s => s.TrackingNumber == trackingNumber, cancellationToken) + 1;
        var stepRecord = new CaseStepRecord
        {
            TrackingNumber = trackingNumber,
            Sequence = sequence,
            At = ServiceDatabase.ToStoredPrecision(time.GetUtcNow().UtcDateTime),
            Action = action,
            ActorSubject = user.Subject(),
            ActorName = user.Identity?.Name ?? user.Subject(),
            ActorRole = actor switch { Actor.Applicant => HallRoles.Applicant, Actor.DepartmentHead => HallRoles.DepartmentHead, _ => HallRoles.Officer },
            FromStatus = from,
            ToStatus = to,
            Opinion = step.Opinion.Trim(),
            InternalNote = step.InternalNote.Trim(),
            CorrectionItems = step.CorrectionItems,
            ReviewStep = step.ReviewStep,
            WorkingDays = step.WorkingDays,
            SpecialProcedure = step.SpecialProcedure,
            Decision = step.Decision,
            DocumentNumber = step.DocumentNumber,
            DocumentTitle = step.DocumentTitle,
        };
        db.CaseSteps.Add(stepRecord);
        CaseAnnouncements.Add(db, application, stepRecord, clock, today);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex))
        {
            throw new RpcException(new Status(StatusCode.Aborted, $"申请 {trackingNumber} 刚被他人办理过，本次操作未保存；请刷新后查看当前状态再办理"));
        }
        return application.ToMessage(clock);
    }

    static void EnsureMayAct(ClaimsPrincipal user, ApplicationRecord application, Actor actor, CaseAction action)
    {
        var allowed = actor switch
        {
            Actor.Applicant => user.IsOwner(application),
            Actor.Officer => user.Handles(application),
            Actor.DepartmentHead => user.ActsFor(HallRoles.DepartmentHead, application.DepartmentCode),
            _ => false,
        };
        if (!allowed)
        {
            var who = actor switch
            {
                Actor.Applicant => "申请人本人",
                Actor.DepartmentHead => "承办部门的负责人",
                _ => "承办部门的工作人员",
            };
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"无权对申请 {application.TrackingNumber} {CaseWords.Of(action)}：只有{who}可以办理"));
        }
    }
}
