using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceHall.Applications.V1;
using ApplicationsClient = ServiceHall.Applications.V1.ApplicationsService.ApplicationsServiceClient;
using SupervisionClient = ServiceHall.Applications.V1.SupervisionService.SupervisionServiceClient;

namespace ServiceHall.Portal.Pages.Supervise;

/// <summary>
/// One case as the supervisor sees it: the case (personal numbers masked by the service), its clock, the warnings
/// given, the whole trail, the 督办 notes with their answers, and the form to add a note. The supervisor changes
/// nothing else. Posted, the browser is sent back to the page (303); refused, the page shows the service's words
/// and what was typed.
/// </summary>
[Authorize]
public sealed class CaseModel(SupervisionClient supervision, ApplicationsClient applications, HallCalls calls) : PortalPage
{
    public static readonly string[] Fields = ["text"];

    public CaseSupervision? View { get; private set; }
    public CaseTrail? Trail { get; private set; }
    public bool SignInExpired { get; private set; }
    public ServiceRefusal? Refusal { get; private set; }

    [BindProperty] public string? Text { get; set; }

    public Task<IActionResult> OnGetAsync(string number) => ShowAsync(number);

    public async Task<IActionResult> OnPostNoteAsync(string number)
    {
        if (await SendAsync(async () => await supervision.AddSupervisionNoteAsync(
                new AddSupervisionNoteRequest { TrackingNumber = number, Text = (Text ?? "").Trim() }, await calls.AsUserAsync(HttpContext))) is not { } refusal)
        {
            return new SeeOther(SupervisionLabels.Case(number) + "#notes");
        }
        Refusal = refusal;
        var page = await ShowAsync(number);
        if (page is PageResult && Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = Refusal.HttpStatus;
        }
        return page;
    }

    async Task<IActionResult> ShowAsync(string number)
    {
        var options = await calls.AsUserAsync(HttpContext);
        using var trail = applications.GetCaseTrailAsync(new GetCaseTrailRequest { TrackingNumber = number }, options);
        try
        {
            View = await supervision.GetCaseSupervisionAsync(new GetCaseSupervisionRequest { TrackingNumber = number }, options);
        }
        catch (RpcException e) when (e.StatusCode is RpcCode.NotFound or RpcCode.InvalidArgument)
        {
            return NotFound();
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.PermissionDenied)
        {
            Refusal = ServiceRefusal.Of(e);
            Response.StatusCode = Refusal.HttpStatus;
            return Page();
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.Unauthenticated)
        {
            SignInExpired = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        catch (RpcException e) when (ServiceTroubles.Of(e) is { } trouble)
        {
            Troubles.Add(trouble);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        // The trail is secondary: without it the case, its warnings and notes still show.
        Trail = await ReadAsync(trail);
        return Page();
    }
}
