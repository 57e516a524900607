using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ServiceHall.ServiceDefaults;

public static class HostingDefaults
{
    public const string LiveTag = "live";

    /// <summary>Telemetry, health checks and gRPC with JSON transcoding, the same in every service.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.AddTelemetryAndHealth();
        // Services speak gRPC and transcoded JSON over HTTP/2 without TLS (h2c); only the gateway faces browsers.
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));
        // The registry lets a transcoded refusal show its google.rpc.BadRequest details as JSON (FieldErrors).
        builder.Services.AddGrpc(o => o.EnableDetailedErrors = builder.Environment.IsDevelopment())
            .AddJsonTranscoding(o => o.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor));
        builder.Services.AddGrpcHealthChecks();
        builder.AddServiceOpenApi();
        return builder;
    }

    /// <summary>OpenTelemetry traces, metrics and logs (personal numbers masked), and the liveness check; the gateway uses this part alone.</summary>
    public static WebApplicationBuilder AddTelemetryAndHealth(this WebApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });
        builder.Services.AddMaskedLogging();
        var otel = builder.Services.AddOpenTelemetry()
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation())
            .WithTracing(t => t.AddSource(builder.Environment.ApplicationName)
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation());
        // Exported only where a collector is configured (the app host's dashboard, or a cluster's collector).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>/health/live (the process runs), /health/ready (it can serve: database and friends), gRPC health, its OpenAPI document.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapServiceOpenApi();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        return app;
    }

    /// <summary>Readiness names each check and its state, so a "not ready" says which part is down.</summary>
    static Task WriteReadiness(HttpContext context, HealthReport report, Func<HttpContext, bool> details)
    {
        context.Response.ContentType = "application/json";
        if (!details(context))
        {
            return context.Response.WriteAsJsonAsync(new { status = report.Status.ToString() }, ReadableJson.Options);
        }
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            problems = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
                .ToDictionary(e => e.Key, e => e.Value.Description ?? e.Value.Exception?.Message ?? ""),
        }, ReadableJson.Options);
    }

    /// <param name="details">
    /// Who may read which check failed and why (addresses, exception text); everyone else gets the overall status.
    /// Default: everyone, for the services inside the hall; the gateway, the public edge, narrows it.
    /// </param>
    public static WebApplication MapHealthEndpoints(this WebApplication app, Func<HttpContext, bool>? details = null)
    {
        var showDetails = details ?? (_ => true);
        // Probes (kubelet, the gateway, the app host) carry no token and read the status code.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = (http, report) => WriteReadiness(http, report, showDetails) }).AllowAnonymous();
        return app;
    }
}
