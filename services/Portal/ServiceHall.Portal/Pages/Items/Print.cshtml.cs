using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using ServiceHall.Catalog.V1;
using CatalogClient = ServiceHall.Catalog.V1.CatalogService.CatalogServiceClient;

namespace ServiceHall.Portal.Pages.Items;

/// <summary>The guide alone, laid out for paper: no navigation, no forms, every section open.</summary>
public sealed class PrintModel(CatalogClient catalog, HallCalls calls) : PortalPage
{
    public ServiceItem? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        try
        {
            Item = await catalog.GetItemAsync(new GetItemRequest { Id = id }, calls.Public(HttpContext));
        }
        catch (RpcException e) when (e.StatusCode is RpcCode.NotFound or RpcCode.InvalidArgument)
        {
            return NotFound();
        }
        catch (RpcException e) when (ServiceTroubles.Of(e) is { } trouble)
        {
            Troubles.Add(trouble);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        return Page();
    }
}
