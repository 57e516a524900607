// Credit bulk import (docs/domain.md §8) at scale: generates one CSV of penalties in the current national column set
// (valid credit codes, 4 penalties per entity, none of the entities registered yet), imports it with the service's
// own importer into a fresh database migrated by the service's migrations, then imports the same file again (every
// row found recorded, nothing written), and prints rows per second for each. SQLite always; PostgreSQL when a
// throwaway cluster can be started (tests/ServiceHall.Testing/PostgresServer.cs).
// Usage: dotnet run -c Release --project bench/ServiceHall.Bench.CreditImport [-- <records>]
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Credit;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.Import;
using ServiceHall.Credit.V1;
using ServiceHall.Testing;

var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
const string Department = "11530924015900298N";  // 县市场监督管理局
var decided = PublicityPeriod.Today(TimeProvider.System).AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
var rows = Enumerable.Range(0, records).Select(i =>
{
    var entity = i / 4;
    var code = CreditImportFiles.ValidCode("91530924" + entity.ToString("D8", CultureInfo.InvariantCulture));
    return (IReadOnlyList<string>)CreditImportFiles.PenaltyRow($"镇康县压测{entity}商贸有限公司", code,
        $"县市监罚〔2026〕{i}号", decided, Department, category: i % 3 == 0 ? "警告" : "罚款", fine: i % 3 == 0 ? "" : "0.5");
});
var file = CreditImportFiles.Csv(CreditImportFiles.CurrentPenaltyHeader, rows);
Console.WriteLine($"{records:N0} penalty rows of {records / 4:N0} entities: a {file.Length / 1048576.0:F1} MiB CSV; {Environment.ProcessorCount} cores");

var sqliteFolder = Directory.CreateTempSubdirectory("servicehall-bench-credit-import-");
try
{
    var options = new DbContextOptionsBuilder<CreditDbSqlite>().UseSqlite($"Data Source={Path.Combine(sqliteFolder.FullName, "credit.db")}").Options;
    await RunAsync("SQLite", () => new CreditDbSqlite(options));
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    sqliteFolder.Delete(recursive: true);
}

var postgres = PostgresServer.Shared;
if (postgres.Available)
{
    try
    {
        var options = new DbContextOptionsBuilder<CreditDbPostgres>().UseNpgsql(postgres.NewDatabase("bench_credit_import")).Options;
        await RunAsync("PostgreSQL", () => new CreditDbPostgres(options));
    }
    finally
    {
        PostgresServer.StopIfStarted();
    }
}
else
{
    Console.WriteLine($"PostgreSQL: not run ({postgres.Reason})");
}

async Task RunAsync(string provider, Func<CreditDb> open)
{
    await using (var db = open())
    {
        await db.Database.MigrateAsync();
    }
    foreach (var round in new[] { "first import", "same file again" })
    {
        await using var db = open();
        var importer = new CreditImporter(db, Options.Create(new PublicityPeriod()), TimeProvider.System);
        var watch = Stopwatch.StartNew();
        var outcome = await importer.ImportAsync(ImportKind.Penalties, file, Department, CancellationToken.None);
        watch.Stop();
        if (outcome.Result is not { } result)
        {
            throw new InvalidOperationException("refused: " + string.Join("; ", outcome.Problems.Take(5).Select(p => $"{p.Row} {p.Column}: {p.Problem}")));
        }
        Console.WriteLine($"{provider}, {round}: {result.Rows:N0} rows ({result.Added:N0} added, {result.Unchanged:N0} unchanged, " +
            $"{result.EntitiesRegistered:N0} entities registered) in {watch.Elapsed.TotalSeconds:F1} s = {result.Rows / watch.Elapsed.TotalSeconds:N0} rows/s");
    }
    await using (var db = open())
    {
        Console.WriteLine($"{provider}: {await db.Penalties.CountAsync():N0} penalties, {await db.Entities.CountAsync():N0} entities, " +
            $"{await db.Set<ServiceHall.Messaging.OutboxMessage>().CountAsync():N0} announcements stored");
    }
}
