using Google.Protobuf;
using Grpc.Core;
using ServiceHall.Credit.V1;
using ServiceHall.Testing;
using static ServiceHall.Testing.CreditImportFiles;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// Issue 14's import, through the gateway against the running hall: a file with one bad row is refused with the
/// row and column named; fixed, it is imported and every row's entity shows its penalty by code and in search;
/// imported again, nothing changes.
/// </summary>
public sealed class CreditImportJourneyTests(HallFixture hall)
{
    [Fact]
    public async Task A_file_with_a_bad_row_is_refused_fixed_imported_and_imported_again_without_change()
    {
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var entities = Enumerable.Range(1, 3).Select(i => (Code: TestCodes.NewCreditCode(), Name: $"镇康县导入{suffix}第{i}贸易有限公司")).ToList();
        List<string[]> Rows(string secondDate) =>
        [
            .. entities.Select((e, i) => PenaltyRow(e.Name, e.Code, $"县市监罚〔2026〕导{suffix}{i + 1}号", i == 1 ? secondDate : "2026-10-15", DemoCounty.MarketRegulation)),
        ];
        var importer = new CreditImportService.CreditImportServiceClient(await hall.GrpcAs(DemoCounty.Xinyong));
        ImportRecordsRequest Request(byte[] content) => new() { Kind = ImportKind.Penalties, FileName = "处罚导入.csv", Content = ByteString.CopyFrom(content) };

        // Row 3 (the second record) has a date with no such day: the whole file is refused, its report names it.
        var refusal = await Assert.ThrowsAsync<RpcException>(() => importer.ImportRecordsAsync(Request(Csv(CurrentPenaltyHeader, Rows("2026-10-32")))).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        var problem = Assert.Single(refusal.GetRpcStatus()!.Details.Single(d => d.Is(ImportReport.Descriptor)).Unpack<ImportReport>().Problems);
        Assert.Equal((3, "处罚决定日期"), (problem.Row, problem.Column));
        // Over JSON the refusal says the same to a person.
        var editor = await hall.HttpAs(DemoCounty.Xinyong);
        var (status, body) = await editor.SendAsync(HttpMethod.Post, "/api/credit/imports",
            new { kind = "IMPORT_KIND_PENALTIES", fileName = "处罚导入.csv", content = Convert.ToBase64String(Csv(CurrentPenaltyHeader, Rows("2026-10-32"))) });
        Assert.Equal(400, status);
        Assert.Contains("第3行「处罚决定日期」", (string?)body!["message"]);
        foreach (var (code, _) in entities)
        {
            Assert.Equal(404, (await hall.Http.SendAsync(HttpMethod.Get, $"/api/credit/entities/{code}")).Status);
        }

        var fixedFile = Csv(CurrentPenaltyHeader, Rows("2026-10-16"));
        var imported = await importer.ImportRecordsAsync(Request(fixedFile));
        Assert.Equal((3, 3, 0, 3), (imported.Rows, imported.Added, imported.Unchanged, imported.EntitiesRegistered));
        for (var i = 0; i < entities.Count; i++)
        {
            var (got, entity) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/credit/entities/{entities[i].Code}");
            Assert.Equal(200, got);
            Assert.Equal(entities[i].Name, (string?)entity!["name"]);
            Assert.Equal($"县市监罚〔2026〕导{suffix}{i + 1}号", (string?)Assert.Single(entity["penalties"]!.AsArray())!["decisionNumber"]);
        }
        foreach (var (code, name) in entities)
        {
            Assert.NotNull(await hall.Http.SearchUntilFoundAsync(name, code, HallJourneyTests.SearchWait));
        }

        var again = await importer.ImportRecordsAsync(Request(fixedFile));
        Assert.Equal((3, 0, 3, 0), (again.Rows, again.Added, again.Unchanged, again.EntitiesRegistered));
        foreach (var (code, _) in entities)
        {
            var (_, entity) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/credit/entities/{code}");
            Assert.Single(entity!["penalties"]!.AsArray());
            Assert.Equal("2", entity["version"]!.ToString());
        }

        // One of them was published in error: withdrawn, it leaves the public lookup; its history keeps it.
        var (_, first) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/credit/entities/{entities[0].Code}");
        var penaltyId = (string)first!["penalties"]![0]!["id"]!;
        var (withdrawn, _) = await editor.SendAsync(HttpMethod.Post, $"/api/credit/penalties/{penaltyId}:withdraw", new { reason = "当事人认定错误" });
        Assert.Equal(200, withdrawn);
        var (_, after) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/credit/entities/{entities[0].Code}");
        Assert.Empty(after!["penalties"]!.AsArray());
        var (historyStatus, history) = await editor.SendAsync(HttpMethod.Get, $"/api/credit/penalties/{penaltyId}/history");
        Assert.Equal(200, historyStatus);
        Assert.Equal(["PENALTY_CHANGE_RECORDED", "PENALTY_CHANGE_WITHDRAWN"], history!["versions"]!.AsArray().Select(v => (string?)v!["change"]));
    }
}
