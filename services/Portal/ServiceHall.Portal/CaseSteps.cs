using ServiceHall.Applications.V1;

namespace ServiceHall.Portal;

/// <summary>
/// Which forms a case page offers in each state (docs/domain.md §5). Only to leave out forms that cannot succeed:
/// the applications service decides (CaseRules) and its refusal is shown if the case changed meanwhile.
/// </summary>
public static class CaseSteps
{
    static readonly ApplicationStatus[] Accepted = [ApplicationStatus.Accepted, ApplicationStatus.UnderReview];

    static readonly ApplicationStatus[] BeforeDecision =
    [
        ApplicationStatus.Submitted, ApplicationStatus.Accepted, ApplicationStatus.UnderReview,
        ApplicationStatus.MaterialsRequested, ApplicationStatus.SpecialProcedure,
    ];

    public static bool Allows(ApplicationStatus status, CaseAction action) => action switch
    {
        CaseAction.Accepted or CaseAction.Refused => status == ApplicationStatus.Submitted,
        CaseAction.CorrectionRequested => status == ApplicationStatus.Submitted || Accepted.Contains(status),
        CaseAction.CorrectionSubmitted => status == ApplicationStatus.MaterialsRequested,
        CaseAction.Reviewed or CaseAction.SpecialProcedureStarted or CaseAction.Decided => Accepted.Contains(status),
        CaseAction.SpecialProcedureEnded => status == ApplicationStatus.SpecialProcedure,
        // Once per case: the page also leaves it out when Application.extended says it was granted.
        CaseAction.Extended => BeforeDecision[1..].Contains(status),
        CaseAction.Completed => status is ApplicationStatus.Approved or ApplicationStatus.Denied,
        CaseAction.Withdrawn => BeforeDecision.Contains(status),
        _ => false,
    };

    /// <summary>The officers' steps, in the order their forms appear.</summary>
    public static IReadOnlyList<CaseAction> OfficerSteps { get; } =
    [
        CaseAction.Accepted, CaseAction.Refused, CaseAction.Reviewed, CaseAction.CorrectionRequested,
        CaseAction.SpecialProcedureStarted, CaseAction.SpecialProcedureEnded, CaseAction.Extended,
        CaseAction.Decided, CaseAction.Completed,
    ];

    /// <summary>The states a queue can be filtered by: the open ones (the queue's default) first.</summary>
    public static IReadOnlyList<ApplicationStatus> Statuses { get; } =
    [
        ApplicationStatus.Submitted, ApplicationStatus.Accepted, ApplicationStatus.UnderReview, ApplicationStatus.MaterialsRequested,
        ApplicationStatus.SpecialProcedure, ApplicationStatus.Approved, ApplicationStatus.Denied, ApplicationStatus.Completed,
        ApplicationStatus.Refused, ApplicationStatus.Withdrawn,
    ];
}
