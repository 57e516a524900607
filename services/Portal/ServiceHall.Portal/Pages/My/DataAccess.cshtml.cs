using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using ServiceHall.Applications.V1;
using ApplicationsClient = ServiceHall.Applications.V1.ApplicationsService.ApplicationsServiceClient;

namespace ServiceHall.Portal.Pages.My;

/// <summary>
/// 谁查看了我的信息: every time the applicant's whole numbers were shown or one of their files was downloaded, by
/// whom (role and department), when and why, newest first, as the audit trail holds it.
/// </summary>
[Authorize]
public sealed class DataAccessModel(ApplicationsClient applications, HallCalls calls, IStringLocalizer<PortalText> text) : PortalPage
{
    public const int PageSize = 20;

    public string? PageToken => Request.Query["page"].FirstOrDefault();

    public ListMyDataAccessResponse? Accesses { get; private set; }
    public bool SignInExpired { get; private set; }
    /// <summary>Signed in, but not as an applicant: staff have no personal data of their own here.</summary>
    public bool NotAnApplicant { get; private set; }

    public async Task OnGetAsync()
    {
        try
        {
            Accesses = await ReadAsync(applications.ListMyDataAccessAsync(
                new ListMyDataAccessRequest { PageSize = PageSize, PageToken = PageToken ?? "" }, await calls.AsUserAsync(HttpContext)));
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.Unauthenticated)
        {
            SignInExpired = true;
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.PermissionDenied)
        {
            NotAnApplicant = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.InvalidArgument)
        {
            // A page token from an older link: start again from the newest.
            Accesses = await ReadAsync(applications.ListMyDataAccessAsync(new ListMyDataAccessRequest { PageSize = PageSize }, await calls.AsUserAsync(HttpContext)));
        }
        if (Accesses is null && !SignInExpired && !NotAnApplicant)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    public string Who(DataAccess access) => access.Role switch
    {
        AccessorRole.Self => text["DataAccessBySelf"],
        AccessorRole.Officer => text["DataAccessByOfficer", DepartmentOf(access)],
        AccessorRole.DepartmentHead => text["DataAccessByHead", DepartmentOf(access)],
        AccessorRole.Supervisor => text["DataAccessBySupervisor"],
        _ => text["DataAccessByOther"],
    };

    public string What(DataAccess access) => access.Kind == DataAccessKind.Reveal
        ? text["DataAccessReveal"]
        : text["DataAccessDownload", access.FileName];

    string DepartmentOf(DataAccess access) => access.Department.Length > 0 ? access.Department : access.DepartmentCode;
}
