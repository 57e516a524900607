using Microsoft.Extensions.Localization;
using ServiceHall.Catalog.V1;
using ServiceHall.Disclosures.V1;
using ServiceHall.Search.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Portal;

/// <summary>
/// The services speak in the contracts' enums and codes; readers see words. Every enum value a page shows is mapped
/// to its resource here and nowhere else, so every word comes from the resources; a value nobody maps yet is shown
/// as it is rather than hidden.
/// </summary>
public static class Labels
{
    public static string HitType(IStringLocalizer text, DocumentType type) => type switch
    {
        DocumentType.Item => text["TypeItem"],
        DocumentType.Qa => text["TypeQuestion"],
        DocumentType.Entity => text["TypeEntity"],
        DocumentType.Penalty => text["TypePenalty"],
        DocumentType.Licence => text["TypeLicence"],
        DocumentType.Disclosure => text["TypeDisclosure"],
        _ => type.ToString(),
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

    /// <summary>The enum facets' values come as the values' names (SECTOR_HEALTH); the others are words already.</summary>
    public static string FacetValue(IStringLocalizer text, string facet, string value) => facet switch
    {
        "type" when EnumWords.TryParseProtoName<DocumentType>(value, out var type) => HitType(text, type),
        "sector" when EnumWords.TryParseProtoName<Sector>(value, out var sector) => Sector(text, sector),
        "online_depth" when EnumWords.TryParseProtoName<OnlineDepth>(value, out var depth) => OnlineDepth(text, depth),
        _ => value,
    };

    /// <summary>网上办理深度 I–IV (docs/domain.md §1).</summary>
    public static string OnlineDepth(IStringLocalizer text, OnlineDepth depth) => depth switch
    {
        Catalog.V1.OnlineDepth.Information => text["OnlineDepth1"],
        Catalog.V1.OnlineDepth.PreReview => text["OnlineDepth2"],
        Catalog.V1.OnlineDepth.AcceptedOnline => text["OnlineDepth3"],
        Catalog.V1.OnlineDepth.FullyOnline => text["OnlineDepth4"],
        _ => text["OnlineDepthNone"],
    };

    /// <summary>公共企事业单位的行业 (docs/domain.md §9).</summary>
    public static string Sector(IStringLocalizer text, Sector sector) => sector switch
    {
        Disclosures.V1.Sector.Education => text["SectorEducation"],
        Disclosures.V1.Sector.Health => text["SectorHealth"],
        Disclosures.V1.Sector.Water => text["SectorWater"],
        Disclosures.V1.Sector.Power => text["SectorPower"],
        Disclosures.V1.Sector.Gas => text["SectorGas"],
        Disclosures.V1.Sector.Heating => text["SectorHeating"],
        Disclosures.V1.Sector.Transport => text["SectorTransport"],
        Disclosures.V1.Sector.Environment => text["SectorEnvironment"],
        Disclosures.V1.Sector.Telecom => text["SectorTelecom"],
        Disclosures.V1.Sector.SocialInsurance => text["SectorSocialInsurance"],
        Disclosures.V1.Sector.CultureSports => text["SectorCultureSports"],
        Disclosures.V1.Sector.Finance => text["SectorFinance"],
        _ => sector.ToString(),
    };

    public static string ConsultationStatus(IStringLocalizer text, ConsultationStatus status) => status switch
    {
        Catalog.V1.ConsultationStatus.Open => text["ConsultationOpen"],
        Catalog.V1.ConsultationStatus.Answered => text["ConsultationAnswered"],
        Catalog.V1.ConsultationStatus.Published => text["ConsultationPublished"],
        _ => status.ToString(),
    };

    public static string HistoryAction(IStringLocalizer text, ItemHistoryAction action) => action switch
    {
        ItemHistoryAction.Published => text["HistoryPublished"],
        ItemHistoryAction.Suspended => text["HistorySuspended"],
        ItemHistoryAction.Resumed => text["HistoryResumed"],
        ItemHistoryAction.Cancelled => text["HistoryCancelled"],
        _ => action.ToString(),
    };

    /// <summary>A notice for an index that is not ready, or null when it is (or says nothing).</summary>
    public static string? IndexStatus(IStringLocalizer text, IndexState state) => state switch
    {
        IndexState.Unspecified or IndexState.Ready => null,
        IndexState.Rebuilding => text["IndexRebuilding"].Value,
        IndexState.CatchingUp => text["IndexCatchingUp"].Value,
        _ => text["IndexNotReady"].Value,
    };

    public static string Trouble(IStringLocalizer text, ServiceTrouble trouble) => trouble switch
    {
        ServiceTrouble.Slow => text["NoticeSlow"],
        _ => text["NoticeUnavailable"],
    };
}
