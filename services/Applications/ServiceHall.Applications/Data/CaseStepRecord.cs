using Google.Protobuf.WellKnownTypes;
using ServiceHall.Applications.Case;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Data;

/// <summary>
/// One step of a case's trail: who did what, when, with which opinion. Append-only: the table's triggers refuse
/// UPDATE and DELETE (the CaseLife migration), and a step is saved in the same transaction as the case's change, so
/// there is never a change without its step or a step without its change.
/// </summary>
public sealed class CaseStepRecord
{
    public required string TrackingNumber { get; init; }
    public required int Sequence { get; init; }
    public required DateTime At { get; init; }
    public required CaseAction Action { get; init; }
    public required string ActorSubject { get; init; }
    public required string ActorName { get; init; }
    public required string ActorRole { get; init; }
    public required ApplicationStatus FromStatus { get; init; }
    public required ApplicationStatus ToStatus { get; init; }
    public string Opinion { get; init; } = "";
    /// <summary>Officers' and the supervisor's only: never shown to the applicant.</summary>
    public string InternalNote { get; init; } = "";
    public List<CorrectionItem> CorrectionItems { get; init; } = [];
    public string ReviewStep { get; init; } = "";
    public int WorkingDays { get; init; }
    public SpecialProcedureKind SpecialProcedure { get; init; }
    public Decision Decision { get; init; }
    public string DocumentNumber { get; init; } = "";
    public string DocumentTitle { get; init; } = "";

    /// <param name="whole">With internal notes: for officers of the department and the supervisor.</param>
    public CaseStep ToMessage(bool whole) => new()
    {
        Sequence = Sequence,
        At = Timestamp.FromDateTime(At),
        Action = Action,
        ActorName = ActorName,
        ActorRole = ActorRole,
        FromStatus = FromStatus,
        ToStatus = ToStatus,
        Opinion = PersonalNumbers.MaskAll(Opinion),
        InternalNote = whole ? PersonalNumbers.MaskAll(InternalNote) : "",
        CorrectionItems = { CorrectionItems.Select(CaseText.Masked) },
        ReviewStep = ReviewStep,
        WorkingDays = WorkingDays,
        SpecialProcedure = SpecialProcedure,
        Decision = Decision,
        DocumentNumber = DocumentNumber,
        DocumentTitle = DocumentTitle,
    };
}
