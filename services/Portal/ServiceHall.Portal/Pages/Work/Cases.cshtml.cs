using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Authorization;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;
using ApplicationsClient = ServiceHall.Applications.V1.ApplicationsService.ApplicationsServiceClient;
using CatalogClient = ServiceHall.Catalog.V1.CatalogService.CatalogServiceClient;
using SupervisionClient = ServiceHall.Applications.V1.SupervisionService.SupervisionServiceClient;

namespace ServiceHall.Portal.Pages.Work;

/// <summary>
/// The officers' workbench (办件工作台): the department's cases, nearest deadline first (the service's order), each
/// with its clock; filtered by state and item with a plain GET form. A supervisor sees every department's. Above the
/// queue an officer finds the 督办 notes their department has not answered: that is how a note reaches them.
/// </summary>
[Authorize]
public sealed class CasesModel(ApplicationsClient applications, CatalogClient catalog, SupervisionClient supervision, HallCalls calls) : PortalPage
{
    public const int PageSize = 50;

    public string? PageToken => Request.Query["page"].FirstOrDefault();

    /// <summary>?status=SUBMITTED (a state's name; none: every open case).</summary>
    public ApplicationStatus? Status { get; private set; }

    /// <summary>?item= an item's id.</summary>
    public string? ItemId { get; private set; }

    public ListApplicationsResponse? Queue { get; private set; }

    /// <summary>The department's unanswered 督办 notes, oldest first; null for a supervisor (their board lists them).</summary>
    public ListSupervisionNotesResponse? OwedNotes { get; private set; }

    /// <summary>The items of the open cases, for the item filter: the department's items that have work waiting.</summary>
    public IReadOnlyList<(string Id, string Name)> Items { get; private set; } = [];

    /// <summary>?department= a department's code: the supervisor's choice (officers always see their own).</summary>
    public string? DepartmentCode { get; private set; }

    /// <summary>The departments a supervisor may choose from; empty for officers.</summary>
    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public bool Supervises => User.IsInRole(HallRoles.Supervisor);

    public bool SignInExpired { get; private set; }
    public ServiceRefusal? Refusal { get; private set; }

    public async Task OnGetAsync()
    {
        if (Supervises)
        {
            // Without the list the supervisor still reads every department's cases at once.
            Departments = (await ReadAsync(catalog.ListDepartmentsAsync(new ListDepartmentsRequest(), calls.Public(HttpContext))))?.Departments.ToList() ?? [];
            DepartmentCode = Request.Query["department"].FirstOrDefault() is { Length: > 0 } department ? department : null;
        }
        Status = Enum.TryParse<ApplicationStatus>(Request.Query["status"].FirstOrDefault(), out var status) && status != ApplicationStatus.Unspecified
            ? status : null;
        ItemId = Request.Query["item"].FirstOrDefault() is { Length: > 0 } item ? item : null;
        var options = await calls.AsUserAsync(HttpContext);
        var filtered = Status is not null || ItemId is not null || PageToken is { Length: > 0 };
        var departmentCode = DepartmentCode ?? "";
        try
        {
            if (!Supervises)
            {
                OwedNotes = await ReadAsync(supervision.ListOpenSupervisionNotesAsync(new ListOpenSupervisionNotesRequest { PageSize = 100 }, options));
            }
            var open = await ReadAsync(applications.ListDepartmentCasesAsync(new ListDepartmentCasesRequest { DepartmentCode = departmentCode, PageSize = 100 }, options));
            Items = open?.Applications.GroupBy(a => a.ItemId).Select(g => (g.Key, g.First().ItemName)).OrderBy(i => i.Item2, StringComparer.Ordinal).ToList() ?? [];
            if (!filtered)
            {
                Queue = open;
                return;
            }
            var request = new ListDepartmentCasesRequest { DepartmentCode = departmentCode, ItemId = ItemId ?? "", PageSize = PageSize, PageToken = PageToken ?? "" };
            if (Status is { } wanted)
            {
                request.Statuses.Add(wanted);
            }
            Queue = await ReadAsync(applications.ListDepartmentCasesAsync(request, options));
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.Unauthenticated)
        {
            SignInExpired = true;
        }
        catch (RpcException e) when (e.StatusCode is RpcCode.PermissionDenied or RpcCode.InvalidArgument)
        {
            // Not an officer (or no department in the sign-in): the service's words say why.
            Refusal = ServiceRefusal.Of(e);
            Response.StatusCode = Refusal.HttpStatus;
            return;
        }
        if (Queue is null && !SignInExpired)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }
}
