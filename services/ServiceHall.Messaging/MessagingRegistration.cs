using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace ServiceHall.Messaging;

public static class MessagingRegistration
{
    public const string RelayPipeline = "outbox-relay";

    /// <summary>
    /// Publishes the outbox of <typeparamref name="TContext"/>: through Dapr when a sidecar is configured,
    /// through the local bus otherwise. The DbContext must call <see cref="OutboxModel.AddOutbox"/>.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        var section = builder.Configuration.GetSection("Messaging");
        builder.Services.Configure<MessagingOptions>(section);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxSaveNotifier>();

        if (UsesDapr(builder.Configuration))
        {
            builder.Services.AddDaprClient();
            builder.Services.AddSingleton<IEventPublisher, DaprEventPublisher>();
        }
        else
        {
            builder.Services.AddHttpClient<IEventPublisher, LocalBus>(http =>
            {
                // The hall's services speak HTTP/2 without TLS (h2c), as Dapr's app-protocol h2c does.
                http.DefaultRequestVersion = System.Net.HttpVersion.Version20;
                http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
                http.Timeout = TimeSpan.FromSeconds(30);
            });
        }

        // The only retry layer on this hop: timeout per attempt, retry with jitter, breaker for a dead subscriber.
        builder.Services.AddResiliencePipeline(RelayPipeline, pipeline => pipeline
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(5),
            })
            .AddTimeout(TimeSpan.FromSeconds(5)));

        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        return builder;
    }

    /// <summary>
    /// Serves the outbox of <typeparamref name="TContext"/> as the PublicExport gRPC service, for a projection's
    /// rebuild and catch-up. Service to service only: the gateway has no route to it. Anonymous on purpose: it
    /// serves exactly what is already public (the change log of public documents), and search reads it at start
    /// before any user is there to lend it a token.
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder MapPublicExport<TContext>(this IEndpointRouteBuilder endpoints) where TContext : DbContext =>
        endpoints.MapGrpcService<OutboxExport<TContext>>().AllowAnonymous();

    static bool UsesDapr(IConfiguration configuration) => configuration["Messaging:Mode"] switch
    {
        "Dapr" => true,
        "Local" => false,
        _ => !string.IsNullOrEmpty(configuration["DAPR_GRPC_PORT"]) || !string.IsNullOrEmpty(configuration["DAPR_GRPC_ENDPOINT"]),
    };
}
