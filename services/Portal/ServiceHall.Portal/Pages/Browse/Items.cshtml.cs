using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using ServiceHall.Catalog.V1;
using CatalogClient = ServiceHall.Catalog.V1.CatalogService.CatalogServiceClient;

namespace ServiceHall.Portal.Pages.Browse;

/// <summary>The items under one navigation entry: a theme, a department, the towns, or 全程网办; a page at a time.</summary>
public sealed class ItemsModel(CatalogClient catalog, HallCalls calls) : PortalPage
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? PersonTheme { get; set; }
    [BindProperty(SupportsGet = true)] public string? LegalPersonTheme { get; set; }
    [BindProperty(SupportsGet = true)] public string? DepartmentCode { get; set; }
    [BindProperty(SupportsGet = true)] public bool Towns { get; set; }
    /// <summary>The level as the address gives it (onlineDepth=4).</summary>
    [BindProperty(SupportsGet = true)] public int OnlineDepth { get; set; }
    public OnlineDepth Depth => OnlineDepth is >= 1 and <= 4 ? (OnlineDepth)OnlineDepth : Catalog.V1.OnlineDepth.Unspecified;
    /// <summary>?page= (read from the query: "page" is also Razor Pages' own route value, the page's name).</summary>
    public string? PageToken => Request.Query["page"].FirstOrDefault();

    public ListItemsResponse? List { get; private set; }

    /// <summary>What the list is of, for its heading: a theme, a department's name, or one of the fixed lists.</summary>
    public BrowseFilter Filter { get; private set; }
    public string FilterValue { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        // One filter at a time, as the navigation links give them.
        var request = new ListItemsRequest { PageSize = PageSize, PageToken = PageToken ?? "" };
        string query;
        if (!string.IsNullOrWhiteSpace(PersonTheme))
        {
            (Filter, FilterValue, request.PersonTheme) = (BrowseFilter.PersonTheme, PersonTheme, PersonTheme);
            query = "personTheme=" + Uri.EscapeDataString(PersonTheme);
        }
        else if (!string.IsNullOrWhiteSpace(LegalPersonTheme))
        {
            (Filter, FilterValue, request.LegalPersonTheme) = (BrowseFilter.LegalPersonTheme, LegalPersonTheme, LegalPersonTheme);
            query = "legalPersonTheme=" + Uri.EscapeDataString(LegalPersonTheme);
        }
        else if (!string.IsNullOrWhiteSpace(DepartmentCode))
        {
            (Filter, FilterValue, request.DepartmentCode) = (BrowseFilter.Department, DepartmentCode, DepartmentCode);
            query = "departmentCode=" + Uri.EscapeDataString(DepartmentCode);
        }
        else if (Towns)
        {
            (Filter, request.Towns) = (BrowseFilter.Towns, true);
            query = "towns=true";
        }
        else if (Depth != Catalog.V1.OnlineDepth.Unspecified)
        {
            (Filter, request.OnlineDepth) = (BrowseFilter.OnlineDepth, Depth);
            query = "onlineDepth=" + OnlineDepth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            // Nothing chosen: the choices are on /browse.
            return RedirectToPage("/Browse/Index");
        }
        ListAddress = "/browse/items?" + query;
        try
        {
            List = await ReadAsync(catalog.ListItemsAsync(request, calls.Public(HttpContext)));
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.InvalidArgument)
        {
            // A theme or department the catalog does not know, or a stale page link.
            return NotFound();
        }
        if (List is null)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        else if (Filter == BrowseFilter.Department && List.Items.Count > 0)
        {
            FilterValue = List.Items[0].DepartmentName;
        }
        return Page();
    }

    /// <summary>This list's address without paging, to which the next-page link adds its token.</summary>
    public string ListAddress { get; private set; } = "/browse/items";
}

public enum BrowseFilter
{
    PersonTheme,
    LegalPersonTheme,
    Department,
    Towns,
    OnlineDepth,
}
