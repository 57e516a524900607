using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace ServiceHall.Identity.Data;

/// <summary>
/// Someone who signs in to the hall. Roles live in Identity's role tables; the tenancy fields here become the
/// token claims that services decide on (see HallClaims).
/// </summary>
public sealed class HallUser : IdentityUser
{
    /// <summary>What the hall calls them on screen: 张三, 县某某科技有限公司, 公安局窗口.</summary>
    [MaxLength(100)]
    public string DisplayName { get; set; } = "";

    /// <summary>For applicants: "person" or "business".</summary>
    [MaxLength(20)]
    public string? ApplicantKind { get; set; }

    /// <summary>For a business applicant: its unified social credit code.</summary>
    [MaxLength(18)]
    public string? CreditCode { get; set; }

    /// <summary>For officers and credit editors: their department's unified social credit code.</summary>
    [MaxLength(18)]
    public string? Department { get; set; }

    /// <summary>For publishers: their organisation's id in the disclosures service.</summary>
    [MaxLength(100)]
    public string? Organisation { get; set; }
}
