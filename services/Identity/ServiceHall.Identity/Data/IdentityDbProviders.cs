using Microsoft.EntityFrameworkCore;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Identity.Data;

// One context class per provider, each with its own migrations under Data/Migrations/<provider>
// (docs/decisions/0008-migrations-per-provider.md). Add a migration to both:
//   dotnet ef migrations add <Name> --project services/Identity/ServiceHall.Identity --context IdentityDbSqlite --output-dir Data/Migrations/Sqlite
//   dotnet ef migrations add <Name> --project services/Identity/ServiceHall.Identity --context IdentityDbPostgres --output-dir Data/Migrations/Postgres

public sealed class IdentityDbSqlite(DbContextOptions<IdentityDbSqlite> options) : IdentityDb(options);

public sealed class IdentityDbPostgres(DbContextOptions<IdentityDbPostgres> options) : IdentityDb(options);

sealed class IdentityDbSqliteDesignTime : SqliteDesignTime<IdentityDbSqlite>;

sealed class IdentityDbPostgresDesignTime : PostgresDesignTime<IdentityDbPostgres>;
