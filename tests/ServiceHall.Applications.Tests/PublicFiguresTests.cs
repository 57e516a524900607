using System.Net;
using System.Text;
using Grpc.Core;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;
using static ServiceHall.Applications.Tests.Callers;

namespace ServiceHall.Applications.Tests;

/// <summary>
/// 办件统计公开 on a fake clock: cases worked in March and April of 2026 in two departments, read back per month,
/// per department and for the county, over gRPC without signing in and as CSV; a bad choice is refused by field.
/// </summary>
public sealed class PublicFiguresTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    static FakeCatalog Catalog() => new FakeCatalog()
        .With("food-licence", ItemStatus.Published)
        .With("residence", ItemStatus.Published, "户口迁移", "县公安局", FakeCatalog.PublicSecurity);

    static void ToDay(ApplicationsHost host, int year, int month, int day) =>
        host.Clock.SetUtcNow(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.FromHours(8)));

    static async Task DecideAndCompleteAsync(V1.ApplicationsService.ApplicationsServiceClient officer, string number, string documentNumber)
    {
        await officer.DecideApplicationAsync(new DecideApplicationRequest
        {
            TrackingNumber = number, Decision = Decision.Approve, Opinion = "准予许可", DocumentNumber = documentNumber, DocumentTitle = "许可证",
        }, cancellationToken: Cancel);
        await officer.CompleteApplicationAsync(new CompleteApplicationRequest { TrackingNumber = number }, cancellationToken: Cancel);
    }

    /// <summary>
    /// 市场监管: two cases received in March, one completed on 5 March after 3 working days, one decided on 20 March
    /// after 14 (promised 10: late) and completed on 1 April; one received in April. 公安: one case received in March,
    /// never accepted.
    /// </summary>
    static async Task WorkTheCasesAsync(ApplicationsHost host)
    {
        var zhangsan = host.As(ZhangSan);
        var shichang = host.As(Shichang);
        var onTime = (await zhangsan.SubmitApplicationAsync(Submit("k-1"), cancellationToken: Cancel)).TrackingNumber;
        var late = (await zhangsan.SubmitApplicationAsync(Submit("k-2"), cancellationToken: Cancel)).TrackingNumber;
        await zhangsan.SubmitApplicationAsync(Submit("k-3", "residence"), cancellationToken: Cancel);
        foreach (var number in new[] { onTime, late })
        {
            await shichang.AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = number, Opinion = "予以受理" }, cancellationToken: Cancel);
        }
        ToDay(host, 2026, 3, 5);
        await DecideAndCompleteAsync(shichang, onTime, "镇市监食许〔2026〕1号");
        // 好差评 of the first: 非常满意 at the window, 不满意 online, whose follow-up (due 12 March) is called back on 10 March.
        var rater = host.Ratings(ZhangSan);
        await rater.RateCaseAsync(new RateCaseRequest { TrackingNumber = onTime, Channel = RatingChannel.Window, Level = RatingLevel.VerySatisfied }, cancellationToken: Cancel);
        var bad = await rater.RateCaseAsync(new RateCaseRequest { TrackingNumber = onTime, Channel = RatingChannel.Online, Level = RatingLevel.Dissatisfied }, cancellationToken: Cancel);
        ToDay(host, 2026, 3, 10);
        var department = host.Ratings(Shichang);
        await department.RecordRectificationAsync(new RecordRectificationRequest { RatingId = bad.RatingId, Rectification = "已简化材料" }, cancellationToken: Cancel);
        await department.RecordCallBackAsync(new RecordCallBackRequest { RatingId = bad.RatingId, CallBack = "已电话回访" }, cancellationToken: Cancel);
        ToDay(host, 2026, 3, 20);
        await shichang.DecideApplicationAsync(new DecideApplicationRequest
        {
            TrackingNumber = late, Decision = Decision.Approve, Opinion = "准予许可", DocumentNumber = "镇市监食许〔2026〕2号", DocumentTitle = "许可证",
        }, cancellationToken: Cancel);
        ToDay(host, 2026, 4, 1);
        await shichang.CompleteApplicationAsync(new CompleteApplicationRequest { TrackingNumber = late }, cancellationToken: Cancel);
        await zhangsan.SubmitApplicationAsync(Submit("k-4"), cancellationToken: Cancel);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_figures_count_each_month_per_department_and_for_the_county_for_anyone(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog()); // Monday 2 March 2026
        await WorkTheCasesAsync(host);
        var figures = new V1.PublicFiguresService.PublicFiguresServiceClient(host.Channel); // no token

        var market = await figures.GetPublicFiguresAsync(new GetPublicFiguresRequest
        {
            DepartmentCode = FakeCatalog.MarketRegulation.ToLowerInvariant(), FromMonth = "2026-02", ToMonth = "2026-04",
        }, cancellationToken: Cancel);
        Assert.Equal((FakeCatalog.MarketRegulation, "县市场监督管理局"), (market.DepartmentCode, market.Department));
        Assert.Equal(["2026-02", "2026-03", "2026-04"], market.Months.Select(m => m.Month));
        Assert.Equal([(0, 0, 0, 0), (2, 1, 1, 0), (1, 1, 0, 1)], market.Months.Select(m => (m.Received, m.Completed, m.CompletedOnTime, m.Overdue)));
        Assert.False(market.Months[0].HasOnTimeRate);
        Assert.Equal((1.0, 3.0, 10.0), (market.Months[1].OnTimeRate, market.Months[1].AverageDaysUsed, market.Months[1].AveragePromisedDays));
        Assert.Equal((0.0, 14.0), (market.Months[2].OnTimeRate, market.Months[2].AverageDaysUsed));
        Assert.Equal((3, 2, 1, 0.5, 8.5), (market.Total.Received, market.Total.Completed, market.Total.CompletedOnTime, market.Total.OnTimeRate, market.Total.AverageDaysUsed));
        // The ratings count in the month given, with the satisfaction rate and the follow-up done by its due day.
        var march = market.Months[1];
        Assert.Equal((1, 0, 0, 1, 0), (march.Ratings.VerySatisfied, march.Ratings.Satisfied, march.Ratings.FairlySatisfied, march.Ratings.Dissatisfied, march.Ratings.VeryDissatisfied));
        Assert.Equal((0.5, 1, 1), (march.SatisfactionRate, march.FollowUpsDue, march.FollowUpsOnTime));
        Assert.False(market.Months[2].HasSatisfactionRate);

        var county = await figures.GetPublicFiguresAsync(new GetPublicFiguresRequest { FromMonth = "2026-03", ToMonth = "2026-04" }, cancellationToken: Cancel);
        Assert.Equal(("", ""), (county.DepartmentCode, county.Department));
        Assert.Equal([3, 1], county.Months.Select(m => m.Received));
        Assert.Equal([FakeCatalog.PublicSecurity, FakeCatalog.MarketRegulation], county.Departments.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => d.Code));

        // Without a period: the twelve months up to this one.
        var year = await figures.GetPublicFiguresAsync(new GetPublicFiguresRequest(), cancellationToken: Cancel);
        Assert.Equal(("2025-05", "2026-04", 12), (year.Months[0].Month, year.Months[^1].Month, year.Months.Count));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_same_figures_come_as_csv_with_chinese_headers_for_a_spreadsheet(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        await WorkTheCasesAsync(host);

        using var response = await host.Http(null).GetAsync($"/api/figures.csv?departmentCode={FakeCatalog.MarketRegulation}&fromMonth=2026-03&toMonth=2026-04", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("月份,收件数,办结数,按时办结数,按时办结率(%),平均用时(天),平均承诺时限(天),超期办结数,非常满意,满意,基本满意,不满意,非常不满意,满意率(%),到期整改回访数,按时回访数", lines[0]);
        Assert.Equal(["2026-03,2,1,1,100.0,3.0,10.0,0,1,0,0,1,0,50.0,1,1", "2026-04,1,1,0,0.0,14.0,10.0,1,0,0,0,0,0,,0,0", "合计,3,2,1,50.0,8.5,10.0,1,1,0,0,1,0,50.0,1,1"], lines[1..]);
        Assert.Contains(".csv", response.Content.Headers.ContentDisposition?.ToString() ?? "");
    }

    [Fact]
    public async Task A_bad_month_department_or_period_is_refused_by_field_over_grpc_and_csv()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());
        var figures = new V1.PublicFiguresService.PublicFiguresServiceClient(host.Channel);

        foreach (var (request, field, words) in new[]
        {
            (new GetPublicFiguresRequest { FromMonth = "2026-13" }, "from_month", "不是 YYYY-MM 格式的月份"),
            (new GetPublicFiguresRequest { ToMonth = "三月" }, "to_month", "不是 YYYY-MM 格式的月份"),
            (new GetPublicFiguresRequest { FromMonth = "2026-05", ToMonth = "2026-03" }, "from_month", "晚于截止月份"),
            (new GetPublicFiguresRequest { FromMonth = "2020-01", ToMonth = "2026-03" }, "from_month", "最多查询"),
            (new GetPublicFiguresRequest { DepartmentCode = "123" }, "department_code", "应为18位"),
        })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => figures.GetPublicFiguresAsync(request, cancellationToken: Cancel).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            Assert.Contains(words, refused.Status.Detail);
            Assert.StartsWith(field + ": ", refused.Violations());
            Assert.DoesNotContain("\n", refused.Violations());
        }

        using var csv = await host.Http(null).GetAsync("/api/figures.csv?fromMonth=2026-13", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Contains("起始月份", await csv.Content.ReadAsStringAsync(Cancel));
    }
}
