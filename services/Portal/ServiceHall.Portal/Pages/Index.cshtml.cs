using ServiceHall.Catalog.V1;

namespace ServiceHall.Portal.Pages;

/// <summary>Home: one search box, popular services and the themes for persons and legal persons.</summary>
public sealed class IndexModel(CatalogService.CatalogServiceClient catalog, HallCalls calls, PortalSettings settings) : PortalPage
{
    public CatalogNavigation? Navigation { get; private set; }
    public IReadOnlyList<(string Theme, IReadOnlyList<ItemSummary> Items)> Popular { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Navigation = await ReadAsync(catalog.GetNavigationAsync(new GetNavigationRequest(), calls.Public(HttpContext)));
        if (Navigation is null)
        {
            return;
        }
        var themes = settings.PopularThemes.Count > 0
            ? settings.PopularThemes
            : Navigation.PersonThemes.OrderByDescending(t => t.Count).Take(settings.PopularThemeCount).Select(t => t.Value).ToList();
        // One list per theme, asked for together: the page waits for the slowest, not for the sum.
        var lists = await Task.WhenAll(themes.Select(theme => ReadAsync(catalog.ListItemsAsync(
            new ListItemsRequest { PersonTheme = theme, PageSize = settings.PopularItemsPerTheme }, calls.Public(HttpContext)))));
        Popular = themes.Zip(lists)
            .Where(t => t.Second is { Items.Count: > 0 })
            .Select(t => (t.First, (IReadOnlyList<ItemSummary>)t.Second!.Items))
            .ToList();
    }
}
