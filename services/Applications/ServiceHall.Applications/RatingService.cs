using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Case;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.Ratings;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>
/// 好差评 (docs/domain.md §5, "Ratings"): the owner rates a completed case once per channel; administrators moderate
/// the comment; a bad rating's follow-up is worked by the case's department (整改, 回访) and closed by the rater.
/// </summary>
public sealed class RatingService(ApplicationsDb db, CaseCalendar calendars, FollowUpDeadline deadline, TimeProvider time)
    : V1.RatingService.RatingServiceBase
{
    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<Rating> RateCase(RateCaseRequest request, ServerCallContext context)
    {
        RatingChecks.Check(request).ThrowIfAny();
        var cancellationToken = context.CancellationToken;
        var trackingNumber = ParseTrackingNumber(request.TrackingNumber, RateCaseRequest.Descriptor);
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.TrackingNumber == trackingNumber, cancellationToken)
            ?? throw NoCase(trackingNumber, RateCaseRequest.Descriptor);
        var user = context.GetHttpContext().User;
        if (!user.IsOwner(application))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"无权评价申请 {trackingNumber}：只有申请人本人可以评价"));
        }
        if (application.Status != ApplicationStatus.Completed)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"申请 {trackingNumber} 当前为“{CaseWords.Of(application.Status)}”，办结后才能评价"));
        }
        if (await db.Ratings.AnyAsync(r => r.TrackingNumber == trackingNumber && r.Channel == request.Channel, cancellationToken))
        {
            throw AlreadyRated(trackingNumber, request.Channel);
        }

        var today = Today();
        var bad = FollowUpRules.IsBad(request.Level);
        var comment = PersonalNumbers.MaskAll(request.Comment.Trim());
        var rating = new RatingRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            TrackingNumber = trackingNumber,
            Channel = request.Channel,
            Level = request.Level,
            Reasons = [.. request.Reasons],
            Comment = comment,
            CommentStatus = comment.Length > 0 ? CommentStatus.Pending : CommentStatus.Unspecified,
            RaterSubject = user.Subject(),
            RatedAt = time.StoredUtcNow(),
            RatedOn = today,
            ItemId = application.ItemId,
            ItemName = application.ItemName,
            Department = application.Department,
            DepartmentCode = application.DepartmentCode,
            FollowUpStatus = bad ? FollowUpStatus.Open : FollowUpStatus.Unspecified,
            FollowUpDueOn = bad ? deadline.DueOn(await calendars.FromYearAsync(today.Year, cancellationToken), today) : null,
        };
        db.Ratings.Add(rating);
        RatingAnnouncement.Add(db, rating, today);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Two ratings of one case and channel raced past the check above: the first one stands.
            throw AlreadyRated(trackingNumber, request.Channel);
        }
        return rating.ToMessage(today);
    }

    [Authorize(Roles = HallRoles.Applicant + "," + HallRoles.Officer + "," + HallRoles.DepartmentHead + "," + HallRoles.Supervisor)]
    public override async Task<ListRatingsResponse> ListCaseRatings(ListCaseRatingsRequest request, ServerCallContext context)
    {
        var trackingNumber = ParseTrackingNumber(request.TrackingNumber, ListCaseRatingsRequest.Descriptor);
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.TrackingNumber == trackingNumber, context.CancellationToken)
            ?? throw NoCase(trackingNumber, ListCaseRatingsRequest.Descriptor);
        context.GetHttpContext().User.EnsureMayRead(application);
        var ratings = await db.Ratings.AsNoTracking().Where(r => r.TrackingNumber == trackingNumber)
            .OrderBy(r => r.RatedAt).ToListAsync(context.CancellationToken);
        var today = Today();
        return new ListRatingsResponse { Ratings = { ratings.Select(r => r.ToMessage(today)) } };
    }

    [Authorize(Roles = HallRoles.Administrator)]
    public override async Task<ListRatingsResponse> ListPendingComments(ListPendingCommentsRequest request, ServerCallContext context)
    {
        var paging = Paging.From(request.PageSize, request.PageToken, ListPendingCommentsRequest.Descriptor);
        var page = await db.Ratings.AsNoTracking().Where(r => r.CommentStatus == CommentStatus.Pending)
            .OrderBy(r => r.RatedAt).ThenBy(r => r.Id)
            .Skip(paging.Offset).Take(paging.Size + 1).ToListAsync(context.CancellationToken);
        var today = Today();
        return new ListRatingsResponse { Ratings = { page.Take(paging.Size).Select(r => r.ToMessage(today)) }, NextPageToken = paging.NextToken(page.Count) };
    }

    [Authorize(Roles = HallRoles.Administrator)]
    public override async Task<Rating> ModerateComment(ModerateCommentRequest request, ServerCallContext context)
    {
        RatingChecks.Check(request).ThrowIfAny();
        var rating = await LoadAsync(request.RatingId, ModerateCommentRequest.Descriptor, context.CancellationToken);
        if (rating.CommentStatus != CommentStatus.Pending)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"评价 {rating.Id} 的评价内容当前为“{RatingWords.Of(rating.CommentStatus)}”，只有待审核的评价内容可以审核"));
        }
        var user = context.GetHttpContext().User;
        rating.CommentStatus = request.Approve ? CommentStatus.Approved : CommentStatus.Rejected;
        rating.ModerationReason = PersonalNumbers.MaskAll(request.Reason.Trim());
        rating.ModeratorSubject = user.Subject();
        rating.ModeratedAt = time.StoredUtcNow();
        return await SaveAsync(rating, context.CancellationToken);
    }

    /// <summary>
    /// An officer's board is their own department's follow-ups; a supervisor names any department, or none for the
    /// whole county. Nearest deadline first; overdue ones are those past it with the department's part still owed.
    /// </summary>
    [Authorize(Roles = HallRoles.Officer + "," + HallRoles.DepartmentHead + "," + HallRoles.Supervisor)]
    public override async Task<ListRatingsResponse> ListFollowUps(ListFollowUpsRequest request, ServerCallContext context)
    {
        var paging = Paging.From(request.PageSize, request.PageToken, ListFollowUpsRequest.Descriptor);
        var user = context.GetHttpContext().User;
        var department = request.DepartmentCode.Trim();
        if (!user.HasRole(HallRoles.Supervisor))
        {
            var own = user.Department();
            if (department.Length > 0 && !string.Equals(department, own, StringComparison.OrdinalIgnoreCase))
            {
                throw new FieldErrors(ListFollowUpsRequest.Descriptor).Add("department_code", "只能查看本部门的整改回访").Refusal(StatusCode.PermissionDenied);
            }
            department = own;
            if (department.Length == 0)
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, "登录凭证中没有所属部门，无法列出整改回访"));
            }
        }
        var today = Today();
        var query = db.Ratings.AsNoTracking().Where(r => r.FollowUpStatus != FollowUpStatus.Unspecified);
        if (department.Length > 0)
        {
            query = query.Where(r => r.DepartmentCode == department);
        }
        if (request.OpenOnly)
        {
            query = query.Where(r => r.FollowUpStatus != FollowUpStatus.Closed);
        }
        if (request.OverdueOnly)
        {
            var owed = FollowUpRules.Owed;
            query = query.Where(r => owed.Contains(r.FollowUpStatus) && r.FollowUpDueOn < today);
        }
        var page = await query.OrderBy(r => r.FollowUpDueOn).ThenBy(r => r.RatedAt).ThenBy(r => r.Id)
            .Skip(paging.Offset).Take(paging.Size + 1).ToListAsync(context.CancellationToken);
        return new ListRatingsResponse { Ratings = { page.Take(paging.Size).Select(r => r.ToMessage(today)) }, NextPageToken = paging.NextToken(page.Count) };
    }

    [Authorize(Roles = HallRoles.Officer)]
    public override async Task<Rating> RecordRectification(RecordRectificationRequest request, ServerCallContext context)
    {
        RatingChecks.Check(request).ThrowIfAny();
        var rating = await LoadAsync(request.RatingId, RecordRectificationRequest.Descriptor, context.CancellationToken);
        var user = context.GetHttpContext().User;
        EnsureOfDepartment(user, rating, FollowUpRules.Step.Rectify);
        rating.FollowUpStatus = FollowUpRules.Next(rating.Id, rating.FollowUpStatus, FollowUpRules.Step.Rectify);
        rating.Rectification = request.Rectification.Trim();
        rating.RectifiedBy = NameOf(user);
        rating.RectifiedAt = time.StoredUtcNow();
        return await SaveAsync(rating, context.CancellationToken);
    }

    [Authorize(Roles = HallRoles.Officer)]
    public override async Task<Rating> RecordCallBack(RecordCallBackRequest request, ServerCallContext context)
    {
        RatingChecks.Check(request).ThrowIfAny();
        var rating = await LoadAsync(request.RatingId, RecordCallBackRequest.Descriptor, context.CancellationToken);
        var user = context.GetHttpContext().User;
        EnsureOfDepartment(user, rating, FollowUpRules.Step.CallBack);
        rating.FollowUpStatus = FollowUpRules.Next(rating.Id, rating.FollowUpStatus, FollowUpRules.Step.CallBack);
        rating.CallBack = request.CallBack.Trim();
        rating.CalledBackBy = NameOf(user);
        rating.CalledBackAt = time.StoredUtcNow();
        return await SaveAsync(rating, context.CancellationToken);
    }

    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<Rating> CloseFollowUp(CloseFollowUpRequest request, ServerCallContext context)
    {
        RatingChecks.Check(request).ThrowIfAny();
        var rating = await LoadAsync(request.RatingId, CloseFollowUpRequest.Descriptor, context.CancellationToken);
        var user = context.GetHttpContext().User;
        if (user.Subject().Length == 0 || user.Subject() != rating.RaterSubject)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"无权关闭评价 {rating.Id} 的整改回访：只有评价人本人可以确认"));
        }
        rating.FollowUpStatus = FollowUpRules.Next(rating.Id, rating.FollowUpStatus, FollowUpRules.Step.Close);
        rating.Resolved = request.Resolved;
        rating.Remark = request.Remark.Trim();
        rating.ClosedAt = time.StoredUtcNow();
        return await SaveAsync(rating, context.CancellationToken);
    }

    static void EnsureOfDepartment(ClaimsPrincipal user, RatingRecord rating, FollowUpRules.Step step)
    {
        if (!user.ActsFor(HallRoles.Officer, rating.DepartmentCode))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"无权对评价 {rating.Id} {RatingWords.Of(step)}：只有承办部门的工作人员可以办理"));
        }
    }

    static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? user.Subject();

    async Task<RatingRecord> LoadAsync(string ratingId, Google.Protobuf.Reflection.MessageDescriptor request, CancellationToken cancellationToken)
    {
        var id = ratingId.Trim();
        return await db.Ratings.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new FieldErrors(request).Add("rating_id", $"没有编号为 {PersonalNumbers.MaskAll(id.Length <= 40 ? id : id[..40])} 的评价").Refusal(StatusCode.NotFound);
    }

    async Task<Rating> SaveAsync(RatingRecord rating, CancellationToken cancellationToken)
    {
        rating.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RpcException(new Status(StatusCode.Aborted, $"评价 {rating.Id} 刚被他人办理过，本次操作未保存；请刷新后查看当前状态再办理"));
        }
        return rating.ToMessage(Today());
    }

    DateOnly Today() => CountyClock.Today(time.GetUtcNow().UtcDateTime);

    static string ParseTrackingNumber(string text, Google.Protobuf.Reflection.MessageDescriptor request)
    {
        new FieldErrors(request).Required("tracking_number", text).ThrowIfAny();
        return TrackingNumber.Normalize(text)
            ?? throw new FieldErrors(request).Add("tracking_number", "不是申请编号（应为 SH、8位日期数字和8位字母或数字）").Refusal();
    }

    static RpcException NoCase(string trackingNumber, Google.Protobuf.Reflection.MessageDescriptor request) =>
        new FieldErrors(request).Add("tracking_number", $"没有编号为 {trackingNumber} 的申请").Refusal(StatusCode.NotFound);

    static RpcException AlreadyRated(string trackingNumber, RatingChannel channel) =>
        new(new Status(StatusCode.AlreadyExists, $"申请 {trackingNumber} 已在{RatingWords.Of(channel)}评价过，每件申请每个渠道只能评价一次"));
}
