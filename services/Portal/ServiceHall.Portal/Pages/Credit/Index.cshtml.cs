using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using ServiceHall.Credit.V1;
using LookupClient = ServiceHall.Credit.V1.CreditLookupService.CreditLookupServiceClient;

namespace ServiceHall.Portal.Pages.Credit;

/// <summary>
/// 信用查询: one box for a name (or part of one), its pinyin or initials, a unified social credit code, 工商注册号
/// or 组织机构代码, answered by credit itself (so it works while search is down), for everyone without signing in.
/// </summary>
public sealed class IndexModel(LookupClient lookup, HallCalls calls) : PortalPage
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string Query { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string PageToken { get; set; } = "";

    public FindEntitiesResponse? Found { get; private set; }
    public ServiceRefusal? Refusal { get; private set; }

    public async Task OnGetAsync()
    {
        Query = Query.Trim();
        if (Query.Length == 0)
        {
            return;
        }
        try
        {
            Found = await ReadAsync(lookup.FindEntitiesAsync(new FindEntitiesRequest { Q = Query, PageToken = PageToken }, calls.Public(HttpContext)));
        }
        catch (RpcException refused) when (refused.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
        {
            Refusal = ServiceRefusal.Of(refused);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        if (Found is null && Refusal is null)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }
}
