using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>我的消息: the applicant's notifications, their own only, and marking them read.</summary>
public sealed partial class ApplicationsService
{
    const int MaxMarkedAtOnce = 100;

    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<ListNotificationsResponse> ListMyNotifications(ListMyNotificationsRequest request, ServerCallContext context)
    {
        var paging = Paging.From(request.PageSize, request.PageToken, ListMyNotificationsRequest.Descriptor);
        var owner = context.GetHttpContext().User.Subject();
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientSubject == owner);
        var page = await (request.UnreadOnly ? mine.Where(n => n.ReadAt == null) : mine)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.TrackingNumber).ThenByDescending(n => n.StepSequence)
            .Skip(paging.Offset).Take(paging.Size + 1)
            .ToListAsync(context.CancellationToken);
        return new ListNotificationsResponse
        {
            Notifications = { page.Take(paging.Size).Select(n => n.ToMessage()) },
            UnreadCount = await mine.CountAsync(n => n.ReadAt == null, context.CancellationToken),
            NextPageToken = paging.NextToken(page.Count),
        };
    }

    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<MarkNotificationsReadResponse> MarkNotificationsRead(MarkNotificationsReadRequest request, ServerCallContext context)
    {
        if (request.Ids.Count > MaxMarkedAtOnce)
        {
            throw new FieldErrors(MarkNotificationsReadRequest.Descriptor).Add("ids", $"一次最多{MaxMarkedAtOnce}条").Refusal();
        }
        var owner = context.GetHttpContext().User.Subject();
        var ids = request.Ids.Select(i => i.Trim()).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        // Only the caller's own: another applicant's id simply matches nothing.
        var unread = db.Notifications.Where(n => n.RecipientSubject == owner && n.ReadAt == null);
        await (ids.Count > 0 ? unread.Where(n => ids.Contains(n.Id)) : unread)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), context.CancellationToken);
        return new MarkNotificationsReadResponse
        {
            UnreadCount = await db.Notifications.CountAsync(n => n.RecipientSubject == owner && n.ReadAt == null, context.CancellationToken),
        };
    }
}
