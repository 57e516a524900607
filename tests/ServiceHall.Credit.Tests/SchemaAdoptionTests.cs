using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

/// <summary>A credit database made before migrations (created from the model, with no migration history) is adopted by today's service without losing a row.</summary>
public sealed class SchemaAdoptionTests
{
    // As the fixture holds it (the demo county of that time).
    const string FixtureEntity = "91331122MA2E5K7L1L";

    public static TheoryData<string> Databases => Testing.Databases.Both;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_ensure_created_database_keeps_every_row_and_the_service_reads_it(string database)
    {
        using var adopted = AdoptedDatabase.Restore("credit", database);
        var before = await adopted.RowCountsAsync();
        Assert.Equal(3, before["entities"]);

        await using (var host = new ServiceHost<Program>("credit", Testing.Databases.Sqlite, adopted.SettingsFor("credit")))
        {
            var entity = await new V1.CreditService.CreditServiceClient(host.Channel).GetEntityAsync(new GetEntityRequest { Code = FixtureEntity });
            Assert.Equal("缙云县好滋味餐饮管理有限公司", entity.Name);

            await AdoptedDatabase.AssertMigratedAsync<CreditDb>(host.Services);
        }

        await adopted.AssertKeptEveryRowAsync(before);
    }
}
