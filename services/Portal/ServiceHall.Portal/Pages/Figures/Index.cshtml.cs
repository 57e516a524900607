using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using ServiceHall.Applications.V1;
using FiguresClient = ServiceHall.Applications.V1.PublicFiguresService.PublicFiguresServiceClient;

namespace ServiceHall.Portal.Pages.Figures;

/// <summary>
/// 办件统计: how the county, or one department, serves people month by month, for everyone without signing in. The
/// chart is SVG drawn here (readable without JavaScript) and every figure is also in the table, for screen readers.
/// </summary>
public sealed class IndexModel(FiguresClient figures, HallCalls calls) : PortalPage
{
    [BindProperty(SupportsGet = true, Name = "department")]
    public string Department { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "from")]
    public string From { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "to")]
    public string To { get; set; } = "";

    public PublicFigures? Figures { get; private set; }
    /// <summary>What was wrong with the choice made, by field, as the service said it.</summary>
    public ServiceRefusal? Refusal { get; private set; }

    public async Task OnGetAsync()
    {
        var request = new GetPublicFiguresRequest { DepartmentCode = Department, FromMonth = From, ToMonth = To };
        try
        {
            Figures = await ReadAsync(figures.GetPublicFiguresAsync(request, calls.Public(HttpContext)));
        }
        catch (RpcException refused) when (refused.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
        {
            Refusal = ServiceRefusal.Of(refused);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Figures = await ReadAsync(figures.GetPublicFiguresAsync(new GetPublicFiguresRequest(), calls.Public(HttpContext)));
        }
        if (Figures is null && Refusal is null)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    public string CsvLink =>
        $"/api/figures.csv?departmentCode={Uri.EscapeDataString(Figures?.DepartmentCode ?? "")}&fromMonth={Figures?.Months.FirstOrDefault()?.Month}&toMonth={Figures?.Months.LastOrDefault()?.Month}";
}
