using System.Net;
using ServiceHall.Identity.Data;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>An identity database made before migrations (created from the model, with no migration history) is adopted: accounts, roles and clients survive and people still sign in.</summary>
public sealed class SchemaAdoptionTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_ensure_created_database_keeps_every_account_and_people_still_sign_in(string database)
    {
        using var adopted = AdoptedDatabase.Restore("identity", database);
        var before = await adopted.RowCountsAsync();
        Assert.Equal(11, before["AspNetUsers"]);

        await using (var host = IdentityHost.Start(Testing.Databases.Sqlite, adopted.SettingsFor("identity")))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await host.Browser().SignInAsync("zhangsan", Browser.Password)).StatusCode);

            await AdoptedDatabase.AssertMigratedAsync<IdentityDb>(host.Services);
        }

        var (after, audit) = await adopted.AssertKeptEveryRowAsync(before);
        // Every account of the old database is kept (checked above); demo accounts added to the hall since it was made join them.
        Assert.Equal(DemoAccounts.Accounts.Count, after["AspNetUsers"]);
        Assert.True(audit.Records > 0, "the sign-in was not audited");
    }
}
