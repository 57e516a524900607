using ServiceHall.Catalog.V1;
using CatalogClient = ServiceHall.Catalog.V1.CatalogService.CatalogServiceClient;

namespace ServiceHall.Portal.Pages.Browse;

/// <summary>Every way into the catalog without searching: themes for persons and legal persons, departments, towns, 全程网办.</summary>
public sealed class IndexModel(CatalogClient catalog, HallCalls calls) : PortalPage
{
    public CatalogNavigation? Navigation { get; private set; }

    public async Task OnGetAsync()
    {
        Navigation = await ReadAsync(catalog.GetNavigationAsync(new GetNavigationRequest(), calls.Public(HttpContext)));
        if (Navigation is null)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }
}
