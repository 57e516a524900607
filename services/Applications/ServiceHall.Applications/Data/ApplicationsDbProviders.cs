using Microsoft.EntityFrameworkCore;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications.Data;

// One context class per provider, each with its own migrations under Data/Migrations/<provider>
// (docs/decisions/0008-migrations-per-provider.md). Add a migration to both:
//   dotnet ef migrations add <Name> --project services/Applications/ServiceHall.Applications --context ApplicationsDbSqlite --output-dir Data/Migrations/Sqlite
//   dotnet ef migrations add <Name> --project services/Applications/ServiceHall.Applications --context ApplicationsDbPostgres --output-dir Data/Migrations/Postgres

public sealed class ApplicationsDbSqlite(DbContextOptions<ApplicationsDbSqlite> options) : ApplicationsDb(options);

public sealed class ApplicationsDbPostgres(DbContextOptions<ApplicationsDbPostgres> options) : ApplicationsDb(options);

sealed class ApplicationsDbSqliteDesignTime : SqliteDesignTime<ApplicationsDbSqlite>;

sealed class ApplicationsDbPostgresDesignTime : PostgresDesignTime<ApplicationsDbPostgres>;
