using System.Security.Claims;
using Grpc.Core;
using ServiceHall.Applications.Data;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>
/// Tenancy of an application: its applicant (the token subject that submitted it), the officers of the department
/// that implements its item (实施主体), and supervisors (电子监察, read only). Roles are checked before this by the
/// methods' [Authorize] attributes; this decides on the one application.
/// </summary>
public static class ApplicationAccess
{
    public static bool IsOwner(this ClaimsPrincipal user, ApplicationRecord application) =>
        user.HasRole(HallRoles.Applicant) && user.Subject().Length > 0 && user.Subject() == application.OwnerSubject;

    public static bool Handles(this ClaimsPrincipal user, ApplicationRecord application) =>
        user.ActsFor(HallRoles.Officer, application.DepartmentCode);

    /// <summary>The department's officers and its head read its cases whole (internal notes too).</summary>
    public static bool OfDepartment(this ClaimsPrincipal user, ApplicationRecord application) =>
        user.Handles(application) || user.ActsFor(HallRoles.DepartmentHead, application.DepartmentCode);

    public static void EnsureMayRead(this ClaimsPrincipal user, ApplicationRecord application)
    {
        if (!user.IsOwner(application) && !user.OfDepartment(application) && !user.HasRole(HallRoles.Supervisor))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"无权查看申请 {application.TrackingNumber}：只有申请人本人、承办部门的工作人员和负责人、监察人员可以查看"));
        }
    }

    /// <summary>Whole personal numbers: the applicant themself, or an officer handling the case; a supervisor sees them masked only.</summary>
    public static bool MayReveal(this ClaimsPrincipal user, ApplicationRecord application) =>
        user.IsOwner(application) || user.Handles(application);

    public static RpcException RevealRefused(ApplicationRecord application) =>
        new(new Status(StatusCode.PermissionDenied,
            $"无权查看申请 {application.TrackingNumber} 的完整证件号码和手机号码：只有申请人本人和承办部门的工作人员可以查看"));
}
