using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceHall.Applications.V1;
using RatingClient = ServiceHall.Applications.V1.RatingService.RatingServiceClient;

namespace ServiceHall.Portal.Pages.Admin;

/// <summary>
/// 评价审核: the rating comments waiting for moderation, oldest first (personal numbers already masked by the
/// service), each approved or rejected with a reason. Nothing of a comment becomes public before this.
/// </summary>
[Authorize]
public sealed class CommentsModel(RatingClient ratings, HallCalls calls) : PortalPage
{
    public const string Path = "/admin/comments";
    public const int MaxReason = 500;

    /// <summary>The form's fields under the names the service's refusals use.</summary>
    public static readonly string[] ModerateFields = ["approve", "reason"];

    [BindProperty] public string? RatingId { get; set; }
    [BindProperty] public bool? Approve { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public ListRatingsResponse? Pending { get; private set; }
    public ServiceRefusal? Refusal { get; private set; }
    public bool SignInExpired { get; private set; }

    public ServiceRefusal? RefusalOf(string ratingId) => RatingId == ratingId ? Refusal : null;

    public async Task OnGetAsync()
    {
        try
        {
            Pending = await ReadAsync(ratings.ListPendingCommentsAsync(new ListPendingCommentsRequest { PageSize = 100 }, await calls.AsUserAsync(HttpContext)));
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.Unauthenticated)
        {
            SignInExpired = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.PermissionDenied)
        {
            Refusal = ServiceRefusal.Of(e);
            RatingId = null;
            Response.StatusCode = Refusal.HttpStatus;
        }
    }

    public async Task<IActionResult> OnPostModerateAsync()
    {
        if (await SendAsync(async () => await ratings.ModerateCommentAsync(
                new ModerateCommentRequest { RatingId = RatingId ?? "", Approve = Approve == true, Reason = (Reason ?? "").Trim() },
                await calls.AsUserAsync(HttpContext))) is not { } refusal)
        {
            return new SeeOther(Path);
        }
        var posted = RatingId;
        await OnGetAsync();
        RatingId = posted;
        Refusal = refusal;
        Response.StatusCode = refusal.HttpStatus;
        return Page();
    }
}
