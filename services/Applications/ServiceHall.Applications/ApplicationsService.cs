using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Case;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.Materials;
using ServiceHall.Applications.V1;
using ServiceHall.Blobs;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

public sealed partial class ApplicationsService(
    ApplicationsDb db, CatalogService.CatalogServiceClient catalog, CaseCalendar calendars, TimeProvider time, AuditTrail audit,
    IBlobStore blobs, IMaterialScanner scanner, MaterialLimits materialLimits, IConfiguration configuration, ILogger<ApplicationsService> logger)
    : V1.ApplicationsService.ApplicationsServiceBase
{
    const int MaxSaveAttempts = 3;

    /// <summary>The audit action of a reveal of whole personal numbers.</summary>
    public const string RevealAction = "reveal";

    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<Application> SubmitApplication(SubmitApplicationRequest request, ServerCallContext context)
    {
        var applicant = Applicant.Of(context.GetHttpContext().User, request.ApplicantCreditCode);
        applicant.TakeVerifiedIdentity(request);
        CheckAttachments(SubmissionRules.Check(request, applicant), request.Materials).ThrowIfAny();
        var cancellationToken = context.CancellationToken;
        if (await FindByKeyAsync(applicant.Subject, request.IdempotencyKey, cancellationToken) is { } earlier)
        {
            return await ResubmittedAsync(earlier, request, cancellationToken);
        }

        var (item, departmentCode) = await FetchOpenItemAsync(request.ItemId, cancellationToken);
        applicant.EnsureServedBy(item);
        for (var attempt = 1; ; attempt++)
        {
            var application = ApplicationRecord.Submit(request, applicant, item, departmentCode, time.GetUtcNow().UtcDateTime);
            // Checked against the guide before the case exists: a refused submission attaches nothing.
            try
            {
                await AttachAsync(application, request.Materials, SubmitApplicationRequest.Descriptor, null, cancellationToken);
            }
            catch (RpcException)
            {
                // An identical submit saved while this one waited for the catalog: its files are attached to that
                // first application now, which is the answer to a retry, not a refusal.
                db.ChangeTracker.Clear();
                if (await FindByKeyAsync(applicant.Subject, request.IdempotencyKey, cancellationToken) is { } first)
                {
                    return await ResubmittedAsync(first, request, cancellationToken);
                }
                throw;
            }
            db.Applications.Add(application);
            var submitted = application.FirstStep(context.GetHttpContext().User);
            db.CaseSteps.Add(submitted);
            var announced = NotStarted(application);
            CaseAnnouncements.Add(db, application, submitted, announced.Clock, Today());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return announced;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                // The case is inserted before its files are updated (they refer to it), so an identical racing submit
                // normally meets the key's unique index below; should it meet the files' condition instead, it too
                // gets the first application.
                if (await FindByKeyAsync(applicant.Subject, request.IdempotencyKey, cancellationToken) is { } winner)
                {
                    return await ResubmittedAsync(winner, request, cancellationToken);
                }
                // Otherwise a file was attached to another case or removed by the sweep after our check; nothing was saved.
                throw new FieldErrors(SubmitApplicationRequest.Descriptor)
                    .Add("materials", "有材料文件刚被另一份申请使用或已过期删除，申请未提交；请查看材料后重新提交").Refusal(StatusCode.FailedPrecondition);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // Nothing of this attempt stays tracked: the case, its first step, its announcement and its files.
                db.ChangeTracker.Clear();
                // Most likely an identical submit raced past the check above and won: answer with its application.
                if (await FindByKeyAsync(applicant.Subject, request.IdempotencyKey, cancellationToken) is { } winner)
                {
                    return await ResubmittedAsync(winner, request, cancellationToken);
                }
                // Otherwise the random part of the tracking number clashed; draw another.
                if (attempt == MaxSaveAttempts)
                {
                    throw;
                }
                logger.LogWarning("Tracking number {TrackingNumber} was already taken; drawing another", application.TrackingNumber);
            }
        }
    }

    [Authorize(Roles = HallRoles.Applicant + "," + HallRoles.Officer + "," + HallRoles.DepartmentHead + "," + HallRoles.Supervisor)]
    public override async Task<Application> GetApplication(GetApplicationRequest request, ServerCallContext context)
    {
        var application = await LoadAsync(request.TrackingNumber, context.CancellationToken);
        context.GetHttpContext().User.EnsureMayRead(application);
        return (await WithClocksAsync([application], context.CancellationToken))[0];
    }

    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<ListApplicationsResponse> ListMyApplications(ListMyApplicationsRequest request, ServerCallContext context)
    {
        var paging = Paging.From(request.PageSize, request.PageToken, ListMyApplicationsRequest.Descriptor);
        var owner = context.GetHttpContext().User.Subject();
        var page = await db.Applications.AsNoTracking()
            .Where(a => a.OwnerSubject == owner)
            .OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.TrackingNumber)
            .Skip(paging.Offset).Take(paging.Size + 1)
            .ToListAsync(context.CancellationToken);
        var response = new ListApplicationsResponse { NextPageToken = paging.NextToken(page.Count) };
        response.Applications.AddRange(await WithClocksAsync(page.Take(paging.Size).ToList(), context.CancellationToken));
        return response;
    }

    /// <summary>
    /// The applicant's whole numbers for the owner or an officer handling the case. Every decision, given or
    /// refused, goes into the audit trail with who asked and why; the numbers themselves never do. The record is
    /// written before the numbers leave, so there is no reveal without its record.
    /// </summary>
    [Authorize(Roles = HallRoles.Applicant + "," + HallRoles.Officer)]
    public override async Task<ApplicantNumbers> RevealApplicant(RevealApplicantRequest request, ServerCallContext context)
    {
        var trackingNumber = ParseTrackingNumber(request.TrackingNumber);
        RevealReason.Check(request.Reason).ThrowIfAny();
        var application = await LoadAsync(trackingNumber, context.CancellationToken);
        var user = context.GetHttpContext().User;
        var allowed = user.MayReveal(application);
        await audit.RecordAsync(user, RevealAction, AuditTarget(application.TrackingNumber),
            allowed ? "OK" : StatusCode.PermissionDenied.ToString(), $"reason: {request.Reason.Trim()}", CancellationToken.None);
        return allowed ? application.ToNumbers() : throw ApplicationAccess.RevealRefused(application);
    }

    async Task<ApplicationRecord> LoadAsync(string trackingNumberText, CancellationToken cancellationToken)
    {
        var trackingNumber = ParseTrackingNumber(trackingNumberText);
        return await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.TrackingNumber == trackingNumber, cancellationToken)
            ?? throw new FieldErrors(GetApplicationRequest.Descriptor).Add("tracking_number", $"没有编号为 {trackingNumber} 的申请").Refusal(StatusCode.NotFound);
    }

    static string ParseTrackingNumber(string text)
    {
        new FieldErrors(GetApplicationRequest.Descriptor).Required("tracking_number", text).ThrowIfAny();
        return TrackingNumber.Normalize(text)
            ?? throw new FieldErrors(GetApplicationRequest.Descriptor)
                .Add("tracking_number", $"“{Shorten(text)}”不是申请编号（应为 SH、8位日期数字和8位字母或数字）").Refusal();
    }

    /// <summary>Quoted back only in part, and masked: someone may paste an ID number into the wrong box.</summary>
    static string Shorten(string text) => PersonalNumbers.MaskAll(text.Length <= 40 ? text : text[..40] + "…");

    Task<ApplicationRecord?> FindByKeyAsync(string owner, string idempotencyKey, CancellationToken cancellationToken) =>
        db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.OwnerSubject == owner && a.IdempotencyKey == idempotencyKey, cancellationToken);

    /// <summary>A retry gets the first application back; a different application under a used key is refused.</summary>
    Task<Application> ResubmittedAsync(ApplicationRecord earlier, SubmitApplicationRequest request, CancellationToken cancellationToken) =>
        earlier.IsSameSubmission(request)
            ? WithClockAsync(earlier, cancellationToken)
            : throw new FieldErrors(SubmitApplicationRequest.Descriptor).Add("idempotency_key", "已用于另一份申请").Refusal(StatusCode.FailedPrecondition);

    /// <summary>
    /// The item from the catalog, which must be published, and the code of its implementing department. GetItem
    /// is public, so no token is passed on. A catalog that cannot answer is Unavailable to our caller (nothing was
    /// stored, so a retry with the same key is safe), never an internal error of ours.
    /// </summary>
    async Task<(ServiceItem Item, string DepartmentCode)> FetchOpenItemAsync(string itemId, CancellationToken cancellationToken)
    {
        ServiceItem item;
        try
        {
            item = await catalog.GetItemAsync(new GetItemRequest { Id = itemId }, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            throw new FieldErrors(SubmitApplicationRequest.Descriptor).Add("item_id", $"没有编号为 {itemId} 的服务事项").Refusal(StatusCode.NotFound);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            throw new FieldErrors(SubmitApplicationRequest.Descriptor).Add("item_id", $"“{itemId}”不是服务事项编号（{ex.Status.Detail}）").Refusal();
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "提交已取消，申请未提交"));
        }
        catch (RpcException ex)
        {
            logger.LogWarning(ex, "The catalog could not tell whether item {ItemId} is open for applications", itemId);
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"暂时无法连接服务事项目录（{ex.StatusCode}），申请未提交；请用同一提交标识（idempotency_key）重试"));
        }
        if (item.Guide is null)
        {
            // The contract always carries the guide; an answer without one is the catalog's fault, not the applicant's.
            throw new RpcException(new Status(StatusCode.Unavailable, $"服务事项目录返回的事项 {itemId} 缺少办事指南，申请未提交"));
        }
        if (item.Status != ItemStatus.Published)
        {
            throw new FieldErrors(SubmitApplicationRequest.Descriptor)
                .Add("item_id", $"服务事项 {itemId} 现在不受理网上申请（尚未发布、已暂停办理或已取消）").Refusal(StatusCode.FailedPrecondition);
        }
        // Without its department no officer could ever handle the case; that too is the catalog's fault.
        var departmentCode = (item.Department?.Code is { Length: > 0 } code ? code : item.Guide.DepartmentCode).Trim();
        if (departmentCode.Length == 0)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"服务事项目录返回的事项 {itemId} 缺少实施主体，申请未提交"));
        }
        return (item, departmentCode);
    }
}
