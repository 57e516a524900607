using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ServiceHall.Identity.Account;

namespace ServiceHall.Identity.Hardening;

/// <summary>
/// Per client address, a fixed number of sign-in form posts and of protocol requests per minute (both configurable),
/// counted before any password or secret is checked, so nobody can make the service hash or audit without end.
/// Only the endpoints anyone can call to try a secret are limited: pages, discovery and the key set are not.
/// OpenIddict answers revocation and introspection inside the authentication middleware, with no endpoint to
/// attach a policy to, hence one global limiter that sorts requests by path.
/// </summary>
public static class RequestLimits
{
    const string SignIn = "sign-in";
    const string Protocol = "protocol";
    static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder, IdentitySettings settings)
    {
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Kind(context.Request) switch
            {
                SignIn => Fixed($"{SignIn} {SignInThrottle.Source(context.Connection.RemoteIpAddress)}", settings.SignInRequestsPerMinute),
                Protocol => Fixed($"{Protocol} {SignInThrottle.Source(context.Connection.RemoteIpAddress)}", settings.ProtocolRequestsPerMinute),
                _ => RateLimitPartition.GetNoLimiter(""),
            });
            o.OnRejected = RejectAsync;
        });
        return builder;
    }

    static RateLimitPartition<string> Fixed(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 });

    static string? Kind(HttpRequest request)
    {
        if (HttpMethods.IsPost(request.Method)
            && (request.Path.Equals("/account/login") || request.Path.Equals("/account/two-factor") || request.Path.Equals("/connect/verify")))
        {
            return SignIn;
        }
        string[] protocol = ["/connect/token", "/connect/revoke", "/connect/introspect", "/connect/device"];
        return protocol.Any(p => request.Path.StartsWithSegments(p)) ? Protocol : null;
    }

    static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var address = context.Connection.RemoteIpAddress;
        context.RequestServices.GetRequiredService<RefusalSummaries>().Refused(address, address?.ToString() ?? "unknown address", "rate-limit",
            context.Request.Path, "TooManyRequests", $"{context.Request.Method} {context.Request.Path}");
        if (Kind(context.Request) == SignIn)
        {
            await AccountEndpoints.Html(HallPage.Layout("请稍后再试", $"""
                <h1>请稍后再试</h1>
                {HallPage.Message($"来自您网络地址的登录请求过于频繁，请 {seconds} 秒后再试。")}
                <p><a href="/account/login">返回登录页面</a></p>
                """), StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
            return;
        }
        // error_description is ASCII only (RFC 6749 §5.2).
        await Results.Json(new Dictionary<string, string>
        {
            ["error"] = "too_many_requests",
            ["error_description"] = $"Too many requests from this address; try again in {seconds} seconds.",
        }, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
    }
}
