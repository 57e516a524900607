using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;
using ServiceHall.Testing;

namespace ServiceHall.Applications.Tests;

/// <summary>An applications database made before migrations (created from the model, with no migration history) is adopted by today's service without losing a row.</summary>
public sealed class SchemaAdoptionTests
{
    // As the fixture holds them: 张三's application to the 公安局 of the demo county of that time.
    const string FixtureApplication = "SH20261201K7M2Q9XB";
    static readonly TestUser FixtureOwner = TestUser.Person("demo-applicant-zhangsan");

    public static TheoryData<string> Databases => Testing.Databases.Both;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_ensure_created_database_keeps_every_row_and_the_applicant_reads_their_application(string database)
    {
        using var adopted = AdoptedDatabase.Restore("applications", database);
        var before = await adopted.RowCountsAsync();
        Assert.Equal(1, before["applications"]);

        var settings = new Dictionary<string, string?>(adopted.SettingsFor("applications")) { ["services:catalog:http:0"] = "http://catalog.invalid" };
        await using (var host = new ServiceHost<Program>("applications", Testing.Databases.Sqlite, settings))
        {
            var application = await new V1.ApplicationsService.ApplicationsServiceClient(host.As(FixtureOwner)).GetApplicationAsync(
                new GetApplicationRequest { TrackingNumber = FixtureApplication });
            Assert.Equal(("居民身份证首次申领", "110***********002X"), (application.ItemName, application.ApplicantIdNumber));

            await AdoptedDatabase.AssertMigratedAsync<ApplicationsDb>(host.Services);
        }

        var (_, audit) = await adopted.AssertKeptEveryRowAsync(before);
        Assert.True(audit.Records >= before["audit_records"]);
    }
}
