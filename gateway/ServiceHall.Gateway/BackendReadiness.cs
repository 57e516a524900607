using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServiceHall.Gateway;

/// <summary>
/// The gateway's /health/ready is the hall's: one check per proxied service, asking that service's own
/// /health/ready the way the gateway proxies to it (HTTP/2 to the h2c services, HTTP/1.1 to the portal), so an
/// orchestrator (or a person) sees at once which part is down. The identity service is not proxied (browsers and
/// services reach it directly) but nothing that needs a signed-in user works without it, so its readiness counts
/// too: at Identity:Authority + Identity:ReadinessPath ("health/ready" for the embedded service; for a provider
/// without it, e.g. ".well-known/openid-configuration").
/// </summary>
public static class BackendReadiness
{
    const string Http2Client = "backend-readiness-h2";
    const string Http11Client = "backend-readiness-h1";

    public static IServiceCollection AddBackendReadiness(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient(Http2Client, http =>
        {
            http.DefaultRequestVersion = System.Net.HttpVersion.Version20;
            http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
            http.Timeout = TimeSpan.FromSeconds(3);
        });
        services.AddHttpClient(Http11Client, http => http.Timeout = TimeSpan.FromSeconds(3));
        var checks = services.AddHealthChecks();
        foreach (var cluster in configuration.GetSection("ReverseProxy:Clusters").GetChildren())
        {
            var client = cluster["HttpRequest:Version"] is "1.1" or "1.0" ? Http11Client : Http2Client;
            foreach (var destination in cluster.GetSection("Destinations").GetChildren())
            {
                var address = destination["Address"];
                if (string.IsNullOrWhiteSpace(address))
                {
                    continue;
                }
                var probe = new Uri(new Uri(address.TrimEnd('/') + "/"), "health/ready");
                checks.Add(new HealthCheckRegistration($"{cluster.Key}/{destination.Key}",
                    sp => new ServiceReady(sp.GetRequiredService<IHttpClientFactory>(), client, probe), HealthStatus.Unhealthy, ["backend"]));
            }
        }
        // The same authority the gateway's token validation uses (see HallAuthentication).
        if ((configuration["Identity:Authority"] ?? configuration["services:identity:http:0"]) is { Length: > 0 } authority)
        {
            var probe = new Uri(new Uri(authority.TrimEnd('/') + "/"), configuration["Identity:ReadinessPath"] ?? "health/ready");
            checks.Add(new HealthCheckRegistration("identity",
                sp => new ServiceReady(sp.GetRequiredService<IHttpClientFactory>(), Http11Client, probe), HealthStatus.Unhealthy, ["backend"]));
        }
        return services;
    }

    sealed class ServiceReady(IHttpClientFactory clients, string client, Uri probe) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var response = await clients.CreateClient(client).GetAsync(probe, cancellationToken);
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
