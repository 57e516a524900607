using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceHall.Applications.V1;
using ApplicationsClient = ServiceHall.Applications.V1.ApplicationsService.ApplicationsServiceClient;

namespace ServiceHall.Portal.Pages.My;

/// <summary>
/// 我的办件: the signed-in applicant's drafts (暂存) to continue or delete, then their applications, newest first, each
/// with its status and its clock as the service reads it today.
/// </summary>
[Authorize]
public sealed class ApplicationsModel(ApplicationsClient applications, HallCalls calls) : PortalPage
{
    public const int PageSize = 20;

    /// <summary>?page= (read from the query: "page" is also Razor Pages' own route value, the page's name).</summary>
    public string? PageToken => Request.Query["page"].FirstOrDefault();

    public ListApplicationsResponse? List { get; private set; }

    /// <summary>The applicant's drafts (暂存), most recently saved first; null when they could not be read.</summary>
    public ListDraftsResponse? Drafts { get; private set; }

    public bool DraftsUnavailable { get; private set; }
    public bool SignInExpired { get; private set; }

    public async Task OnGetAsync()
    {
        try
        {
            var options = await calls.AsUserAsync(HttpContext);
            // Both at once; drafts only with the first page of applications (they are few: the service keeps 50 at most).
            using var drafts = PageToken is { Length: > 0 } ? null : applications.ListMyDraftsAsync(new ListMyDraftsRequest { PageSize = 50 }, options);
            List = await ReadAsync(applications.ListMyApplicationsAsync(
                new ListMyApplicationsRequest { PageSize = PageSize, PageToken = PageToken ?? "" }, options));
            if (drafts is not null)
            {
                try
                {
                    Drafts = await drafts.ResponseAsync;
                }
                catch (RpcException e) when (e.StatusCode != RpcCode.Cancelled)
                {
                    // Secondary to the applications: without the drafts the list still shows, and says the drafts are missing.
                    DraftsUnavailable = e.StatusCode is not (RpcCode.PermissionDenied or RpcCode.InvalidArgument);
                }
            }
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.Unauthenticated)
        {
            SignInExpired = true;
        }
        catch (RpcException e) when (e.StatusCode is RpcCode.PermissionDenied or RpcCode.InvalidArgument)
        {
            // Not an applicant's account (an officer has a workbench instead), or a stale page link.
            List = new ListApplicationsResponse();
        }
        if (List is null && !SignInExpired)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    /// <summary>Deletes one draft, then back to the list (303).</summary>
    public async Task<IActionResult> OnPostDeleteDraftAsync([FromForm] string? draftId)
    {
        try
        {
            await applications.DeleteDraftAsync(new DeleteDraftRequest { DraftId = draftId ?? "" }, await calls.AsUserAsync(HttpContext));
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.NotFound)
        {
            // Already gone (deleted in another tab, or submitted): what was asked for is so.
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.Unauthenticated)
        {
            SignInExpired = true;
            await OnGetAsync();
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        catch (RpcException e) when (e.StatusCode is RpcCode.PermissionDenied or RpcCode.InvalidArgument)
        {
            return NotFound();
        }
        catch (RpcException e) when (ServiceTroubles.Of(e) is { } trouble)
        {
            await OnGetAsync();
            Troubles.Add(trouble);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        return new SeeOther("/my/applications#drafts");
    }
}
