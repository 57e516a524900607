using Microsoft.Extensions.Localization;
using ServiceHall.Credit.V1;

namespace ServiceHall.Portal;

/// <summary>The words and addresses of the credit pages (信用信息): an entity's status and what it was found by, as text.</summary>
public static class CreditLabels
{
    public const string Lookup = "/credit";

    public static string Entity(string code) => "/credit/" + Uri.EscapeDataString(code);

    public static string Print(string code) => Entity(code) + "/print";

    public static string Find(string q, string pageToken = "") =>
        $"{Lookup}?q={Uri.EscapeDataString(q)}" + (pageToken.Length > 0 ? "&pageToken=" + Uri.EscapeDataString(pageToken) : "");

    public static string Status(IStringLocalizer text, EntityStatus status) => status switch
    {
        EntityStatus.Operating => text["CreditStatusOperating"],
        EntityStatus.Revoked => text["CreditStatusRevoked"],
        EntityStatus.Deregistered => text["CreditStatusDeregistered"],
        EntityStatus.MovedOut => text["CreditStatusMovedOut"],
        EntityStatus.Suspended => text["CreditStatusSuspended"],
        _ => text["CreditStatusUnknown"],
    };

    public static string MatchedBy(IStringLocalizer text, EntityMatch match) => match switch
    {
        EntityMatch.CreditCode => text["CreditMatchCode"],
        EntityMatch.RegistrationNumber => text["CreditMatchRegistrationNumber"],
        EntityMatch.OrganisationCode => text["CreditMatchOrganisationCode"],
        EntityMatch.NamePrefix or EntityMatch.NameText => text["CreditMatchName"],
        EntityMatch.Pinyin => text["CreditMatchPinyin"],
        EntityMatch.Initials => text["CreditMatchInitials"],
        _ => "",
    };

    public static readonly CreditListKind[] Lists = [CreditListKind.Red, CreditListKind.Black, CreditListKind.AbnormalOperation, CreditListKind.Watch];

    public static string List(CreditListKind kind, string pageToken = "") =>
        $"/credit/lists/{Slug(kind)}" + (pageToken.Length > 0 ? "?pageToken=" + Uri.EscapeDataString(pageToken) : "");

    /// <summary>The list's part of its address: short English words, so links stay readable.</summary>
    public static string Slug(CreditListKind kind) => kind switch
    {
        CreditListKind.Red => "red",
        CreditListKind.Black => "black",
        CreditListKind.AbnormalOperation => "abnormal",
        CreditListKind.Watch => "watch",
        _ => "",
    };

    public static CreditListKind? FromSlug(string slug) => Lists.Where(k => Slug(k) == slug).Select(k => (CreditListKind?)k).FirstOrDefault();

    public static string ListName(IStringLocalizer text, CreditListKind kind) => kind switch
    {
        CreditListKind.Red => text["CreditListRed"],
        CreditListKind.Black => text["CreditListBlack"],
        CreditListKind.AbnormalOperation => text["CreditListAbnormal"],
        CreditListKind.Watch => text["CreditListWatch"],
        _ => "",
    };
}
