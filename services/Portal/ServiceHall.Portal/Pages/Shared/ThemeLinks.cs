using ServiceHall.Catalog.V1;

namespace ServiceHall.Portal.Pages;

/// <summary>Navigation entries (themes, departments, towns) as links to the item list filtered by one parameter.</summary>
public sealed record ThemeLinks(string Parameter, IEnumerable<NavigationEntry> Entries);
