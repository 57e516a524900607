using Microsoft.EntityFrameworkCore;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit.Data;

// One context class per provider, each with its own migrations under Data/Migrations/<provider>
// (docs/decisions/0008-migrations-per-provider.md). Add a migration to both:
//   dotnet ef migrations add <Name> --project services/Credit/ServiceHall.Credit --context CreditDbSqlite --output-dir Data/Migrations/Sqlite
//   dotnet ef migrations add <Name> --project services/Credit/ServiceHall.Credit --context CreditDbPostgres --output-dir Data/Migrations/Postgres

public sealed class CreditDbSqlite(DbContextOptions<CreditDbSqlite> options) : CreditDb(options);

public sealed class CreditDbPostgres(DbContextOptions<CreditDbPostgres> options) : CreditDb(options);

sealed class CreditDbSqliteDesignTime : SqliteDesignTime<CreditDbSqlite>;

sealed class CreditDbPostgresDesignTime : PostgresDesignTime<CreditDbPostgres>;
