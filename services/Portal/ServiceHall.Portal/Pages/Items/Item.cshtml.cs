using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceHall.Catalog.V1;
using CatalogClient = ServiceHall.Catalog.V1.CatalogService.CatalogServiceClient;
using ConsultationClient = ServiceHall.Catalog.V1.ConsultationService.ConsultationServiceClient;

namespace ServiceHall.Portal.Pages.Items;

/// <summary>
/// An item's full guide (办事指南) with its change history and public Q&amp;A; a signed-in applicant asks a question
/// here (POST /items/{id}/ask), and a refused question comes back to this page with the reason and the text kept.
/// </summary>
public sealed class ItemModel(CatalogClient catalog, ConsultationClient consultations, HallCalls calls) : PortalPage
{
    /// <summary>The consultation service's limit on a question.</summary>
    public const int MaxQuestion = 1000;

    /// <summary>The guide; null when the catalog could not be read (the page then says so).</summary>
    public ServiceItem? Item { get; private set; }
    public ItemHistory? History { get; private set; }
    public ListItemQuestionsResponse? Questions { get; private set; }

    [BindProperty] public string? Question { get; set; }
    public AskProblem? Problem { get; private set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (Request.Path.Value?.EndsWith("/ask", StringComparison.Ordinal) == true)
        {
            // The ask address only takes posts; a reader who lands on it gets the guide's own address.
            return RedirectPermanent(HitLinks.ItemPage(id));
        }
        return await ShowAsync(id);
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!SignedIn)
        {
            return new SeeOther("/signin?returnUrl=" + Uri.EscapeDataString(HitLinks.ItemPage(id)));
        }
        var question = (Question ?? "").Trim();
        if (question.Length == 0)
        {
            return await RefuseAsync(id, AskProblem.Empty, StatusCodes.Status400BadRequest);
        }
        if (question.Length > MaxQuestion)
        {
            return await RefuseAsync(id, AskProblem.TooLong, StatusCodes.Status400BadRequest);
        }
        try
        {
            await consultations.AskQuestionAsync(new AskQuestionRequest { ItemId = id, Question = question }, await calls.AsUserAsync(HttpContext));
            return new SeeOther("/my/questions");
        }
        catch (RpcException e)
        {
            return e.StatusCode switch
            {
                RpcCode.NotFound => NotFound(),
                RpcCode.PermissionDenied => await RefuseAsync(id, AskProblem.NotApplicant, StatusCodes.Status403Forbidden),
                RpcCode.Unauthenticated => await RefuseAsync(id, AskProblem.SignInExpired, StatusCodes.Status401Unauthorized),
                RpcCode.InvalidArgument => await RefuseAsync(id, AskProblem.Refused, StatusCodes.Status400BadRequest),
                RpcCode.FailedPrecondition => await RefuseAsync(id, AskProblem.ItemClosed, StatusCodes.Status409Conflict),
                RpcCode.DeadlineExceeded => await RefuseAsync(id, AskProblem.Slow, StatusCodes.Status503ServiceUnavailable),
                _ when ServiceTroubles.Of(e) is not null => await RefuseAsync(id, AskProblem.Unavailable, StatusCodes.Status503ServiceUnavailable),
                _ => null,
            } ?? throw new InvalidOperationException($"The consultation service refused the question unexpectedly ({e.StatusCode})", e);
        }
    }

    async Task<IActionResult> RefuseAsync(string id, AskProblem problem, int status)
    {
        Problem = problem;
        var page = await ShowAsync(id);
        if (page is PageResult && Item is not null)
        {
            Response.StatusCode = status;
        }
        return page;
    }

    async Task<IActionResult> ShowAsync(string id)
    {
        // Three reads at once; only the guide itself is essential to the page.
        using var item = catalog.GetItemAsync(new GetItemRequest { Id = id }, calls.Public(HttpContext));
        using var history = catalog.GetItemHistoryAsync(new GetItemRequest { Id = id }, calls.Public(HttpContext));
        using var questions = consultations.ListItemQuestionsAsync(new ListItemQuestionsRequest { ItemId = id }, calls.Public(HttpContext));
        try
        {
            Item = await item.ResponseAsync;
        }
        catch (RpcException e) when (e.StatusCode is RpcCode.NotFound or RpcCode.InvalidArgument)
        {
            return NotFound();
        }
        catch (RpcException e) when (ServiceTroubles.Of(e) is { } trouble)
        {
            // The page still answers, with the notice and ways to browse, rather than a bare error.
            Troubles.Add(trouble);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        History = await ReadAsync(history);
        Questions = await ReadAsync(questions);
        return Page();
    }
}

/// <summary>Why a question was not taken; the page says it in words and keeps the typed text.</summary>
public enum AskProblem
{
    Empty,
    TooLong,
    NotApplicant,
    SignInExpired,
    Refused,
    ItemClosed,
    Slow,
    Unavailable,
}
