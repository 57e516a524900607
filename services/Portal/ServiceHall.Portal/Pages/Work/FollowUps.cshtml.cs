using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;
using RatingClient = ServiceHall.Applications.V1.RatingService.RatingServiceClient;

namespace ServiceHall.Portal.Pages.Work;

/// <summary>
/// 整改回访: the follow-ups of bad ratings of the officer's department, nearest deadline first, overdue ones marked,
/// each with the form for its next step (record the rectification, then the call-back). A supervisor reads every
/// department's and acts on none; "overdue only" (a plain GET filter) is the supervision board.
/// </summary>
[Authorize]
public sealed class FollowUpsModel(RatingClient ratings, HallCalls calls) : PortalPage
{
    public const string Path = "/work/follow-ups";
    public const int MaxText = 2000;

    /// <summary>The forms' fields under the names the service's refusals use.</summary>
    public static readonly string[] RectifyFields = ["rectification"], CallBackFields = ["call_back"];

    [BindProperty] public string? RatingId { get; set; }
    [BindProperty] public string? Text { get; set; }

    public bool OverdueOnly { get; private set; }
    public bool ShowClosed { get; private set; }
    public ListRatingsResponse? List { get; private set; }
    public ServiceRefusal? Refusal { get; private set; }
    public bool SignInExpired { get; private set; }

    /// <summary>The refusal of the form posted for this follow-up, to show it there.</summary>
    public ServiceRefusal? RefusalOf(string ratingId) => RatingId == ratingId ? Refusal : null;

    public bool Acts => User.IsInRole(HallRoles.Officer);

    public async Task OnGetAsync()
    {
        OverdueOnly = Request.Query["overdue"] == "1";
        ShowClosed = Request.Query["closed"] == "1";
        try
        {
            List = await ReadAsync(ratings.ListFollowUpsAsync(new ListFollowUpsRequest { OverdueOnly = OverdueOnly, OpenOnly = !ShowClosed, PageSize = 100 },
                await calls.AsUserAsync(HttpContext)));
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.Unauthenticated)
        {
            SignInExpired = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        catch (RpcException e) when (e.StatusCode is RpcCode.PermissionDenied or RpcCode.InvalidArgument)
        {
            // Not an officer or supervisor (or no department in the sign-in): the service's words say why.
            Refusal = ServiceRefusal.Of(e);
            RatingId = null;
            Response.StatusCode = Refusal.HttpStatus;
        }
    }

    public Task<IActionResult> OnPostRectifyAsync() => StepAsync(options =>
        ratings.RecordRectificationAsync(new RecordRectificationRequest { RatingId = RatingId ?? "", Rectification = (Text ?? "").Trim() }, options));

    public Task<IActionResult> OnPostCallBackAsync() => StepAsync(options =>
        ratings.RecordCallBackAsync(new RecordCallBackRequest { RatingId = RatingId ?? "", CallBack = (Text ?? "").Trim() }, options));

    async Task<IActionResult> StepAsync(Func<CallOptions, AsyncUnaryCall<Rating>> call)
    {
        if (await SendAsync(async () => await call(await calls.AsUserAsync(HttpContext))) is not { } refusal)
        {
            return new SeeOther(Path + "#follow-up-" + Uri.EscapeDataString(RatingId ?? ""));
        }
        var posted = RatingId;
        await OnGetAsync();
        RatingId = posted;
        Refusal = refusal;
        Response.StatusCode = refusal.HttpStatus;
        return Page();
    }
}
