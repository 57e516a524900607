using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Catalog.Data;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>`catalog migrate` for deployments that migrate as their own step, and services that then refuse a schema behind.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task A_service_told_not_to_migrate_refuses_an_old_schema_until_migrate_has_run()
    {
        using var adopted = AdoptedDatabase.Restore("catalog", Databases.Sqlite);
        await using var services = Services(adopted.ConnectionString, migrateAtStart: false);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(1, await services.PrepareDatabaseAsync<CatalogDb>("catalog", [], ct));
        Assert.Equal(0, await services.PrepareDatabaseAsync<CatalogDb>("catalog", ["migrate"], ct));
        Assert.Null(await services.PrepareDatabaseAsync<CatalogDb>("catalog", [], ct));

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        Assert.Equal(db.Database.GetMigrations(), await adopted.AppliedMigrationsAsync());
        Assert.Equal(3, await db.Set<ItemRecord>().CountAsync(ct));
    }

    [Fact]
    public async Task Migrate_creates_a_fresh_database_with_the_audit_trail_and_a_second_run_changes_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("servicehall-migrate-");
        try
        {
            var connectionString = $"Data Source={Path.Combine(folder.FullName, "catalog.db")}";
            await using var services = Services(connectionString, migrateAtStart: true);
            var ct = TestContext.Current.CancellationToken;

            Assert.Equal(0, await services.PrepareDatabaseAsync<CatalogDb>("catalog", ["migrate"], ct));
            Assert.Equal(0, await services.PrepareDatabaseAsync<CatalogDb>("catalog", ["migrate"], ct));

            var trail = new AuditTrail(connectionString, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditTrail>.Instance);
            await trail.RecordAsync("test", "Probe", "audit", "ok", cancellationToken: ct);
            Assert.Equal(1, (await trail.VerifyAsync(ct)).Records);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    static ServiceProvider Services(string connectionString, bool migrateAtStart)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:MigrateAtStart"] = migrateAtStart ? "true" : "false" })
            .Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddDbContext<CatalogDb, CatalogDbSqlite>(o => o.UseSqlite(connectionString))
            .BuildServiceProvider();
    }
}
