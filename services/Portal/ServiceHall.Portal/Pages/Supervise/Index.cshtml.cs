using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Authorization;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ConsultationClient = ServiceHall.Catalog.V1.ConsultationService.ConsultationServiceClient;
using SupervisionClient = ServiceHall.Applications.V1.SupervisionService.SupervisionServiceClient;

namespace ServiceHall.Portal.Pages.Supervise;

/// <summary>
/// The supervisor's board (电子监察): each department's open cases with how many carry each warning, were extended or
/// wait to answer a 督办 note; below it, the cases of one filter (a department, a level, extended), each linking to
/// its supervision page; then consultations: each department's late replies (红牌) and the questions still open past
/// their deadline. A plain GET form and links: it works without JavaScript. Anyone else gets the service's refusal.
/// </summary>
[Authorize]
public sealed class IndexModel(SupervisionClient supervision, ConsultationClient consultations, HallCalls calls) : PortalPage
{
    public const int PageSize = 50;

    public SupervisionBoard? Board { get; private set; }
    public ListSupervisedCasesResponse? Cases { get; private set; }
    public ConsultationBoard? ConsultationBoard { get; private set; }
    public ListConsultationsResponse? OverdueConsultations { get; private set; }

    public string DepartmentCode { get; private set; } = "";
    public WarningLevel Level { get; private set; }
    public bool ExtendedOnly { get; private set; }
    public string? PageToken => Request.Query["page"].FirstOrDefault();

    public bool SignInExpired { get; private set; }
    public ServiceRefusal? Refusal { get; private set; }

    public async Task OnGetAsync()
    {
        DepartmentCode = Request.Query["department"].FirstOrDefault()?.Trim() ?? "";
        Level = Enum.TryParse<WarningLevel>(Request.Query["level"].FirstOrDefault(), out var level) && Enum.IsDefined(level) ? level : WarningLevel.Unspecified;
        ExtendedOnly = Request.Query["extended"].FirstOrDefault() is "1" or "true" or "on";
        var options = await calls.AsUserAsync(HttpContext);
        try
        {
            Board = await ReadAsync(supervision.GetSupervisionBoardAsync(new GetSupervisionBoardRequest(), options));
            Cases = await ReadAsync(supervision.ListSupervisedCasesAsync(new ListSupervisedCasesRequest
            {
                DepartmentCode = DepartmentCode, Level = Level, ExtendedOnly = ExtendedOnly, PageSize = PageSize, PageToken = PageToken ?? "",
            }, options));
            // The catalog answers for consultations: when it is down, the cases above still show, with a notice.
            ConsultationBoard = await ReadAsync(consultations.GetConsultationBoardAsync(new GetConsultationBoardRequest(), options));
            OverdueConsultations = await ReadAsync(consultations.ListOpenConsultationsAsync(new ListOpenConsultationsRequest { OverdueOnly = true, PageSize = PageSize }, options));
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.Unauthenticated)
        {
            SignInExpired = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        catch (RpcException e) when (e.StatusCode is RpcCode.PermissionDenied or RpcCode.InvalidArgument)
        {
            // Not a supervisor: the service's words say why.
            Refusal = ServiceRefusal.Of(e);
            Response.StatusCode = Refusal.HttpStatus;
        }
        if (Board is null && Refusal is null && !SignInExpired)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    public string NextPage(string token) =>
        $"{SupervisionLabels.Board}?department={Uri.EscapeDataString(DepartmentCode)}&level={Level}&extended={(ExtendedOnly ? "1" : "")}&page={Uri.EscapeDataString(token)}#cases";
}
