using Microsoft.AspNetCore.Mvc;
using ServiceHall.Credit.V1;
using ListsClient = ServiceHall.Credit.V1.CreditListsService.CreditListsServiceClient;

namespace ServiceHall.Portal.Pages.Credit;

/// <summary>One public credit list (红名单, 黑名单, 经营异常名录, 重点关注), newest entry first, paged; without signing in.</summary>
public sealed class ListModel(ListsClient lists, HallCalls calls) : PortalPage
{
    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string PageToken { get; set; } = "";

    public CreditListKind Kind { get; private set; }
    public ListEntriesResponse? Entries { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind)
    {
        if (CreditLabels.FromSlug(kind) is not { } known)
        {
            return NotFound();
        }
        Kind = known;
        Entries = await ReadAsync(lists.ListEntriesAsync(new ListEntriesRequest { Kind = known, PageToken = PageToken }, calls.Public(HttpContext)));
        if (Entries is null)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        return Page();
    }
}
