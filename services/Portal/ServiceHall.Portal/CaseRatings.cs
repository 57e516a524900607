using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using ServiceHall.Applications.V1;
using RatingClient = ServiceHall.Applications.V1.RatingService.RatingServiceClient;

namespace ServiceHall.Portal;

/// <summary>What the applicant typed into the rating forms, kept when the service refuses them.</summary>
public sealed class RatingInput
{
    public RatingLevel? Level { get; set; }
    public List<RatingReason> Reasons { get; set; } = [];
    public string? Comment { get; set; }
    public bool? Resolved { get; set; }
    public string? Remark { get; set; }
}

/// <summary>
/// The rating part of the applicant's case page (好差评): the case's ratings with their follow-ups, the form to rate
/// the online channel once the case is completed, and the form to close a follow-up once the department called back.
/// </summary>
public sealed record CaseRatingsView(string Number, bool Completed, IReadOnlyList<Rating>? Ratings)
{
    public const int MaxComment = 500;

    /// <summary>The forms' fields under the names the service's refusals use.</summary>
    public static readonly string[] RateFields = ["level", "reasons", "comment"], CloseFields = ["resolved", "remark"];

    public const string RateForm = "rate", CloseForm = "close";

    public ServiceRefusal? Refusal { get; init; }
    public string RefusedForm { get; init; } = "";
    public RatingInput Posted { get; init; } = new();

    public ServiceRefusal? RefusalOf(string form) => RefusedForm == form ? Refusal : null;

    /// <summary>The portal rates the online channel (网上办事大厅); the others come from the window, app or hotline.</summary>
    public Rating? Online => Ratings?.FirstOrDefault(r => r.Channel == RatingChannel.Online);

    public static string PostPath(string number, string form) => $"/my/applications/{Uri.EscapeDataString(number)}/rating?handler={form}";

    /// <summary>The ratings as the service gives them to the reader; null when they could not be read now.</summary>
    public static async Task<IReadOnlyList<Rating>?> ReadAsync(RatingClient ratings, string number, CallOptions options)
    {
        try
        {
            return [.. (await ratings.ListCaseRatingsAsync(new ListCaseRatingsRequest { TrackingNumber = number }, options)).Ratings];
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            return null;
        }
    }
}

/// <summary>Renders the rating part of the applicant's case page (Pages/Shared/_CaseRatings.cshtml).</summary>
public sealed class CaseRatingsViewComponent(RatingClient ratings, HallCalls calls) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Application application)
    {
        var completed = application.Status == ApplicationStatus.Completed;
        var read = completed ? await CaseRatingsView.ReadAsync(ratings, application.TrackingNumber, await calls.AsUserAsync(HttpContext)) : [];
        return View("/Pages/Shared/_CaseRatings.cshtml", new CaseRatingsView(application.TrackingNumber, completed, read));
    }
}
