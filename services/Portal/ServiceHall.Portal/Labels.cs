using Microsoft.Extensions.Localization;
using ServiceHall.Applications.V1;
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

    /// <summary>办件状态 (docs/domain.md §5).</summary>
    public static string CaseStatus(IStringLocalizer text, ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => text["CaseSubmitted"],
        ApplicationStatus.Accepted => text["CaseAccepted"],
        ApplicationStatus.Refused => text["CaseRefused"],
        ApplicationStatus.MaterialsRequested => text["CaseMaterialsRequested"],
        ApplicationStatus.SpecialProcedure => text["CaseSpecialProcedure"],
        ApplicationStatus.UnderReview => text["CaseUnderReview"],
        ApplicationStatus.Approved => text["CaseApproved"],
        ApplicationStatus.Denied => text["CaseDenied"],
        ApplicationStatus.Completed => text["CaseCompleted"],
        ApplicationStatus.Withdrawn => text["CaseWithdrawn"],
        _ => status.ToString(),
    };

    /// <summary>A step of a case's trail, and the name of the form that takes it.</summary>
    public static string CaseAction(IStringLocalizer text, CaseAction action) => action switch
    {
        Applications.V1.CaseAction.Submitted => text["StepSubmitted"],
        Applications.V1.CaseAction.Accepted => text["StepAccepted"],
        Applications.V1.CaseAction.Refused => text["StepRefused"],
        Applications.V1.CaseAction.Reviewed => text["StepReviewed"],
        Applications.V1.CaseAction.CorrectionRequested => text["StepCorrectionRequested"],
        Applications.V1.CaseAction.CorrectionSubmitted => text["StepCorrectionSubmitted"],
        Applications.V1.CaseAction.SpecialProcedureStarted => text["StepSpecialStarted"],
        Applications.V1.CaseAction.SpecialProcedureEnded => text["StepSpecialEnded"],
        Applications.V1.CaseAction.Extended => text["StepExtended"],
        Applications.V1.CaseAction.Decided => text["StepDecided"],
        Applications.V1.CaseAction.Completed => text["StepCompleted"],
        Applications.V1.CaseAction.Withdrawn => text["StepWithdrawn"],
        _ => action.ToString(),
    };

    public static string ClockState(IStringLocalizer text, ClockState state) => state switch
    {
        Applications.V1.ClockState.NotStarted => text["ClockNotStarted"],
        Applications.V1.ClockState.Running => text["ClockRunning"],
        Applications.V1.ClockState.Paused => text["ClockPaused"],
        Applications.V1.ClockState.Stopped => text["ClockStopped"],
        _ => state.ToString(),
    };

    public static string LimitUnit(IStringLocalizer text, LimitUnit unit) => unit switch
    {
        Applications.V1.LimitUnit.CalendarDays => text["CalendarDays"],
        _ => text["WorkingDays"],
    };

    /// <summary>送达方式; unspecified is 窗口领取, as the service takes it.</summary>
    public static string Delivery(IStringLocalizer text, DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Post => text["DeliveryPost"],
        DeliveryChannel.Electronic => text["DeliveryElectronic"],
        _ => text["DeliveryWindow"],
    };

    public static string SpecialProcedure(IStringLocalizer text, SpecialProcedureKind kind) => kind switch
    {
        SpecialProcedureKind.Hearing => text["SpecialHearing"],
        SpecialProcedureKind.ExpertReview => text["SpecialExpertReview"],
        SpecialProcedureKind.Inspection => text["SpecialInspection"],
        SpecialProcedureKind.Testing => text["SpecialTesting"],
        SpecialProcedureKind.PublicNotice => text["SpecialPublicNotice"],
        _ => kind.ToString(),
    };

    public static string Decision(IStringLocalizer text, Decision decision) => decision switch
    {
        Applications.V1.Decision.Approve => text["DecisionApprove"],
        Applications.V1.Decision.Deny => text["DecisionDeny"],
        _ => decision.ToString(),
    };
}
