using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Testing;

/// <summary>
/// A copy of a database made before migrations existed (Fixtures/ensure-created, created from the model without migrations), restored for one test: the SQLite
/// file copied to a temp folder, or the PostgreSQL dump loaded into a fresh database with psql. Start a service on
/// <see cref="ConnectionString"/> and compare what the rows were with what they are.
/// </summary>
public sealed class AdoptedDatabase : IDisposable
{
    static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ensure-created");

    readonly string? folder;

    AdoptedDatabase(string connectionString, string? folder)
    {
        ConnectionString = connectionString;
        this.folder = folder;
    }

    public string ConnectionString { get; }

    bool Postgres => ServiceDatabase.IsPostgres(ConnectionString);

    public static AdoptedDatabase Restore(string service, string database)
    {
        if (database == Databases.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "servicehall-adopt-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, service + ".db");
            File.Copy(Path.Combine(Fixtures, "sqlite", service + ".sqlite"), file);
            return new AdoptedDatabase($"Data Source={file}", folder);
        }
        var server = PostgresServer.Require();
        var connectionString = server.NewDatabase(service);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        server.Psql("postgres", $"-c \"CREATE DATABASE {name}\"");
        server.Psql(name, $"-f {Path.Combine(Fixtures, "postgres", service + ".sql")}");
        return new AdoptedDatabase(connectionString, null);
    }

    /// <summary>Every table's row count (the migrations' own history table left out).</summary>
    public async Task<IReadOnlyDictionary<string, long>> RowCountsAsync()
    {
        await using var connection = await OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = Postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => t != "__EFMigrationsHistory" && t != "__EFMigrationsLock"))
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        return counts;
    }

    /// <summary>Settings that start a service on this database instead of a fresh one.</summary>
    public IReadOnlyDictionary<string, string?> SettingsFor(string service) =>
        new Dictionary<string, string?> { [$"ConnectionStrings:{service}"] = ConnectionString };

    /// <summary>
    /// After the service ran on it: every table that was there is still there with at least as many rows (a service
    /// at work only adds), and the audit chain is intact. Returns the counts now and the audit trail's verdict.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, long> Rows, AuditVerification Audit)> AssertKeptEveryRowAsync(IReadOnlyDictionary<string, long> before)
    {
        var after = await RowCountsAsync();
        foreach (var (table, rows) in before)
        {
            Xunit.Assert.True(after.TryGetValue(table, out var now), $"table {table} is gone");
            Xunit.Assert.True(now >= rows, $"table {table} had {rows} rows and now has {now}");
        }
        var audit = await VerifyAuditAsync();
        Xunit.Assert.True(audit.Intact, audit.Problem);
        return (after, audit);
    }

    /// <summary>The service's own context has no migration left to apply.</summary>
    public static async Task AssertMigratedAsync<TContext>(IServiceProvider services) where TContext : Microsoft.EntityFrameworkCore.DbContext
    {
        await using var scope = services.CreateAsyncScope();
        Xunit.Assert.Empty(await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(
            scope.ServiceProvider.GetRequiredService<TContext>().Database));
    }

    /// <summary>The migrations the database's history says were applied, in order.</summary>
    public async Task<IReadOnlyList<string>> AppliedMigrationsAsync()
    {
        await using var connection = await OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
        await using var reader = await select.ExecuteReaderAsync();
        var applied = new List<string>();
        while (await reader.ReadAsync())
        {
            applied.Add(reader.GetString(0));
        }
        return applied;
    }

    Task<AuditVerification> VerifyAuditAsync() =>
        new AuditTrail(ConnectionString, TimeProvider.System, NullLogger<AuditTrail>.Instance).VerifyAsync();

    async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose()
    {
        if (folder is not null && Directory.Exists(folder))
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
