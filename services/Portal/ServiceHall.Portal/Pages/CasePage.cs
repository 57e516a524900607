using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceHall.Applications.V1;
using ApplicationsClient = ServiceHall.Applications.V1.ApplicationsService.ApplicationsServiceClient;

namespace ServiceHall.Portal.Pages;

/// <summary>
/// A case page (the applicant's or the officers'): the case with its clock and its trail as the service gives them to
/// the signed-in reader, and its forms. Each form posts one step; done, the browser is sent back to the page (303), so
/// a reload never takes the step twice; refused, the page shows again with the service's words and what was typed.
/// </summary>
public abstract class CasePage(ApplicationsClient applications, HallCalls calls) : PortalPage
{
    protected ApplicationsClient Applications => applications;

    protected HallCalls Calls => calls;

    public Application? Case { get; private set; }
    public CaseTrail? Trail { get; private set; }

    /// <summary>The case's files (materials, replaced ones, the decision document); null when they could not be read.</summary>
    public ListCaseMaterialsResponse? Files { get; private set; }

    /// <summary>The refusal of the last posted form, and which form it was (its step), to show it there.</summary>
    public ServiceRefusal? Refusal { get; private set; }
    public CaseAction RefusedStep { get; private set; }

    public bool SignInExpired { get; private set; }

    public ServiceRefusal? RefusalOf(CaseAction step) => RefusedStep == step ? Refusal : null;

    /// <summary>What a page does more with a refusal before showing it again (places problems beside file inputs).</summary>
    protected virtual void Refused(ServiceRefusal refusal)
    {
    }

    /// <summary>This page's own address for the case.</summary>
    protected abstract string PageOf(string trackingNumber);

    protected async Task<IActionResult> ShowAsync(string number)
    {
        var options = await calls.AsUserAsync(HttpContext);
        // Both at once; the trail is secondary: without it the case and its forms still show.
        using var reading = applications.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = number }, options);
        using var trail = applications.GetCaseTrailAsync(new GetCaseTrailRequest { TrackingNumber = number }, options);
        using var files = applications.ListCaseMaterialsAsync(new ListCaseMaterialsRequest { TrackingNumber = number }, options);
        try
        {
            Case = await reading.ResponseAsync;
        }
        catch (RpcException e) when (e.StatusCode is RpcCode.NotFound or RpcCode.InvalidArgument or RpcCode.PermissionDenied)
        {
            // Another person's case is as unknown to this reader as one that does not exist.
            return NotFound();
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
        Trail = await ReadAsync(trail);
        try
        {
            Files = await files.ResponseAsync;
        }
        catch (RpcException e) when (e.StatusCode != RpcCode.Cancelled)
        {
            // The files are secondary too: the case and its steps show without them, and their section says so.
        }
        await ShownAsync(Case, options);
        return Page();
    }

    /// <summary>What a page reads more once the case is shown (the workbench: the case's 督办 notes).</summary>
    protected virtual Task ShownAsync(Application shown, CallOptions options) => Task.CompletedTask;

    /// <summary>Takes one step through the service; back to the page when done, the page with the refusal when not.</summary>
    protected async Task<IActionResult> StepAsync(string number, CaseAction step, Func<CallOptions, AsyncUnaryCall<Application>> call)
    {
        if (await SendAsync(async () => await call(await calls.AsUserAsync(HttpContext))) is not { } refusal)
        {
            return new SeeOther(PageOf(number));
        }
        Refusal = refusal;
        RefusedStep = step;
        Refused(Refusal);
        var page = await ShowAsync(number);
        if (page is PageResult && Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = Refusal.HttpStatus;
        }
        return page;
    }

    /// <summary>
    /// Uploads the files a form chose (UploadMaterial as the reader); refused, the page shows again with the
    /// service's words beside the file's input and the form's step is not taken.
    /// </summary>
    protected async Task<IActionResult?> UploadAsync(string number, CaseAction step, IReadOnlyList<MaterialSlotInput> slots)
    {
        if (await MaterialUploads.UploadAsync(applications, await calls.AsUserAsync(HttpContext), slots, Troubles))
        {
            return null;
        }
        RefusedStep = step;
        var page = await ShowAsync(number);
        if (page is PageResult && Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = Troubles.Count > 0 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
        }
        return page;
    }

    /// <summary>Text from a form as the service takes it: trimmed, never null.</summary>
    protected static string Text(string? value) => (value ?? "").Trim();
}
