using System.Net;
using ServiceHall.Applications.V1;

namespace ServiceHall.Portal.Tests;

/// <summary>办件统计: the figures as a summary, a server-drawn chart and a table, without signing in; a bad choice said beside its field.</summary>
public sealed class FiguresPageTests
{
    static PublicFigures Sample(GetPublicFiguresRequest request)
    {
        var figures = new PublicFigures { DepartmentCode = request.DepartmentCode, Department = request.DepartmentCode.Length > 0 ? "县市场监督管理局" : "" };
        figures.Months.Add(new MonthFigures { Month = "2026-03", Received = 2, Completed = 1, CompletedOnTime = 1, OnTimeRate = 1, AverageDaysUsed = 3, AveragePromisedDays = 10 });
        figures.Months.Add(new MonthFigures { Month = "2026-04", Received = 1 });
        figures.Total = new MonthFigures { Received = 3, Completed = 1, CompletedOnTime = 1, OnTimeRate = 1, AverageDaysUsed = 3, AveragePromisedDays = 10 };
        figures.Departments.Add(new FiguresDepartment { Code = "11530924MB0000002Q", Name = "县市场监督管理局" });
        figures.Comments.Add(new PublicComment { RatedOn = "2026-04-02", Level = RatingLevel.Satisfied, Department = "县市场监督管理局", ItemName = "食品经营许可", Comment = "窗口人员很耐心" });
        return figures;
    }

    [Fact]
    public async Task The_figures_page_shows_the_totals_a_chart_and_every_month_in_a_table_without_signing_in()
    {
        await using var host = new PortalHost();
        host.Hall.On<GetPublicFiguresRequest, PublicFigures>("GetPublicFigures", Sample);

        var (status, html) = await host.Browser().GetPageAsync("/figures?department=11530924MB0000002Q&from=2026-03&to=2026-04");

        Assert.Equal(HttpStatusCode.OK, status);
        var asked = (GetPublicFiguresRequest)Assert.Single(host.Hall.CallsTo("GetPublicFigures")).Request;
        Assert.Equal(("11530924MB0000002Q", "2026-03", "2026-04"), (asked.DepartmentCode, asked.FromMonth, asked.ToMonth));
        Assert.Null(Assert.Single(host.Hall.CallsTo("GetPublicFigures")).Authorization);
        Assert.Contains("<h1>办件统计 · 县市场监督管理局</h1>", html);
        Assert.Contains("<dd class=\"on-time-rate\">100.0%</dd>", html);
        // The chart: an image with a title and description, one bar per month and figure, each with its number.
        Assert.Contains("role=\"img\"", html);
        Assert.Contains("<title>2026-03 收件数 2</title>", html);
        Assert.Contains("<title>2026-04 办结数 0</title>", html);
        // The table holds every number of the chart, a row per month and the total; a rate nobody could earn is a dash.
        Assert.Contains("<th scope=\"row\">2026-04</th>\n<td>1</td><td>0</td><td>0</td>\n<td>—</td>", html);
        Assert.Contains("<th scope=\"row\">合计</th>", html);
        var comments = Pages.Section(html, "comments");
        Assert.Contains("窗口人员很耐心", comments);
        Assert.Contains("<span class=\"rating-level\">满意</span>", comments);
        Assert.Contains("<time datetime=\"2026-04-02\">2026年4月2日（星期四）</time>", comments);
        Assert.Contains("<option value=\"11530924MB0000002Q\" selected=\"selected\">县市场监督管理局</option>", html);
        Assert.Contains("href=\"/api/figures.csv?departmentCode=11530924MB0000002Q&amp;fromMonth=2026-03&amp;toMonth=2026-04\"", html);
    }

    [Fact]
    public async Task A_bad_month_is_said_beside_its_field_and_the_countys_figures_still_show()
    {
        await using var host = new PortalHost();
        host.Hall.On<GetPublicFiguresRequest, PublicFigures>("GetPublicFigures", r => r.FromMonth == "2026-13"
            ? throw SampleCases.Refusal(Grpc.Core.StatusCode.InvalidArgument, ("from_month", "起始月份：“2026-13” 不是 YYYY-MM 格式的月份（例如 2026-12）"))
            : Sample(r));

        var (status, html) = await host.Browser().GetPageAsync("/figures?from=2026-13");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<p class=\"field-error\" id=\"from-month-error\">起始月份：“2026-13” 不是 YYYY-MM 格式的月份（例如 2026-12）</p>", html);
        Assert.Contains("aria-describedby=\"from-month-error\"", html);
        Assert.Contains("<th scope=\"row\">合计</th>", html);
        var comments = Pages.Section(html, "comments");
        Assert.Contains("窗口人员很耐心", comments);
        Assert.Contains("<span class=\"rating-level\">满意</span>", comments);
        Assert.Contains("<time datetime=\"2026-04-02\">2026年4月2日（星期四）</time>", comments);
    }
}
