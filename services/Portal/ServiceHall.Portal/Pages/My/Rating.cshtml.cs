using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ServiceHall.Applications.V1;
using RatingClient = ServiceHall.Applications.V1.RatingService.RatingServiceClient;

namespace ServiceHall.Portal.Pages.My;

/// <summary>
/// Where the case page's rating forms post (好差评): rating the online channel, and closing a follow-up after the
/// department's call-back. Done, back to the case page's rating (303); refused, this page shows the rating part again
/// with the service's words beside the fields and what was typed.
/// </summary>
[Authorize]
public sealed class RatingModel(RatingClient ratings, HallCalls calls, IStringLocalizer<PortalText> text) : PortalPage
{
    [BindProperty] public RatingInput Input { get; set; } = new();
    [BindProperty] public string? RatingId { get; set; }

    public CaseRatingsView? View { get; private set; }

    static string CasePage(string number) => CaseLinks.Mine(number) + "#rating";

    public IActionResult OnGet(string number) => new SeeOther(CasePage(number));

    public Task<IActionResult> OnPostRateAsync(string number) => PostAsync(number, CaseRatingsView.RateForm, options =>
    {
        var request = new RateCaseRequest
        {
            TrackingNumber = number, Channel = RatingChannel.Online, Level = Input.Level ?? RatingLevel.Unspecified, Comment = (Input.Comment ?? "").Trim(),
        };
        request.Reasons.AddRange(Input.Reasons.Distinct());
        return ratings.RateCaseAsync(request, options);
    });

    public Task<IActionResult> OnPostCloseAsync(string number) => PostAsync(number, CaseRatingsView.CloseForm, options =>
        ratings.CloseFollowUpAsync(new CloseFollowUpRequest { RatingId = RatingId ?? "", Resolved = Input.Resolved ?? false, Remark = (Input.Remark ?? "").Trim() }, options));

    async Task<IActionResult> PostAsync(string number, string form, Func<CallOptions, AsyncUnaryCall<Rating>> call)
    {
        var options = await calls.AsUserAsync(HttpContext);
        var refusal = await SendAsync(async () =>
        {
            if (form == CaseRatingsView.CloseForm && Input.Resolved is null)
            {
                // The service takes "not resolved" when nothing is said; the rater must say it.
                throw new Google.Rpc.Status
                {
                    Code = (int)RpcCode.InvalidArgument,
                    Message = text["ResolvedRequired"],
                    Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new Google.Rpc.BadRequest
                    {
                        FieldViolations = { new Google.Rpc.BadRequest.Types.FieldViolation { Field = "resolved", Description = text["ResolvedRequired"] } },
                    }) },
                }.ToRpcException();
            }
            await call(options);
        });
        if (refusal is null)
        {
            return new SeeOther(CasePage(number));
        }
        View = new CaseRatingsView(number, true, await CaseRatingsView.ReadAsync(ratings, number, options))
        {
            Refusal = refusal, RefusedForm = form, Posted = Input,
        };
        Response.StatusCode = refusal.HttpStatus;
        return Page();
    }
}
