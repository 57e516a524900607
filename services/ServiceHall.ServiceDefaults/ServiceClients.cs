using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ServiceHall.ServiceDefaults;

/// <summary>Outgoing gRPC clients to other services of the hall: address from configuration, a deadline on every call.</summary>
public static class ServiceClients
{
    /// <summary>
    /// The address comes from services:&lt;name&gt;:http:0, the key the app host (and a Kubernetes config map) sets.
    /// Calls that fail with Unavailable are retried by gRPC itself; that is the only retry layer on this hop.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IHostApplicationBuilder builder, string serviceName)
        where TClient : class
    {
        var deadline = builder.Configuration.GetValue("Grpc:DefaultDeadline", TimeSpan.FromSeconds(5));
        return builder.Services
            .AddGrpcClient<TClient>(o => o.Address = AddressOf(builder.Configuration, serviceName))
            .AddInterceptor(() => new DefaultDeadline(deadline))
            .ConfigureChannel(o => o.ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 3,
                            InitialBackoff = TimeSpan.FromMilliseconds(100),
                            MaxBackoff = TimeSpan.FromSeconds(1),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            });
    }

    public static Uri AddressOf(IConfiguration configuration, string serviceName)
    {
        var address = configuration[$"services:{serviceName}:https:0"] ?? configuration[$"services:{serviceName}:http:0"];
        return address is null
            ? throw new InvalidOperationException($"No address for service '{serviceName}': set services:{serviceName}:http:0.")
            : new Uri(address);
    }

    /// <summary>Gives every call that has no deadline of its own the default one, so no call can hang forever.</summary>
    sealed class DefaultDeadline(TimeSpan deadline) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, WithDeadline(context));

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, WithDeadline(context));

        ClientInterceptorContext<TRequest, TResponse> WithDeadline<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
            where TRequest : class where TResponse : class =>
            context.Options.Deadline is not null
                ? context
                : new(context.Method, context.Host, context.Options.WithDeadline(DateTime.UtcNow + deadline));
    }
}
