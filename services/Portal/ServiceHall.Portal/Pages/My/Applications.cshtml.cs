using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Authorization;
using ServiceHall.Applications.V1;
using ApplicationsClient = ServiceHall.Applications.V1.ApplicationsService.ApplicationsServiceClient;

namespace ServiceHall.Portal.Pages.My;

/// <summary>我的办件: the signed-in applicant's applications, newest first, each with its status and its clock as the service reads it today.</summary>
[Authorize]
public sealed class ApplicationsModel(ApplicationsClient applications, HallCalls calls) : PortalPage
{
    public const int PageSize = 20;

    /// <summary>?page= (read from the query: "page" is also Razor Pages' own route value, the page's name).</summary>
    public string? PageToken => Request.Query["page"].FirstOrDefault();

    public ListApplicationsResponse? List { get; private set; }
    public bool SignInExpired { get; private set; }

    public async Task OnGetAsync()
    {
        try
        {
            List = await ReadAsync(applications.ListMyApplicationsAsync(
                new ListMyApplicationsRequest { PageSize = PageSize, PageToken = PageToken ?? "" }, await calls.AsUserAsync(HttpContext)));
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
}
