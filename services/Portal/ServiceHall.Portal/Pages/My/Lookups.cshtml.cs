using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ServiceHall.Credit.V1;
using RpcCode = Grpc.Core.StatusCode;
using CreditOpenApiClient = ServiceHall.Credit.V1.CreditOpenApi.CreditOpenApiClient;

namespace ServiceHall.Portal.Pages.My;

/// <summary>
/// 被查询记录: which institutions looked the signed-in business's entity up through the credit open API, and when
/// (never why), newest first. The credit service decides whose list it is: the credit code of the token.
/// </summary>
[Authorize]
public sealed class LookupsModel(CreditOpenApiClient credit, HallCalls calls) : PortalPage
{
    public const int PageSize = 20;

    public string? PageToken => Request.Query["page"].FirstOrDefault();

    public ListLookupsOfMyEntityResponse? Lookups { get; private set; }
    public bool SignInExpired { get; private set; }
    public bool NotABusiness { get; private set; }

    public async Task OnGetAsync()
    {
        try
        {
            Lookups = await ReadAsync(credit.ListLookupsOfMyEntityAsync(
                new ListLookupsOfMyEntityRequest { PageSize = PageSize, PageToken = PageToken ?? "" }, await calls.AsUserAsync(HttpContext)));
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.Unauthenticated)
        {
            SignInExpired = true;
        }
        catch (RpcException e) when (e.StatusCode is RpcCode.PermissionDenied or RpcCode.InvalidArgument)
        {
            NotABusiness = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        if (Lookups is null && !SignInExpired && !NotABusiness)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    /// <summary>The county's time of a lookup (UTC+8), to the minute.</summary>
    public static string CountyTime(Timestamp at) => at.ToDateTime().AddHours(8).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The instant for a machine-readable datetime attribute.</summary>
    public static string Instant(Timestamp at) => at.ToDateTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
