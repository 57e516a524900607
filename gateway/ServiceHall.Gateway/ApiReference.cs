using Scalar.AspNetCore;

namespace ServiceHall.Gateway;

/// <summary>The public API's document (/api/openapi.json) and its readable reference page (/api/docs), both anonymous.</summary>
public static class ApiReference
{
    public static IServiceCollection AddApiReference(this IServiceCollection services)
    {
        services.AddHttpClient(PublicApiDocument.HttpClientName, http =>
        {
            // The services speak h2c, like the gateway's proxied calls to them.
            http.DefaultRequestVersion = System.Net.HttpVersion.Version20;
            http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
            http.Timeout = TimeSpan.FromSeconds(5);
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PublicApiDocument>();
        return services;
    }

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapGet(PublicApiDocument.Path, (PublicApiDocument document, CancellationToken cancellationToken) => document.ServeAsync(cancellationToken))
            .AllowAnonymous().RequireRateLimiting(ClientRateLimits.PerClient);
        app.MapScalarApiReference("/api/docs", o => o
                .WithTitle("ServiceHall 县政务服务网 API")
                .WithOpenApiRoutePattern(PublicApiDocument.Path))
            .AllowAnonymous().RequireRateLimiting(ClientRateLimits.PerClient);
        return app;
    }
}
