using ServiceHall.Disclosures.Data;
using ServiceHall.Disclosures.V1;
using ServiceHall.Testing;

namespace ServiceHall.Disclosures.Tests;

/// <summary>A disclosures database made before migrations (created from the model, with no migration history) is adopted by today's service without losing a row.</summary>
public sealed class SchemaAdoptionTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_ensure_created_database_keeps_every_row_and_the_service_reads_it(string database)
    {
        using var adopted = AdoptedDatabase.Restore("disclosures", database);
        var before = await adopted.RowCountsAsync();
        Assert.Equal(3, before["organizations"]);

        await using (var host = new ServiceHost<Program>("disclosures", Testing.Databases.Sqlite, adopted.SettingsFor("disclosures")))
        {
            var listed = await new V1.DisclosuresService.DisclosuresServiceClient(host.Channel).ListDisclosuresAsync(
                new ListDisclosuresRequest { OrganizationId = "county-peoples-hospital" });
            Assert.NotEmpty(listed.Disclosures);

            await AdoptedDatabase.AssertMigratedAsync<DisclosuresDb>(host.Services);
        }

        await adopted.AssertKeptEveryRowAsync(before);
    }
}
