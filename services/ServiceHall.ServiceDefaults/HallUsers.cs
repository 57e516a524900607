using System.Security.Claims;

namespace ServiceHall.ServiceDefaults;

/// <summary>The roles of the hall, as the identity service puts them in the "role" claim of a token.</summary>
public static class HallRoles
{
    /// <summary>A person or a business applying for services and asking questions.</summary>
    public const string Applicant = "applicant";
    /// <summary>Edits and publishes the items of their department, answers its questions, handles its cases.</summary>
    public const string Officer = "officer";
    /// <summary>负责人 of a department: approves extensions (延期) of its cases; usually an officer too.</summary>
    public const string DepartmentHead = "department_head";
    /// <summary>Writes credit records (penalties, licences) of their department.</summary>
    public const string CreditEditor = "credit_editor";
    /// <summary>Publishes the disclosures of their organisation (a hospital, a school, a utility).</summary>
    public const string Publisher = "publisher";
    /// <summary>电子监察: reads every department's work, writes nothing.</summary>
    public const string Supervisor = "supervisor";
    /// <summary>Registers departments and organisations.</summary>
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All = [Applicant, Officer, DepartmentHead, CreditEditor, Publisher, Supervisor, Administrator];
}

/// <summary>The claims a hall token carries; tenancy decisions read them through <see cref="HallUsers"/>.</summary>
public static class HallClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    /// <summary>For applicants: "person" or "business".</summary>
    public const string ApplicantKind = "applicant_kind";
    /// <summary>For a business applicant: its unified social credit code.</summary>
    public const string CreditCode = "credit_code";
    /// <summary>For officers and credit editors: their department's unified social credit code.</summary>
    public const string Department = "department";
    /// <summary>For publishers: the id of their organisation in the disclosures service.</summary>
    public const string Organisation = "organisation";
    /// <summary>
    /// A person's name and resident ID as the identity provider verified them (实名认证), when it does: a provincial
    /// platform's tokens carry them; the embedded identity service verifies nobody and never sends them.
    /// </summary>
    public const string VerifiedName = "verified_name";
    public const string VerifiedIdNumber = "verified_id_number";
    /// <summary>For a machine client (client credentials): its client id.</summary>
    public const string ClientId = "client_id";
}

public static class HallUsers
{
    /// <summary>The stable id of the signed-in user (or machine client); empty when anonymous.</summary>
    public static string Subject(this ClaimsPrincipal user) => user.FindFirstValue(HallClaims.Subject) ?? "";

    public static bool IsSignedIn(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    public static bool HasRole(this ClaimsPrincipal user, string role) => user.HasClaim(HallClaims.Role, role);

    public static string Department(this ClaimsPrincipal user) => user.FindFirstValue(HallClaims.Department) ?? "";

    public static string Organisation(this ClaimsPrincipal user) => user.FindFirstValue(HallClaims.Organisation) ?? "";

    public static string CreditCode(this ClaimsPrincipal user) => user.FindFirstValue(HallClaims.CreditCode) ?? "";

    /// <summary>An officer (or credit editor, with that role) of exactly this department.</summary>
    public static bool ActsFor(this ClaimsPrincipal user, string role, string departmentCode) =>
        user.HasRole(role) && departmentCode.Length > 0 && string.Equals(user.Department(), departmentCode, StringComparison.OrdinalIgnoreCase);

    /// <summary>Who did it, for the audit trail: the subject and roles, or "anonymous".</summary>
    public static string Describe(this ClaimsPrincipal user)
    {
        if (!user.IsSignedIn())
        {
            return "anonymous";
        }
        var roles = string.Join(',', user.FindAll(HallClaims.Role).Select(c => c.Value));
        var tenancy = new[] { user.Department(), user.Organisation(), user.CreditCode() }.FirstOrDefault(t => t.Length > 0);
        return $"{user.Subject()} [{roles}]" + (tenancy is null ? "" : $" of {tenancy}");
    }

    /// <summary>
    /// Reads back what <see cref="Describe"/> wrote: the subject, the roles and the tenancy (department, organisation
    /// or credit code; empty when none). Null for "anonymous" or a line in another shape.
    /// </summary>
    public static AuditActor? ParseActor(string described)
    {
        var open = described.IndexOf(" [", StringComparison.Ordinal);
        var close = open < 0 ? -1 : described.IndexOf(']', open);
        if (open <= 0 || close < 0)
        {
            return null;
        }
        var roles = described[(open + 2)..close].Split(',', StringSplitOptions.RemoveEmptyEntries);
        var rest = described[(close + 1)..];
        var tenancy = rest.StartsWith(" of ", StringComparison.Ordinal) ? rest[4..] : "";
        return new AuditActor(described[..open], roles, tenancy);
    }
}

/// <summary>Who an audit record names: see <see cref="HallUsers.ParseActor"/>.</summary>
public sealed record AuditActor(string Subject, IReadOnlyList<string> Roles, string Tenancy);
