using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;
using ApplicationsClient = ServiceHall.Applications.V1.ApplicationsService.ApplicationsServiceClient;
using SupervisionClient = ServiceHall.Applications.V1.SupervisionService.SupervisionServiceClient;

namespace ServiceHall.Portal.Pages.Work;

/// <summary>
/// A case on the officers' workbench: the case, its clock, its whole trail with internal notes, and one form for each
/// step its state allows (受理, 不予受理, 审查, 补正, 特别程序, 延期 for the department head, 决定, 办结). A
/// supervisor reads the same page without forms. The case's files are listed with downloads; 决定 takes the decision
/// document as a file. Each form posts to its own handler (?handler=accept …).
/// </summary>
[Authorize]
[RequestSizeLimit(MaterialUploads.MaxFormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaterialUploads.MaxFormBytes)]
public sealed partial class CaseModel(ApplicationsClient applications, SupervisionClient supervision, HallCalls calls) : CasePage(applications, calls)
{
    /// <summary>Rows of the 补正 list without JavaScript: blank rows are left out (the service takes 1 to 30).</summary>
    public const int CorrectionRows = 5;

    /// <summary>Every field the step forms have, under the names the service's refusals use.</summary>
    public static readonly string[] Fields =
        ["opinion", "reason", "internal_note", "working_days", "step", "items", "kind", "decision", "document_number", "document_title", "delivery_note", "document_material_id"];

    [BindProperty] public string? Opinion { get; set; }
    [BindProperty] public string? InternalNote { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? ReviewStep { get; set; }
    [BindProperty] public List<CorrectionRow> Corrections { get; set; } = [];
    [BindProperty] public SpecialProcedureKind Kind { get; set; }
    [BindProperty] public int? WorkingDays { get; set; }
    [BindProperty] public Decision Decision { get; set; }
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public string? DocumentTitle { get; set; }
    [BindProperty] public string? DeliveryNote { get; set; }

    /// <summary>The decision document (决定文书) as a file: chosen now, or uploaded in a refused attempt and kept.</summary>
    [BindProperty] public MaterialSlotInput Document { get; set; } = new();

    public CaseFilesView FilesView(string number) => new(Files, id => CaseFiles.Work(number, id));

    /// <summary>Officers take steps; a supervisor (or anyone else) only reads, and the page offers no form.</summary>
    public bool Handles => User.IsInRole(HallRoles.Officer) || User.IsInRole(HallRoles.DepartmentHead);

    public bool MayExtend => User.IsInRole(HallRoles.DepartmentHead);

    /// <summary>The steps whose forms the page shows for this case and this reader.</summary>
    public IEnumerable<CaseAction> Offered(Application application) => CaseSteps.OfficerSteps.Where(step =>
        CaseSteps.Allows(application.Status, step)
        && (step == CaseAction.Extended ? MayExtend && !application.Extended : User.IsInRole(HallRoles.Officer)));

    /// <summary>What the reader typed into this step's form, when it was the one refused; empty otherwise.</summary>
    public string Kept(CaseAction step, string? value) => RefusedStep == step ? value ?? "" : "";

    protected override string PageOf(string trackingNumber) => CaseLinks.Work(trackingNumber);

    public Task<IActionResult> OnGetAsync(string number) => ShowAsync(number);

    public Task<IActionResult> OnPostAcceptAsync(string number) =>
        StepAsync(number, CaseAction.Accepted, o => Applications.AcceptApplicationAsync(
            new AcceptApplicationRequest { TrackingNumber = number, Opinion = Text(Opinion), InternalNote = Text(InternalNote) }, o));

    public Task<IActionResult> OnPostRefuseAsync(string number) =>
        StepAsync(number, CaseAction.Refused, o => Applications.RefuseApplicationAsync(
            new RefuseApplicationRequest { TrackingNumber = number, Reason = Text(Reason), InternalNote = Text(InternalNote) }, o));

    public Task<IActionResult> OnPostReviewAsync(string number) =>
        StepAsync(number, CaseAction.Reviewed, o => Applications.RecordReviewAsync(
            new RecordReviewRequest { TrackingNumber = number, Step = Text(ReviewStep), Opinion = Text(Opinion), InternalNote = Text(InternalNote) }, o));

    public Task<IActionResult> OnPostCorrectionAsync(string number)
    {
        var request = new RequestCorrectionRequest { TrackingNumber = number, InternalNote = Text(InternalNote) };
        // Rows left blank are not items; a half-filled row goes to the service, which names what is missing.
        request.Items.AddRange(Corrections
            .Where(row => !string.IsNullOrWhiteSpace(row.Material) || !string.IsNullOrWhiteSpace(row.Problem))
            .Select(row => new CorrectionItem { Material = Text(row.Material), Problem = Text(row.Problem) }));
        return StepAsync(number, CaseAction.CorrectionRequested, o => Applications.RequestCorrectionAsync(request, o));
    }

    public Task<IActionResult> OnPostSpecialStartAsync(string number) =>
        StepAsync(number, CaseAction.SpecialProcedureStarted, o => Applications.StartSpecialProcedureAsync(new StartSpecialProcedureRequest
        {
            TrackingNumber = number, Kind = Kind, WorkingDays = WorkingDays ?? 0, Reason = Text(Reason), InternalNote = Text(InternalNote),
        }, o));

    public Task<IActionResult> OnPostSpecialEndAsync(string number) =>
        StepAsync(number, CaseAction.SpecialProcedureEnded, o => Applications.EndSpecialProcedureAsync(
            new EndSpecialProcedureRequest { TrackingNumber = number, Opinion = Text(Opinion), InternalNote = Text(InternalNote) }, o));

    public Task<IActionResult> OnPostExtendAsync(string number) =>
        StepAsync(number, CaseAction.Extended, o => Applications.ExtendDeadlineAsync(
            new ExtendDeadlineRequest { TrackingNumber = number, WorkingDays = WorkingDays ?? 0, Reason = Text(Reason) }, o));

    /// <summary>决定: the decision document's file, if one is chosen, is uploaded first and then named by its id.</summary>
    public async Task<IActionResult> OnPostDecideAsync(string number)
    {
        if (await UploadAsync(number, CaseAction.Decided, [Document]) is { } refused)
        {
            return refused;
        }
        return await StepAsync(number, CaseAction.Decided, o => Applications.DecideApplicationAsync(new DecideApplicationRequest
        {
            TrackingNumber = number, Decision = Decision, Opinion = Text(Opinion), DocumentNumber = Text(DocumentNumber),
            DocumentTitle = Text(DocumentTitle), InternalNote = Text(InternalNote), DocumentMaterialId = Text(Document.MaterialId),
        }, o));
    }

    public Task<IActionResult> OnPostCompleteAsync(string number) =>
        StepAsync(number, CaseAction.Completed, o => Applications.CompleteApplicationAsync(
            new CompleteApplicationRequest { TrackingNumber = number, DeliveryNote = Text(DeliveryNote) }, o));

    /// <summary>The keys the handlers answer to, by step (the forms' ?handler=).</summary>
    public static string Handler(CaseAction step) => step switch
    {
        CaseAction.Accepted => "accept",
        CaseAction.Refused => "refuse",
        CaseAction.Reviewed => "review",
        CaseAction.CorrectionRequested => "correction",
        CaseAction.SpecialProcedureStarted => "specialstart",
        CaseAction.SpecialProcedureEnded => "specialend",
        CaseAction.Extended => "extend",
        CaseAction.Decided => "decide",
        CaseAction.Completed => "complete",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "not an officer's step"),
    };
}

/// <summary>One line of a 补正 list as the form posts it.</summary>
public sealed class CorrectionRow
{
    public string? Material { get; set; }
    public string? Problem { get; set; }
}
