using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Gateway;

/// <summary>
/// A fixed window of requests per signed-in subject, or per client address for anonymous callers (the address
/// from X-Forwarded-For when a trusted proxy sent it). Routes opt in by naming the policy (RateLimiterPolicy in the
/// route configuration). Over the limit answers 429 with Retry-After, not the framework's default 503.
/// </summary>
public static class ClientRateLimits
{
    public const string PerClient = "per-client";

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Gateway:RateLimit:PermitsPerWindow", 200);
        var window = configuration.GetValue("Gateway:RateLimit:Window", TimeSpan.FromSeconds(1));
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(window.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsJsonAsync(new { message = $"请求过于频繁：同一客户端每{window.TotalSeconds:0.###}秒最多{permits}次，请稍后再试" }, ReadableJson.Options, cancellationToken);
            };
            o.AddPolicy(PerClient, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.Subject() is { Length: > 0 } subject ? "subject:" + subject : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
        });
    }
}
