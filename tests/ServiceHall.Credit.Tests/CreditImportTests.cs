using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.Testing;
using static ServiceHall.Testing.CreditImportFiles;

namespace ServiceHall.Credit.Tests;

/// <summary>
/// Bulk import of 双公示 files (docs/domain.md §8) over gRPC, against SQLite and PostgreSQL: a file with any bad
/// row is refused whole with the row and column named and nothing written; a good one is written at once with its
/// announcements; the same file again changes nothing.
/// </summary>
public sealed class CreditImportTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string MarketRegulation = DemoCounty.MarketRegulation;
    static readonly TestUser Xinyong = TestUser.CreditEditor(MarketRegulation, DemoCounty.Xinyong);
    static readonly string Registered = ValidCode("91350100MA000001");
    static readonly string Newcomer = ValidCode("91350100MA000002");
    static readonly string SoleTrader = ValidCode("92350100MA000003");
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static DateOnly Today => PublicityPeriod.Today(TimeProvider.System);
    static string Day(int daysAgo) => Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static V1.CreditImportService.CreditImportServiceClient Importer(ServiceHost<Program> host, TestUser? user = null) => new(host.As(user ?? Xinyong));

    static ImportRecordsRequest Request(ImportKind kind, byte[] content, string name = "records.csv") =>
        new() { Kind = kind, FileName = name, Content = ByteString.CopyFrom(content) };

    static List<string[]> ThreePenalties(string thirdDate) =>
    [
        PenaltyRow("福州示范食品有限公司", Registered, "县市监罚〔2026〕101号", Day(20), MarketRegulation),
        PenaltyRow("福州新来贸易有限公司", Newcomer, "县市监罚〔2026〕102号", Day(10), MarketRegulation, category: "警告", fine: ""),
        PenaltyRow("王记小吃店", SoleTrader, "县市监罚〔2026〕103号", thirdDate, MarketRegulation, kind: "个体工商户"),
    ];

    static async Task<(int Entities, int Penalties, int Licences, List<OutboxMessage> Events)> StoredAsync(ServiceHost<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CreditDb>();
        return (await db.Entities.CountAsync(Ct), await db.Penalties.CountAsync(Ct), await db.Licences.CountAsync(Ct),
            await db.Set<OutboxMessage>().OrderBy(m => m.Sequence).ToListAsync(Ct));
    }

    static ImportReport ReportOf(RpcException refusal) =>
        refusal.GetRpcStatus()!.Details.Single(d => d.Is(ImportReport.Descriptor)).Unpack<ImportReport>();

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_penalty_file_with_one_bad_row_is_refused_whole_then_imported_once(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        await new V1.CreditService.CreditServiceClient(host.As(Xinyong)).RegisterEntityAsync(new RegisterEntityRequest
        {
            Code = Registered, Name = "福州示范食品有限公司", EntityCategory = "法人及非法人组织",
        }, cancellationToken: Ct);
        var before = await StoredAsync(host);

        // Row 4 (the header is row 1) has an impossible date.
        var refusal = await Assert.ThrowsAsync<RpcException>(() => Importer(host).ImportRecordsAsync(
            Request(ImportKind.Penalties, Csv(CurrentPenaltyHeader, ThreePenalties("2026-02-30"))), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        var problem = Assert.Single(ReportOf(refusal).Problems);
        Assert.Equal(4, problem.Row);
        Assert.Equal("处罚决定日期", problem.Column);
        Assert.Contains("2026-02-30", problem.Problem);
        Assert.Contains("第4行「处罚决定日期」", refusal.Status.Detail);
        var afterRefusal = await StoredAsync(host);
        Assert.Equal((before.Entities, before.Penalties, before.Events.Count), (afterRefusal.Entities, afterRefusal.Penalties, afterRefusal.Events.Count));

        var file = Csv(CurrentPenaltyHeader, ThreePenalties(Day(5)));
        var imported = await Importer(host).ImportRecordsAsync(Request(ImportKind.Penalties, file), cancellationToken: Ct);
        Assert.Equal((ColumnSet.Current, 3, 3, 0, 2), (imported.ColumnSet, imported.Rows, imported.Added, imported.Unchanged, imported.EntitiesRegistered));
        var lookup = new V1.CreditService.CreditServiceClient(host.Channel);
        var newcomer = await lookup.GetEntityAsync(new GetEntityRequest { Code = Newcomer }, cancellationToken: Ct);
        Assert.Equal("福州新来贸易有限公司", newcomer.Name);
        Assert.Equal("李四", newcomer.LegalRepresentative);
        var warning = Assert.Single(newcomer.Penalties);
        Assert.Equal(("县市监罚〔2026〕102号", "警告", "", MarketRegulation), (warning.DecisionNumber, warning.Category, warning.FineAmountWan, warning.AuthorityCode));
        Assert.Equal("个体工商户", (await lookup.GetEntityAsync(new GetEntityRequest { Code = SoleTrader }, cancellationToken: Ct)).EntityCategory);
        var fine = Assert.Single((await lookup.GetEntityAsync(new GetEntityRequest { Code = Registered }, cancellationToken: Ct)).Penalties);
        Assert.Equal("2", fine.FineAmountWan);

        // Search learns of every entity touched, each once, with its new penalty.
        var stored = await StoredAsync(host);
        var announced = stored.Events.Skip(before.Events.Count).ToList();
        Assert.All(announced, m => Assert.Equal(Topics.CreditEntityChanged, m.Topic));
        var changes = announced.Select(m => EntityChanged.Parser.ParseJson(m.Payload)).ToList();
        Assert.Equal(new[] { Newcomer, Registered, SoleTrader }.Order(StringComparer.Ordinal), changes.Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.All(changes, c => Assert.Single(c.Records, r => r.Kind == RecordKind.Penalty));

        // The same file again: nothing added, nothing announced.
        var again = await Importer(host).ImportRecordsAsync(Request(ImportKind.Penalties, file), cancellationToken: Ct);
        Assert.Equal((3, 0, 3, 0), (again.Rows, again.Added, again.Unchanged, again.EntitiesRegistered));
        var afterAgain = await StoredAsync(host);
        Assert.Equal((stored.Entities, stored.Penalties, stored.Events.Count), (afterAgain.Entities, afterAgain.Penalties, afterAgain.Events.Count));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_2016_licence_workbook_is_imported_for_the_editors_department(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("行政许可");
        string[] header = ["行政许可决定书文号", "项目名称", "审批类别", "许可内容", "行政相对人名称", "行政相对人代码_1(统一社会信用代码)",
            "行政相对人代码_5(居民身份证号)", "法定代表人姓名", "许可决定日期", "许可截止期", "许可机关", "当前状态", "地方编码", "数据更新时间戳", "备注"];
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = header[c];
        }
        object[] row = ["县市监食许〔2026〕8号", "食品经营许可证", "普通", "食品经营许可", "福州新来贸易有限公司", Newcomer, "", "李四",
            Today.AddDays(-3).ToDateTime(TimeOnly.MinValue), "", "县市场监督管理局", "有效", "530924", "", ""];
        for (var c = 0; c < row.Length; c++)
        {
            sheet.Cell(2, c + 1).Value = row[c];
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var imported = await Importer(host).ImportRecordsAsync(Request(ImportKind.Licences, stream.ToArray(), "licences.xlsx"), cancellationToken: Ct);
        Assert.Equal((ColumnSet._2016, 1, 1, 1), (imported.ColumnSet, imported.Rows, imported.Added, imported.EntitiesRegistered));
        var licence = Assert.Single((await new V1.CreditService.CreditServiceClient(host.Channel).GetEntityAsync(new GetEntityRequest { Code = Newcomer }, cancellationToken: Ct)).Licences);
        // The 2016 set names no deciding body's code: the importing editor's department is it.
        Assert.Equal(("县市监食许〔2026〕8号", "食品经营许可证", "普通", Day(3), MarketRegulation),
            (licence.DecisionNumber, licence.DocumentTitle, licence.Category, licence.DecisionDate, licence.AuthorityCode));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_natural_persons_licence_is_kept_under_the_masked_name_only(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        string[] header = ["行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "证件类型", "证件号码", "行政许可决定文书名称",
            "行政许可决定文书号", "许可类别", "许可证书名称", "许可编号", "许可内容", "许可决定日期", "有效期自", "有效期至", "许可机关", "许可机关统一社会信用代码"];
        string[] person = ["张三丰", "自然人", "", "身份证", "530924199001011234", "准予许可决定书", "县市监许〔2026〕9号", "普通", "",
            "", "小餐饮经营许可", Day(1), "", "", "县市场监督管理局", MarketRegulation];

        var imported = await Importer(host).ImportRecordsAsync(Request(ImportKind.Licences, Csv(header, [person])), cancellationToken: Ct);
        Assert.Equal((1, 0), (imported.Added, imported.EntitiesRegistered));

        var stored = await StoredAsync(host);
        var published = PersonLicencePublished.Parser.ParseJson(Assert.Single(stored.Events, m => m.Topic == Topics.CreditPersonLicencePublished).Payload);
        Assert.Equal("张**", published.HolderName);
        var licence = await new V1.CreditService.CreditServiceClient(host.Channel).GetLicenceAsync(new GetLicenceRequest { Id = published.LicenceId }, cancellationToken: Ct);
        Assert.Equal((HolderKind.NaturalPerson, "张**", "准予许可决定书"), (licence.HolderKind, licence.HolderName, licence.DocumentTitle));
        await using var scope = host.Services.CreateAsyncScope();
        var kept = await scope.ServiceProvider.GetRequiredService<CreditDb>().Licences.SingleAsync(Ct);
        Assert.Equal("张**", kept.HolderName);
        Assert.DoesNotContain("530924199001011234", string.Join("|", stored.Events.Select(e => e.Payload)));
    }

    [Fact]
    public async Task Every_problem_is_reported_with_its_row_and_column()
    {
        await using var host = new ServiceHost<Program>("credit", Testing.Databases.Sqlite);
        var badCheck = Newcomer[..17] + (Newcomer[17] == '0' ? '1' : '0');
        List<string[]> rows =
        [
            PenaltyRow("甲公司", badCheck, "县市监罚〔2026〕201号", Day(3), MarketRegulation),
            PenaltyRow("乙公司", Registered, "县市监罚〔2026〕202号", Day(3), MarketRegulation, category: "罚酒三杯"),
            PenaltyRow("丙公司", SoleTrader, "县市监罚〔2026〕202号", Day(3), DemoCounty.PublicSecurity, fine: "两万"),
            PenaltyRow("", Registered, "县市监罚〔2026〕204号", Today.AddDays(2).ToString("yyyy/M/d", CultureInfo.InvariantCulture), MarketRegulation),
            PenaltyRow("丁某", "", "县市监罚〔2026〕205号", Day(3), MarketRegulation, kind: "自然人"),
        ];
        var refusal = await Assert.ThrowsAsync<RpcException>(() => Importer(host).ImportRecordsAsync(
            Request(ImportKind.Penalties, Csv(CurrentPenaltyHeader, rows)), cancellationToken: Ct).ResponseAsync);
        var report = ReportOf(refusal).Problems.Select(p => $"{p.Row} {p.Column}: {p.Problem}").ToList();
        Assert.Contains(report, p => p.StartsWith("2 行政相对人代码_1（统一社会信用代码）: ", StringComparison.Ordinal) && p.Contains("校验"));
        Assert.Contains(report, p => p.StartsWith("3 处罚类别: “罚酒三杯”", StringComparison.Ordinal));
        Assert.Contains(report, p => p.StartsWith("4 行政处罚决定书文号: 与第3行重复", StringComparison.Ordinal));
        Assert.Contains(report, p => p.StartsWith("4 处罚机关统一社会信用代码: ", StringComparison.Ordinal) && p.Contains("不是您的部门"));
        Assert.Contains(report, p => p.StartsWith("4 罚款金额（万元）: “两万”", StringComparison.Ordinal));
        Assert.Contains(report, p => p == "5 行政相对人名称: 必填");
        Assert.Contains(report, p => p.StartsWith("5 处罚决定日期: ", StringComparison.Ordinal) && p.Contains("晚于今天"));
        Assert.Contains(report, p => p.StartsWith("6 行政相对人类别: 自然人的行政处罚不能导入", StringComparison.Ordinal));
        Assert.Equal(8, report.Count);
        Assert.Equal((0, 0), ((await StoredAsync(host)).Entities, (await StoredAsync(host)).Penalties));
    }

    [Fact]
    public async Task A_file_that_is_not_a_known_column_set_too_large_or_not_an_editors_is_refused()
    {
        await using var host = new ServiceHost<Program>("credit", Testing.Databases.Sqlite,
            new Dictionary<string, string?> { ["Credit:Import:MaxFileBytes"] = "2000" });

        var unknown = await Assert.ThrowsAsync<RpcException>(() => Importer(host).ImportRecordsAsync(
            Request(ImportKind.Penalties, Csv(["名称", "代码"], [["甲", Registered]])), cancellationToken: Ct).ResponseAsync);
        var problem = Assert.Single(ReportOf(unknown).Problems);
        Assert.Equal(0, problem.Row);
        Assert.Contains("处罚机关统一社会信用代码", problem.Problem);

        var missing = await Assert.ThrowsAsync<RpcException>(() => Importer(host).ImportRecordsAsync(
            Request(ImportKind.Penalties, Csv([.. CurrentPenaltyHeader.Where(h => h != "处罚依据")], [])), cancellationToken: Ct).ResponseAsync);
        Assert.Equal("1 处罚依据: 缺少这一列", Assert.Single(ReportOf(missing).Problems.Select(p => $"{p.Row} {p.Column}: {p.Problem}")));

        var large = await Assert.ThrowsAsync<RpcException>(() => Importer(host).ImportRecordsAsync(
            Request(ImportKind.Penalties, new byte[2001]), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, large.StatusCode);
        Assert.Contains("content: 导入文件：文件有2001字节，超过上限2000字节", large.Violations());

        var file = Csv(CurrentPenaltyHeader, [PenaltyRow("甲公司", Registered, "县市监罚〔2026〕1号", Day(3), MarketRegulation)]);
        var officer = await Assert.ThrowsAsync<RpcException>(() => Importer(host, TestUser.Officer(MarketRegulation)).ImportRecordsAsync(
            Request(ImportKind.Penalties, file), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, officer.StatusCode);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => new V1.CreditImportService.CreditImportServiceClient(host.Channel).ImportRecordsAsync(
            Request(ImportKind.Penalties, file), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal((0, 0), ((await StoredAsync(host)).Entities, (await StoredAsync(host)).Penalties));
    }

    [Fact]
    public async Task A_csv_saved_by_excel_in_gb18030_is_read()
    {
        await using var host = new ServiceHost<Program>("credit", Testing.Databases.Sqlite);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var utf8 = Csv(CurrentPenaltyHeader, [PenaltyRow("福州示范食品有限公司", Registered, "县市监罚〔2026〕7号", Day(3), MarketRegulation)]);
        var gb18030 = Encoding.GetEncoding("GB18030").GetBytes(Encoding.UTF8.GetString(utf8).TrimStart('\uFEFF'));

        var imported = await Importer(host).ImportRecordsAsync(Request(ImportKind.Penalties, gb18030), cancellationToken: Ct);
        Assert.Equal(1, imported.Added);
        var entity = await new V1.CreditService.CreditServiceClient(host.Channel).GetEntityAsync(new GetEntityRequest { Code = Registered }, cancellationToken: Ct);
        Assert.Equal("福州示范食品有限公司", entity.Name);
        Assert.Equal("县市监罚〔2026〕7号", Assert.Single(entity.Penalties).DecisionNumber);
    }
}
