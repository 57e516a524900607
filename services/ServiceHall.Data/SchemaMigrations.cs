using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceHall.Data;

/// <summary>
/// Brings a service's database to its newest schema with EF Core migrations (docs/decisions/0008-migrations-per-provider.md).
/// By default at start; <c>&lt;service&gt; migrate</c> migrates and exits, for deployments that migrate as a step of
/// their own and start services with <c>Database:MigrateAtStart=false</c>, which then refuse a schema that is behind.
/// </summary>
public static class SchemaMigrations
{
    /// <summary>
    /// Migrates, or checks, the schema as the arguments and configuration ask. Returns the exit code when the
    /// process should stop here (after <c>migrate</c>, or on a schema that is behind), null to go on and serve.
    /// </summary>
    public static async Task<int?> PrepareDatabaseAsync<TContext>(this IServiceProvider services, string serviceName, string[] args, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ServiceHall.Database");
        if (args is ["migrate", ..])
        {
            var applied = await MigrateAsync<TContext>(services, logger, cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? $"{serviceName} database: up to date"
                : $"{serviceName} database: applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return 0;
        }
        if (configuration.GetValue("Database:MigrateAtStart", true))
        {
            await MigrateAsync<TContext>(services, logger, cancellationToken);
            return null;
        }
        await using var scope = services.CreateAsyncScope();
        var pending = await PendingAsync(scope.ServiceProvider.GetRequiredService<TContext>(), cancellationToken);
        if (pending.Count > 0)
        {
            logger.LogCritical("The {Service} database lacks migrations {Pending}; run `{Service} migrate` first (Database:MigrateAtStart is false)",
                serviceName, string.Join(", ", pending), serviceName);
            return 1;
        }
        return null;
    }

    /// <summary>Applies pending migrations, retrying while a PostgreSQL server is still coming up; returns their names.</summary>
    static async Task<IReadOnlyList<string>> MigrateAsync<TContext>(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                await AdoptCreatedSchemaAsync(db, logger, cancellationToken);
                var pending = await PendingAsync(db, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
                if (pending.Count > 0)
                {
                    logger.LogInformation("Applied migrations {Migrations}", string.Join(", ", pending));
                }
                return pending;
            }
            catch (Exception ex) when (attempt < 10 && ex is DbException { IsTransient: true } or TimeoutException)
            {
                logger.LogWarning(ex, "Database not ready (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// A database made before migrations existed (created straight from the model, up to commit c365bfe) holds exactly the first
    /// migration's schema but no history: record that migration as applied, so only later ones run and no row is
    /// touched. Several replicas may do this at once; the history's primary key lets one win.
    /// </summary>
    static async Task AdoptCreatedSchemaAsync(DbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken) || await HistoryExistsAsync(db, cancellationToken) || !await creator.HasTablesAsync(cancellationToken))
        {
            return;
        }
        var history = db.GetService<IHistoryRepository>();
        var baseline = db.Database.GetMigrations().First();
        try
        {
            await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), cancellationToken);
            logger.LogWarning("Adopted a database created before migrations: recorded {Baseline} as applied", baseline);
        }
        catch (DbException ex) when (UniqueViolation.Is(ex))
        {
            logger.LogInformation("Another replica adopted the database first");
        }
    }

    static async Task<IReadOnlyList<string>> PendingAsync(DbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        var applied = await creator.ExistsAsync(cancellationToken) && await HistoryExistsAsync(db, cancellationToken)
            ? (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal)
            : [];
        return [.. db.Database.GetMigrations().Where(m => !applied.Contains(m))];
    }

    /// <summary>
    /// Asked of the database's own system tables: Npgsql's IHistoryRepository.Exists answers true for a database that has
    /// tables but no history table, which would make an adopted database look migrated.
    /// </summary>
    static async Task<bool> HistoryExistsAsync(DbContext db, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsNpgsql()
            ? $"SELECT CASE WHEN to_regclass('\"{HistoryRepository.DefaultTableName}\"') IS NULL THEN 0 ELSE 1 END AS \"Value\""
            : $"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '{HistoryRepository.DefaultTableName}'";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(cancellationToken) > 0;
    }
}
