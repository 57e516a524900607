using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceHall.Applications.V1;
using ApplicationsClient = ServiceHall.Applications.V1.ApplicationsService.ApplicationsServiceClient;

namespace ServiceHall.Portal.Pages.My;

/// <summary>
/// The applicant's case: status, clock, the steps so far (without officers' internal notes), the 补正 list with the
/// answer form while the case waits for it, and 撤回 while the case is undecided.
/// </summary>
[Authorize]
public sealed class ApplicationModel(ApplicationsClient applications, HallCalls calls) : CasePage(applications, calls)
{
    public const int MaxResponse = 2000;

    /// <summary>The forms' fields under the names the service's refusals use.</summary>
    public static readonly string[] CorrectFields = ["response"], WithdrawFields = ["reason"];

    [BindProperty] public string? CorrectionResponse { get; set; }
    [BindProperty] public string? WithdrawReason { get; set; }

    protected override string PageOf(string trackingNumber) => CaseLinks.Mine(trackingNumber);

    public Task<IActionResult> OnGetAsync(string number) => ShowAsync(number);

    public Task<IActionResult> OnPostCorrectAsync(string number) =>
        StepAsync(number, CaseAction.CorrectionSubmitted, options => Applications.SubmitCorrectionAsync(
            new SubmitCorrectionRequest { TrackingNumber = number, Response = Text(CorrectionResponse) }, options));

    public Task<IActionResult> OnPostWithdrawAsync(string number) =>
        StepAsync(number, CaseAction.Withdrawn, options => Applications.WithdrawApplicationAsync(
            new WithdrawApplicationRequest { TrackingNumber = number, Reason = Text(WithdrawReason) }, options));
}
