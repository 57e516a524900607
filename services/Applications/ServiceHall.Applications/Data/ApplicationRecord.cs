using Google.Protobuf.WellKnownTypes;
using ServiceHall.Applications.Case;
using ServiceHall.Applications.Materials;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications.Data;

/// <summary>
/// One application (办件). The item's name, type and department are copied at submission: the case is handled
/// under the guide the applicant applied for, even if the catalog changes later. The applicant's personal
/// numbers are kept whole here (the department needs them to handle the case) and leave the service masked,
/// except through an audited reveal.
/// </summary>
public sealed class ApplicationRecord
{
    public required string TrackingNumber { get; set; }
    /// <summary>The token subject of the applicant who submitted it: the owner.</summary>
    public required string OwnerSubject { get; init; }
    public required string IdempotencyKey { get; init; }
    public required string ItemId { get; init; }
    public required string ItemName { get; init; }
    /// <summary>
    /// 事项类型 (行政许可, 公共服务 …): an approved 行政许可 becomes a licence record in credit (双公示). Empty for
    /// cases submitted before it was copied.
    /// </summary>
    public string ItemType { get; init; } = "";
    /// <summary>实施主体's name.</summary>
    public required string Department { get; init; }
    /// <summary>实施主体's unified social credit code: the officers of this department handle the case.</summary>
    public required string DepartmentCode { get; init; }
    public required string ApplicantName { get; init; }
    /// <summary>person or business.</summary>
    public required string ApplicantKind { get; init; }
    /// <summary>Whole; empty when a business applied without its agent's ID.</summary>
    public required string ApplicantIdNumber { get; init; }
    public required string ApplicantPhone { get; init; }
    /// <summary>A business applicant's credit code, from its sign-in; empty for a person.</summary>
    public required string ApplicantCreditCode { get; init; }
    public required string Note { get; init; }
    public required ApplicationStatus Status { get; set; }
    public DateTime SubmittedAt { get; init; }
    /// <summary>The county day of <see cref="SubmittedAt"/>: what the public figures count submissions by.</summary>
    public DateOnly SubmittedOn { get; init; }

    // The case's life (docs/domain.md §5). The limits are copied from the guide at submission, like its name.
    /// <summary>Where a case interrupted by 补正 returns when the applicant answers.</summary>
    public ApplicationStatus ResumeStatus { get; set; }
    public DeliveryChannel Delivery { get; init; }
    /// <summary>The guide's 办理流程 step names when submitted: what a review step must name.</summary>
    public List<string> ReviewSteps { get; init; } = [];
    public int LimitDays { get; init; }
    public LimitUnit LimitUnit { get; init; }
    public int StatutoryDays { get; init; }
    public DateOnly? AcceptedOn { get; set; }
    /// <summary>The county day of the decision, refusal or withdrawal: the clock stands still from then.</summary>
    public DateOnly? StoppedOn { get; set; }
    public int ExtensionDays { get; set; }
    public List<CasePause> Pauses { get; set; } = [];
    /// <summary>
    /// Days the clock had counted when it stopped, kept so the public figures (docs/domain.md §5) are one query
    /// instead of a clock reading per case; null while it runs and for cases stopped before it was kept.
    /// </summary>
    public int? DaysUsedAtStop { get; set; }
    /// <summary>The county day of 办结, for the public figures.</summary>
    public DateOnly? CompletedOn { get; set; }
    /// <summary>The deadline as computed at the last change, for sorting queues; reads compute the clock afresh.</summary>
    public DateOnly? DeadlineOn { get; set; }
    public List<CorrectionItem> OpenCorrection { get; set; } = [];
    public Decision Decision { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string DocumentTitle { get; set; } = "";
    /// <summary>The guide's materials when submitted: the slots files are attached under, and which must be filled.</summary>
    public List<MaterialSlot> MaterialSlots { get; init; } = [];
    /// <summary>Bumped by every step: two officers acting at once cannot both change the case from the same state.</summary>
    public int Version { get; set; }

    public CaseClockReading.Facts ClockFacts =>
        new(AcceptedOn, LimitDays, LimitUnit, StatutoryDays, ExtensionDays, StoppedOn, Pauses);

    /// <param name="request">Already checked by <see cref="SubmissionRules.Check"/>.</param>
    /// <param name="departmentCode">The implementing department's code, as the catalog gave it.</param>
    public static ApplicationRecord Submit(SubmitApplicationRequest request, Applicant applicant, ServiceItem item, string departmentCode, DateTime utcNow) => new()
    {
        Delivery = request.Delivery == DeliveryChannel.Unspecified ? DeliveryChannel.Window : request.Delivery,
        ReviewSteps = [.. item.Guide.Steps.Select(s => s.Name.Trim()).Where(n => n.Length > 0)],
        MaterialSlots = MaterialSlot.Of(item.Guide),
        LimitDays = Math.Max(0, item.Guide.PromisedLimit?.Value ?? 0),
        LimitUnit = UnitOf(item.Guide.PromisedLimit),
        StatutoryDays = Math.Max(0, item.Guide.StatutoryLimit?.Value ?? 0),
        TrackingNumber = Applications.TrackingNumber.New(utcNow),
        OwnerSubject = applicant.Subject,
        IdempotencyKey = request.IdempotencyKey,
        ItemId = request.ItemId,
        ItemName = item.Guide.Name,
        ItemType = item.Guide.ItemType.Trim(),
        Department = item.Department?.Name is { Length: > 0 } department ? department : item.Guide.DepartmentCode,
        DepartmentCode = departmentCode,
        ApplicantName = request.ApplicantName.Trim(),
        ApplicantKind = applicant.Kind,
        ApplicantIdNumber = SubmissionRules.NormalizeIdNumber(request.ApplicantIdNumber),
        ApplicantPhone = SubmissionRules.NormalizePhone(request.ApplicantPhone),
        ApplicantCreditCode = applicant.CreditCode,
        Note = request.Note,
        Status = ApplicationStatus.Submitted,
        // PostgreSQL keeps microseconds; the reply to a submit must show the instant a later read will show.
        SubmittedAt = ServiceDatabase.ToStoredPrecision(utcNow),
        SubmittedOn = CountyClock.Today(utcNow),
    };

    /// <summary>The trail's first step: the applicant submitted.</summary>
    public CaseStepRecord FirstStep(System.Security.Claims.ClaimsPrincipal applicant) => new()
    {
        TrackingNumber = TrackingNumber,
        Sequence = 1,
        At = SubmittedAt,
        Action = CaseAction.Submitted,
        ActorSubject = OwnerSubject,
        ActorName = applicant.Identity?.Name ?? OwnerSubject,
        ActorRole = HallRoles.Applicant,
        FromStatus = ApplicationStatus.Unspecified,
        ToStatus = ApplicationStatus.Submitted,
    };

    /// <summary>Guides write 工作日 or 自然日 (docs/domain.md §1); a limit in neither counts working days.</summary>
    static LimitUnit UnitOf(TimeLimit? limit) => limit?.Unit.Trim() == "自然日" ? LimitUnit.CalendarDays : LimitUnit.WorkingDays;

    /// <summary>Whether a request under this record's idempotency key (of the same owner) asks for this same application.</summary>
    public bool IsSameSubmission(SubmitApplicationRequest request) =>
        ItemId == request.ItemId
        && ApplicantName == request.ApplicantName.Trim()
        && ApplicantIdNumber == SubmissionRules.NormalizeIdNumber(request.ApplicantIdNumber)
        && ApplicantPhone == SubmissionRules.NormalizePhone(request.ApplicantPhone);

    /// <summary>
    /// What every reader sees: personal numbers masked (docs/domain.md §6), also where an applicant typed one into the
    /// note, since officers and supervisors read the note too. Only <see cref="ToNumbers"/> gives them whole.
    /// </summary>
    public Application ToMessage(CaseClock clock)
    {
        var message = Masked();
        message.Clock = clock;
        return message;
    }

    Application Masked() => new()
    {
        TrackingNumber = TrackingNumber,
        ItemId = ItemId,
        ItemName = ItemName,
        Department = Department,
        DepartmentCode = DepartmentCode,
        ApplicantName = PersonalNumbers.MaskAll(ApplicantName),
        ApplicantKind = ApplicantKind,
        ApplicantIdNumber = ApplicantIdNumber.Length == 0 ? "" : PersonalNumbers.MaskResidentId(ApplicantIdNumber),
        ApplicantPhone = PersonalNumbers.MaskMobile(ApplicantPhone),
        ApplicantCreditCode = ApplicantCreditCode,
        Status = Status,
        SubmittedAt = Timestamp.FromDateTime(SubmittedAt),
        Note = PersonalNumbers.MaskAll(Note),
        Delivery = Delivery,
        ReviewSteps = { ReviewSteps },
        OpenCorrection = { OpenCorrection.Select(CaseText.Masked) },
        Decision = Decision,
        DocumentNumber = DocumentNumber,
        DocumentTitle = DocumentTitle,
        Extended = ExtensionDays > 0,
    };

    /// <summary>The whole numbers, for an audited reveal only.</summary>
    public ApplicantNumbers ToNumbers() => new()
    {
        TrackingNumber = TrackingNumber,
        ApplicantIdNumber = ApplicantIdNumber,
        ApplicantPhone = ApplicantPhone,
    };
}
