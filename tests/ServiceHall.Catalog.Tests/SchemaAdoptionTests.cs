using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>A catalog database made before migrations (created from the model, with no migration history) is adopted by today's service without losing a row.</summary>
public sealed class SchemaAdoptionTests
{
    // As the fixture holds them (the demo county of that time), not today's demo data.
    const string FixturePoliceCode = "11331122025900371F";
    const string FixtureConsultation = "c0ffee00000000000000000000000001";

    public static TheoryData<string> Databases => ServiceHall.Testing.Databases.Both;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_ensure_created_database_keeps_every_row_and_the_service_reads_and_writes_it(string database)
    {
        using var adopted = AdoptedDatabase.Restore("catalog", database);
        var before = await adopted.RowCountsAsync();
        Assert.Equal(3, before["items"]);

        await using (var host = new ServiceHost<Program>("catalog", ServiceHall.Testing.Databases.Sqlite, adopted.SettingsFor("catalog")))
        {
            var items = await Sample.Catalog(host).ListItemsAsync(new ListItemsRequest { DepartmentCode = FixturePoliceCode });
            Assert.Equal(["居民身份证换领", "居民身份证首次申领"], items.Items.Select(i => i.Name).Order());
            var open = await Sample.Consultations(host, TestUser.Officer(FixturePoliceCode)).ListOpenConsultationsAsync(
                new ListOpenConsultationsRequest { DepartmentCode = FixturePoliceCode });
            Assert.Contains(open.Consultations, c => c.Id == FixtureConsultation && c.ReplyDeadline == "2026-12-08");

            var asked = await Sample.Consultations(host, Sample.Zhangsan).AskQuestionAsync(
                new AskQuestionRequest { ItemId = items.Items[0].Id, Question = "迁移以后还能咨询吗？" });
            Assert.Equal(ConsultationStatus.Open, asked.Status);

            await AdoptedDatabase.AssertMigratedAsync<CatalogDb>(host.Services);
        }

        var (after, audit) = await adopted.AssertKeptEveryRowAsync(before);
        Assert.Equal(before["consultations"] + 1, after["consultations"]);
        Assert.True(audit.Records > before["audit_records"], "the question was not audited");
    }
}
