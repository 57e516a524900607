using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceHall.Applications.V1;
using ApplicationsClient = ServiceHall.Applications.V1.ApplicationsService.ApplicationsServiceClient;

namespace ServiceHall.Portal.Pages.My;

/// <summary>
/// The applicant's case: status, clock, the steps so far (without officers' internal notes), the 补正 list with the
/// answer form (with files for the materials it names) while the case waits for it, the case's files with their
/// downloads (the decision document among them once decided), and 撤回 while the case is undecided.
/// </summary>
[Authorize]
[RequestSizeLimit(MaterialUploads.MaxFormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaterialUploads.MaxFormBytes)]
public sealed class ApplicationModel(ApplicationsClient applications, HallCalls calls) : CasePage(applications, calls)
{
    public const int MaxResponse = 2000;

    /// <summary>The forms' fields under the names the service's refusals use.</summary>
    public static readonly string[] CorrectFields = ["response", "materials"], WithdrawFields = ["reason"];

    [BindProperty] public string? CorrectionResponse { get; set; }
    [BindProperty] public string? WithdrawReason { get; set; }

    /// <summary>The 补正 answer's files, one entry per material the 补正 list names.</summary>
    [BindProperty] public List<MaterialSlotInput> CorrectionFiles { get; set; } = [];

    /// <summary>Problems with the answer's files that name no one material.</summary>
    public List<string> CorrectionFileProblems { get; private set; } = [];

    /// <summary>The materials the open 补正 list names, in its order: one file input each.</summary>
    public static IReadOnlyList<string> CorrectionSlots(Application application) =>
        [.. application.OpenCorrection.Select(c => c.Material.Trim()).Where(m => m.Length > 0).Distinct()];

    /// <summary>The form's entry for a named material: what was posted or kept for it, or an empty one.</summary>
    public MaterialSlotInput CorrectionInput(string name) =>
        CorrectionFiles.FirstOrDefault(m => m.Name == name) ?? new MaterialSlotInput { Name = name };

    public CaseFilesView FilesView(string number) => new(Files, id => CaseFiles.Mine(number, id));

    protected override string PageOf(string trackingNumber) => CaseLinks.Mine(trackingNumber);

    public Task<IActionResult> OnGetAsync(string number) => ShowAsync(number);

    public async Task<IActionResult> OnPostCorrectAsync(string number)
    {
        if (await UploadAsync(number, CaseAction.CorrectionSubmitted, CorrectionFiles) is { } refused)
        {
            return refused;
        }
        var request = new SubmitCorrectionRequest { TrackingNumber = number, Response = Text(CorrectionResponse) };
        request.Materials.AddRange(MaterialUploads.Attached(CorrectionFiles));
        return await StepAsync(number, CaseAction.CorrectionSubmitted, options => Applications.SubmitCorrectionAsync(request, options));
    }

    protected override void Refused(ServiceRefusal refusal) =>
        CorrectionFileProblems = MaterialUploads.Place(refusal, "materials", CorrectionFiles);

    public Task<IActionResult> OnPostWithdrawAsync(string number) =>
        StepAsync(number, CaseAction.Withdrawn, options => Applications.WithdrawApplicationAsync(
            new WithdrawApplicationRequest { TrackingNumber = number, Reason = Text(WithdrawReason) }, options));
}
