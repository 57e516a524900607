using Grpc.Core;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Case;

/// <summary>
/// The case's state machine (docs/domain.md §5): from which states each step may be taken and where it leads.
/// 补正 and a special procedure interrupt a case and hand it back: 补正 to where it was, a special procedure to
/// review. Refused, withdrawn and completed cases take no step at all.
/// </summary>
public static class CaseRules
{
    static readonly ApplicationStatus[] BeforeDecision =
    [
        ApplicationStatus.Submitted, ApplicationStatus.Accepted, ApplicationStatus.UnderReview,
        ApplicationStatus.MaterialsRequested, ApplicationStatus.SpecialProcedure,
    ];

    static readonly ApplicationStatus[] Accepted = [ApplicationStatus.Accepted, ApplicationStatus.UnderReview];

    /// <summary>The states each step may be taken from.</summary>
    public static IReadOnlyList<ApplicationStatus> AllowedFrom(CaseAction action) => action switch
    {
        CaseAction.Accepted or CaseAction.Refused => [ApplicationStatus.Submitted],
        CaseAction.CorrectionRequested => [ApplicationStatus.Submitted, .. Accepted],
        CaseAction.CorrectionSubmitted => [ApplicationStatus.MaterialsRequested],
        CaseAction.Reviewed or CaseAction.SpecialProcedureStarted or CaseAction.Decided => Accepted,
        CaseAction.SpecialProcedureEnded => [ApplicationStatus.SpecialProcedure],
        CaseAction.Extended => BeforeDecision[1..],
        CaseAction.Completed => [ApplicationStatus.Approved, ApplicationStatus.Denied],
        CaseAction.Withdrawn => BeforeDecision,
        _ => [],
    };

    /// <summary>Open cases: what an officer's queue holds by default.</summary>
    public static IReadOnlyList<ApplicationStatus> Open { get; } = [.. BeforeDecision, ApplicationStatus.Approved, ApplicationStatus.Denied];

    /// <summary>Where the step leads from <paramref name="from"/>; refused with the current state named when not allowed.</summary>
    /// <param name="resume">Where an interrupted case returns (the state before 补正).</param>
    /// <param name="approved">For a decision: approved or denied.</param>
    public static ApplicationStatus Next(string trackingNumber, ApplicationStatus from, CaseAction action, ApplicationStatus resume = ApplicationStatus.Unspecified, bool approved = false)
    {
        if (!AllowedFrom(action).Contains(from))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"申请 {trackingNumber} 当前状态为“{CaseWords.Of(from)}”，不能{CaseWords.Of(action)}" + Possible(from)));
        }
        return action switch
        {
            CaseAction.Accepted => ApplicationStatus.Accepted,
            CaseAction.Refused => ApplicationStatus.Refused,
            CaseAction.CorrectionRequested => ApplicationStatus.MaterialsRequested,
            CaseAction.CorrectionSubmitted => resume == ApplicationStatus.Unspecified ? ApplicationStatus.Submitted : resume,
            CaseAction.Reviewed or CaseAction.SpecialProcedureEnded => ApplicationStatus.UnderReview,
            CaseAction.SpecialProcedureStarted => ApplicationStatus.SpecialProcedure,
            CaseAction.Extended => from,
            CaseAction.Decided => approved ? ApplicationStatus.Approved : ApplicationStatus.Denied,
            CaseAction.Completed => ApplicationStatus.Completed,
            CaseAction.Withdrawn => ApplicationStatus.Withdrawn,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a step of a case"),
        };
    }

    /// <summary>The clock stops with these states: nothing is owed within the limit any more.</summary>
    public static bool StopsClock(ApplicationStatus status) =>
        status is ApplicationStatus.Refused or ApplicationStatus.Withdrawn or ApplicationStatus.Approved or ApplicationStatus.Denied;

    static string Possible(ApplicationStatus from)
    {
        var steps = Enum.GetValues<CaseAction>().Where(a => a is not (CaseAction.Unspecified or CaseAction.Submitted) && AllowedFrom(a).Contains(from)).ToList();
        return steps.Count == 0 ? "；该申请已终结，不能再办理" : $"；当前可以：{string.Join("、", steps.Select(CaseWords.Of))}";
    }
}
