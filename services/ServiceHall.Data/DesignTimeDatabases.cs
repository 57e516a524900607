using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ServiceHall.Data;

/// <summary>
/// How `dotnet ef migrations add` makes a provider's context without starting the service: each service declares
/// one subclass per provider context (docs/decisions/0008-migrations-per-provider.md). The connection strings are
/// placeholders; adding a migration never connects.
/// </summary>
public abstract class SqliteDesignTime<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>().UseSqlite("Data Source=design-time.db").Options)!;
}

/// <inheritdoc cref="SqliteDesignTime{TContext}"/>
public abstract class PostgresDesignTime<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=design-time").Options)!;
}
