using System.Globalization;
using System.Text;
using Grpc.Core;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Figures;

/// <summary>
/// The public figures as CSV (GET /api/figures.csv, the same parameters as GET /api/figures), for the spreadsheet
/// people open it in: UTF-8 with a byte-order mark so Excel reads the Chinese headers, one row per month and a
/// total row, rates as percentages with one decimal. Empty cells where a figure does not exist (nothing completed).
/// </summary>
public static class FiguresCsv
{
    public const string Path = "/api/figures.csv";

    public static IEndpointRouteBuilder MapFiguresCsv(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (HttpContext http, FiguresQuery figures, TimeProvider time) =>
        {
            var request = new GetPublicFiguresRequest
            {
                DepartmentCode = Parameter(http, "departmentCode", "department_code"),
                FromMonth = Parameter(http, "fromMonth", "from_month"),
                ToMonth = Parameter(http, "toMonth", "to_month"),
            };
            PublicFigures read;
            try
            {
                read = await PublicFiguresService.ReadAsync(request, figures, time, http.RequestAborted);
            }
            catch (RpcException refused) when (refused.StatusCode == StatusCode.InvalidArgument)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: refused.Status.Detail);
            }
            var name = $"办件统计-{(read.Department.Length > 0 ? read.Department : "全县")}-{read.Months[0].Month}至{read.Months[^1].Month}.csv";
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Write(read))).ToArray(), "text/csv; charset=utf-8", name);
        }).AllowAnonymous();
        return endpoints;
    }

    public static string Write(PublicFigures figures)
    {
        var csv = new StringBuilder("月份,收件数,办结数,按时办结数,按时办结率(%),平均用时(天),平均承诺时限(天),超期办结数,非常满意,满意,基本满意,不满意,非常不满意,满意率(%),到期整改回访数,按时回访数\r\n");
        foreach (var month in figures.Months.Append(figures.Total))
        {
            csv.Append(month.Month.Length > 0 ? month.Month : "合计").Append(',')
                .Append(month.Received).Append(',')
                .Append(month.Completed).Append(',')
                .Append(month.CompletedOnTime).Append(',')
                .Append(month.HasOnTimeRate ? Number(month.OnTimeRate * 100) : "").Append(',')
                .Append(month.HasAverageDaysUsed ? Number(month.AverageDaysUsed) : "").Append(',')
                .Append(month.HasAveragePromisedDays ? Number(month.AveragePromisedDays) : "").Append(',')
                .Append(month.Overdue).Append(',')
                .Append(month.Ratings?.VerySatisfied ?? 0).Append(',')
                .Append(month.Ratings?.Satisfied ?? 0).Append(',')
                .Append(month.Ratings?.FairlySatisfied ?? 0).Append(',')
                .Append(month.Ratings?.Dissatisfied ?? 0).Append(',')
                .Append(month.Ratings?.VeryDissatisfied ?? 0).Append(',')
                .Append(month.HasSatisfactionRate ? Number(month.SatisfactionRate * 100) : "").Append(',')
                .Append(month.FollowUpsDue).Append(',')
                .Append(month.FollowUpsOnTime).Append("\r\n");
        }
        return csv.ToString();
    }

    static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    static string Parameter(HttpContext http, string jsonName, string protoName) =>
        http.Request.Query.TryGetValue(jsonName, out var value) || http.Request.Query.TryGetValue(protoName, out value) ? value.ToString() : "";
}
