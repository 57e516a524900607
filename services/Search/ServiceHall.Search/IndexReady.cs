using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServiceHall.Search;

/// <summary>Ready when the index is open; search has no database, the index is what it serves from.</summary>
sealed class IndexReady(PublicIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsOpen ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the search index is closed"));
}
