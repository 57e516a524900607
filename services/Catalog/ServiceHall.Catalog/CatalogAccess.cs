using System.Security.Claims;
using Grpc.Core;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog;

/// <summary>
/// Tenancy in the catalog: roles are checked by the attributes on each method before it runs; what an attribute
/// cannot know (whose department an item or a question belongs to) is checked here, once the object is loaded.
/// </summary>
static class CatalogAccess
{
    public static ClaimsPrincipal User(this ServerCallContext context) => context.GetHttpContext().User;

    /// <summary>Only an officer of the department that implements it (实施主体) edits, publishes or answers for it.</summary>
    public static void RequireOfficerOf(this ClaimsPrincipal user, string departmentCode, string what)
    {
        if (!user.ActsFor(HallRoles.Officer, departmentCode))
        {
            throw Denied($"{what}属于部门 {departmentCode}；{user.YourDepartment()}");
        }
    }

    /// <summary>The department an officer works in, or the one a supervisor or administrator named (empty: all).</summary>
    public static string DepartmentInView(this ClaimsPrincipal user, string requested, string what)
    {
        var code = CreditCode.Normalize(requested);
        if (user.HasRole(HallRoles.Supervisor) || user.HasRole(HallRoles.Administrator))
        {
            return code;
        }
        var own = CreditCode.Normalize(user.Department());
        if (code.Length > 0 && code != own)
        {
            throw Denied($"无权查看部门 {code} 的{what}；{user.YourDepartment()}");
        }
        return own.Length > 0 ? own : throw Denied($"{what}：您的账号没有所属部门");
    }

    public static RpcException Denied(string message) => new(new Status(StatusCode.PermissionDenied, message));

    /// <summary>The second half of a refusal: which department the caller does act for.</summary>
    public static string YourDepartment(this ClaimsPrincipal user) =>
        user.Department() is { Length: > 0 } own ? $"您代表的是部门 {own}" : "您的账号没有所属部门";
}
