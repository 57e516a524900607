using Microsoft.EntityFrameworkCore;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Disclosures.Data;

// One context class per provider, each with its own migrations under Data/Migrations/<provider>
// (docs/decisions/0008-migrations-per-provider.md). Add a migration to both:
//   dotnet ef migrations add <Name> --project services/Disclosures/ServiceHall.Disclosures --context DisclosuresDbSqlite --output-dir Data/Migrations/Sqlite
//   dotnet ef migrations add <Name> --project services/Disclosures/ServiceHall.Disclosures --context DisclosuresDbPostgres --output-dir Data/Migrations/Postgres

public sealed class DisclosuresDbSqlite(DbContextOptions<DisclosuresDbSqlite> options) : DisclosuresDb(options);

public sealed class DisclosuresDbPostgres(DbContextOptions<DisclosuresDbPostgres> options) : DisclosuresDb(options);

sealed class DisclosuresDbSqliteDesignTime : SqliteDesignTime<DisclosuresDbSqlite>;

sealed class DisclosuresDbPostgresDesignTime : PostgresDesignTime<DisclosuresDbPostgres>;
