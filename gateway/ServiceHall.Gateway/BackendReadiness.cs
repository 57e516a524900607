using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServiceHall.Gateway;

/// <summary>
/// The gateway's /health/ready is the hall's: one check per proxied service, asking that service's own
/// /health/ready over HTTP/2, so an orchestrator (or a person) sees at once which part is down.
/// </summary>
public static class BackendReadiness
{
    const string Client = "backend-readiness";

    public static IServiceCollection AddBackendReadiness(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient(Client, http =>
        {
            http.DefaultRequestVersion = System.Net.HttpVersion.Version20;
            http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
            http.Timeout = TimeSpan.FromSeconds(3);
        });
        var checks = services.AddHealthChecks();
        foreach (var cluster in configuration.GetSection("ReverseProxy:Clusters").GetChildren())
        {
            foreach (var destination in cluster.GetSection("Destinations").GetChildren())
            {
                var address = destination["Address"];
                if (string.IsNullOrWhiteSpace(address))
                {
                    continue;
                }
                var probe = new Uri(new Uri(address.TrimEnd('/') + "/"), "health/ready");
                checks.Add(new HealthCheckRegistration($"{cluster.Key}/{destination.Key}",
                    sp => new ServiceReady(sp.GetRequiredService<IHttpClientFactory>(), probe), HealthStatus.Unhealthy, ["backend"]));
            }
        }
        return services;
    }

    sealed class ServiceReady(IHttpClientFactory clients, Uri probe) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var response = await clients.CreateClient(Client).GetAsync(probe, cancellationToken);
                return response.IsSuccessStatusCode
                    ? HealthCheckResult.Healthy(probe.ToString())
                    : HealthCheckResult.Unhealthy($"{probe} answered {(int)response.StatusCode}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return HealthCheckResult.Unhealthy($"{probe} did not answer: {ex.Message}");
            }
        }
    }
}
