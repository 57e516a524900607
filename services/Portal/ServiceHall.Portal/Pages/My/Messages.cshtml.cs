using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceHall.Applications.V1;
using ApplicationsClient = ServiceHall.Applications.V1.ApplicationsService.ApplicationsServiceClient;

namespace ServiceHall.Portal.Pages.My;

/// <summary>
/// 我的消息: every step of the applicant's cases that concerns them, newest first, unread ones marked; one form marks
/// one message read, another marks them all.
/// </summary>
[Authorize]
public sealed class MessagesModel(ApplicationsClient applications, HallCalls calls) : PortalPage
{
    public const int PageSize = 20;

    public string? PageToken => Request.Query["page"].FirstOrDefault();

    public ListNotificationsResponse? Feed { get; private set; }
    public bool SignInExpired { get; private set; }
    public ServiceRefusal? Refusal { get; private set; }

    /// <summary>The message to mark read; none marks every unread one.</summary>
    [BindProperty] public string? Id { get; set; }

    public Task OnGetAsync() => ReadFeedAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var request = new MarkNotificationsReadRequest();
        if (!string.IsNullOrWhiteSpace(Id))
        {
            request.Ids.Add(Id.Trim());
        }
        if (await SendAsync(async () => await applications.MarkNotificationsReadAsync(request, await calls.AsUserAsync(HttpContext))) is not { } refusal)
        {
            return new SeeOther("/my/messages");
        }
        Refusal = refusal;
        await ReadFeedAsync();
        Response.StatusCode = Refusal.HttpStatus;
        return Page();
    }

    async Task ReadFeedAsync()
    {
        try
        {
            Feed = await ReadAsync(applications.ListMyNotificationsAsync(
                new ListMyNotificationsRequest { PageSize = PageSize, PageToken = PageToken ?? "" }, await calls.AsUserAsync(HttpContext)));
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.Unauthenticated)
        {
            SignInExpired = true;
        }
        catch (RpcException e) when (e.StatusCode is RpcCode.PermissionDenied or RpcCode.InvalidArgument)
        {
            Feed = new ListNotificationsResponse();
        }
        if (Feed is not null)
        {
            // The header's count is this page's: no second call, and both say the same.
            UnreadMessages.Remember(HttpContext, Feed.UnreadCount);
        }
        else if (!SignInExpired)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }
}
