using Microsoft.EntityFrameworkCore;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog.Data;

// One context class per provider, each with its own migrations under Data/Migrations/<provider>
// (docs/decisions/0008-migrations-per-provider.md). Add a migration to both:
//   dotnet ef migrations add <Name> --project services/Catalog/ServiceHall.Catalog --context CatalogDbSqlite --output-dir Data/Migrations/Sqlite
//   dotnet ef migrations add <Name> --project services/Catalog/ServiceHall.Catalog --context CatalogDbPostgres --output-dir Data/Migrations/Postgres

public sealed class CatalogDbSqlite(DbContextOptions<CatalogDbSqlite> options) : CatalogDb(options);

public sealed class CatalogDbPostgres(DbContextOptions<CatalogDbPostgres> options) : CatalogDb(options);

sealed class CatalogDbSqliteDesignTime : SqliteDesignTime<CatalogDbSqlite>;

sealed class CatalogDbPostgresDesignTime : PostgresDesignTime<CatalogDbPostgres>;
