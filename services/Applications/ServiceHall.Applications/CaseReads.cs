using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Case;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>Reading cases: each with its clock as of today, the trail, and a department's queue.</summary>
public sealed partial class ApplicationsService
{
    /// <summary>The applicant reads the trail without officers' internal notes; the department and the supervisor read it whole.</summary>
    [Authorize(Roles = HallRoles.Applicant + "," + HallRoles.Officer + "," + HallRoles.DepartmentHead + "," + HallRoles.Supervisor)]
    public override async Task<CaseTrail> GetCaseTrail(GetCaseTrailRequest request, ServerCallContext context)
    {
        var application = await LoadAsync(request.TrackingNumber, context.CancellationToken);
        var user = context.GetHttpContext().User;
        user.EnsureMayRead(application);
        var whole = user.OfDepartment(application) || user.HasRole(HallRoles.Supervisor);
        var steps = await db.CaseSteps.AsNoTracking()
            .Where(s => s.TrackingNumber == application.TrackingNumber)
            .OrderBy(s => s.Sequence)
            .ToListAsync(context.CancellationToken);
        return new CaseTrail { TrackingNumber = application.TrackingNumber, Steps = { steps.Select(s => s.ToMessage(whole)) } };
    }

    /// <summary>
    /// An officer's (or department head's) queue is their own department's; a supervisor names any department, or
    /// none for the whole county. Open cases by default, nearest deadline first, cases not yet accepted (no
    /// deadline) after them, oldest first.
    /// </summary>
    [Authorize(Roles = HallRoles.Officer + "," + HallRoles.DepartmentHead + "," + HallRoles.Supervisor)]
    public override async Task<ListApplicationsResponse> ListDepartmentCases(ListDepartmentCasesRequest request, ServerCallContext context)
    {
        var paging = Paging.From(request.PageSize, request.PageToken, ListDepartmentCasesRequest.Descriptor);
        var user = context.GetHttpContext().User;
        var department = request.DepartmentCode.Trim();
        if (!user.HasRole(HallRoles.Supervisor))
        {
            var own = user.Department();
            if (department.Length > 0 && !string.Equals(department, own, StringComparison.OrdinalIgnoreCase))
            {
                throw new FieldErrors(ListDepartmentCasesRequest.Descriptor)
                    .Add("department_code", "只能查看本部门的办件").Refusal(StatusCode.PermissionDenied);
            }
            department = own;
            if (department.Length == 0)
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, "登录凭证中没有所属部门，无法列出部门办件"));
            }
        }
        if (request.Statuses.Any(s => s == ApplicationStatus.Unspecified || !Enum.IsDefined(s)))
        {
            throw new FieldErrors(ListDepartmentCasesRequest.Descriptor).Add("statuses", "含有不存在的办件状态").Refusal();
        }
        var statuses = request.Statuses.Count > 0 ? request.Statuses.Distinct().ToList() : [.. CaseRules.Open];
        var itemId = request.ItemId.Trim();

        var query = db.Applications.AsNoTracking().Where(a => statuses.Contains(a.Status));
        if (department.Length > 0)
        {
            query = query.Where(a => a.DepartmentCode == department);
        }
        if (itemId.Length > 0)
        {
            query = query.Where(a => a.ItemId == itemId);
        }
        var page = await query
            .OrderBy(a => a.DeadlineOn == null).ThenBy(a => a.DeadlineOn).ThenBy(a => a.SubmittedAt).ThenBy(a => a.TrackingNumber)
            .Skip(paging.Offset).Take(paging.Size + 1)
            .ToListAsync(context.CancellationToken);
        var response = new ListApplicationsResponse { NextPageToken = paging.NextToken(page.Count) };
        response.Applications.AddRange(await WithClocksAsync(page.Take(paging.Size).ToList(), context.CancellationToken));
        return response;
    }

    DateOnly Today() => CountyClock.Today(time.GetUtcNow().UtcDateTime);

    /// <summary>A case just submitted: its clock has not started, so no calendar is needed.</summary>
    Application NotStarted(ApplicationRecord application) =>
        application.ToMessage(CaseClockReading.Read(application.ClockFacts, WorkingCalendar.From([]), Today()));

    async Task<Application> WithClockAsync(ApplicationRecord application, CancellationToken cancellationToken) =>
        (await WithClocksAsync([application], cancellationToken))[0];

    /// <summary>The cases as messages, each clock read today, each with its warning level (Supervision/CaseMessages.cs).</summary>
    Task<List<Application>> WithClocksAsync(IReadOnlyList<ApplicationRecord> applications, CancellationToken cancellationToken) =>
        Supervision.CaseMessages.ReadAsync(db, calendars, Today(), Supervision.SupervisionSettings.From(configuration).YellowShare, applications, cancellationToken);
}
