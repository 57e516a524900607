using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServiceHall.Data;

/// <summary>
/// Each service owns one database: an embedded SQLite file by default, PostgreSQL when its connection
/// string (ConnectionStrings:&lt;service&gt;) names a host.
/// </summary>
public static class ServiceDatabase
{
    /// <summary>
    /// Registers the service's context as <typeparamref name="TContext"/>, implemented by the provider's own subclass
    /// (<typeparamref name="TSqlite"/> or <typeparamref name="TPostgres"/>), because each provider has its own
    /// migrations (docs/decisions/0008-migrations-per-provider.md).
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqlite, TPostgres>(this IHostApplicationBuilder builder, string serviceName)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var connectionString = ConnectionStringFor(builder.Configuration, serviceName);
        var postgres = IsPostgres(connectionString);
        void Configure(IServiceProvider services, DbContextOptionsBuilder o)
        {
            // Interceptors registered by other parts (the outbox's save notifier) apply to every context.
            o.AddInterceptors(services.GetServices<IInterceptor>());
            if (postgres)
            {
                o.UseNpgsql(connectionString);
            }
            else
            {
                o.UseSqlite(connectionString);
            }
        }
        if (postgres)
        {
            builder.Services.AddDbContext<TContext, TPostgres>(Configure);
        }
        else
        {
            builder.Services.AddDbContext<TContext, TSqlite>(Configure);
        }
        builder.Services.AddHealthChecks().AddCheck<DatabaseReady<TContext>>($"{serviceName}-database");
        return builder;
    }

    public static bool IsPostgres(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>ConnectionStrings:&lt;service&gt;, else the service's SQLite file in Data:Folder.</summary>
    public static string ConnectionStringFor(IConfiguration configuration, string serviceName)
    {
        var configured = configuration.GetConnectionString(serviceName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var folder = configuration["Data:Folder"] ?? Path.Combine(AppContext.BaseDirectory, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, serviceName + ".db")}";
    }

    /// <summary>The clock's now at the precision the database keeps (see <see cref="ToStoredPrecision"/>).</summary>
    public static DateTime StoredUtcNow(this TimeProvider clock) => ToStoredPrecision(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// A time trimmed to whole microseconds, what PostgreSQL keeps (.NET ticks are 100 ns), so an answer given
    /// at write time equals what a later read of the same row gives.
    /// </summary>
    public static DateTime ToStoredPrecision(DateTime utc) => new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    /// <summary>Keeps DateTime values UTC on the way back from SQLite, which stores them without a kind.</summary>
    public static void UseUtcDateTimes(this ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    sealed class DatabaseReady<TContext>(TContext db) : IHealthCheck where TContext : DbContext
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("the database does not answer");
    }
}
