using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceHall.Catalog.V1;
using ConsultationClient = ServiceHall.Catalog.V1.ConsultationService.ConsultationServiceClient;

namespace ServiceHall.Portal.Pages.My;

/// <summary>The signed-in citizen's own questions, newest first, each with its reply deadline and the answer once given.</summary>
[Authorize]
public sealed class QuestionsModel(ConsultationClient consultations, HallCalls calls) : PortalPage
{
    public const int PageSize = 20;

    /// <summary>?page= (read from the query: "page" is also Razor Pages' own route value, the page's name).</summary>
    public string? PageToken => Request.Query["page"].FirstOrDefault();

    public ListConsultationsResponse? List { get; private set; }
    public bool SignInExpired { get; private set; }

    public async Task OnGetAsync()
    {
        try
        {
            List = await ReadAsync(consultations.ListMyConsultationsAsync(
                new ListMyConsultationsRequest { PageSize = PageSize, PageToken = PageToken ?? "" }, await calls.AsUserAsync(HttpContext)));
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.Unauthenticated)
        {
            // The session outlived its token (or the identity service changed keys): sign in again.
            SignInExpired = true;
        }
        catch (RpcException e) when (e.StatusCode is RpcCode.PermissionDenied or RpcCode.InvalidArgument)
        {
            // Not an applicant's account, or a stale page link: an empty list says the truth for this account.
            List = new ListConsultationsResponse();
        }
        if (List is null && !SignInExpired)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }
}
