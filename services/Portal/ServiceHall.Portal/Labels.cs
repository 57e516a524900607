using Microsoft.Extensions.Localization;

namespace ServiceHall.Portal;

/// <summary>
/// The services speak in codes (item, qa, open, online_depth …); readers see words. Each code is mapped here by name,
/// so every word comes from the resources and a code nobody knows yet is shown as it is rather than hidden.
/// </summary>
public static class Labels
{
    public static string HitType(IStringLocalizer text, string type) => type switch
    {
        "item" => text["TypeItem"],
        "qa" => text["TypeQuestion"],
        "entity" => text["TypeEntity"],
        "penalty" => text["TypePenalty"],
        "disclosure" => text["TypeDisclosure"],
        _ => type,
    };

    public static string FacetName(IStringLocalizer text, string facet) => facet switch
    {
        "type" => text["FacetType"],
        "department" => text["FacetDepartment"],
        "theme" => text["FacetTheme"],
        "sector" => text["FacetSector"],
        "online_depth" => text["FacetOnlineDepth"],
        _ => facet,
    };

    public static string FacetValue(IStringLocalizer text, string facet, string value) => facet switch
    {
        "type" => HitType(text, value),
        "online_depth" when int.TryParse(value, out var depth) => OnlineDepth(text, depth),
        _ => value,
    };

    /// <summary>网上办理深度 I–IV (docs/domain.md §1).</summary>
    public static string OnlineDepth(IStringLocalizer text, int depth) => depth switch
    {
        1 => text["OnlineDepth1"],
        2 => text["OnlineDepth2"],
        3 => text["OnlineDepth3"],
        4 => text["OnlineDepth4"],
        _ => text["OnlineDepthNone"],
    };

    public static string ConsultationStatus(IStringLocalizer text, string status) => status switch
    {
        "open" => text["ConsultationOpen"],
        "answered" => text["ConsultationAnswered"],
        "published" => text["ConsultationPublished"],
        _ => status,
    };

    public static string HistoryAction(IStringLocalizer text, string action) => action switch
    {
        "published" => text["HistoryPublished"],
        "suspended" => text["HistorySuspended"],
        "resumed" => text["HistoryResumed"],
        "cancelled" => text["HistoryCancelled"],
        _ => action,
    };

    /// <summary>A notice for an index that is not ready, or null when it is (or says nothing).</summary>
    public static string? IndexStatus(IStringLocalizer text, string status) => status switch
    {
        "" or "ready" => null,
        "rebuilding" => text["IndexRebuilding"].Value,
        "catching-up" => text["IndexCatchingUp"].Value,
        _ => text["IndexNotReady"].Value,
    };

    public static string Trouble(IStringLocalizer text, ServiceTrouble trouble) => trouble switch
    {
        ServiceTrouble.Slow => text["NoticeSlow"],
        _ => text["NoticeUnavailable"],
    };
}
