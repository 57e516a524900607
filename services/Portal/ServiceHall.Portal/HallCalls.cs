using Grpc.Core;
using Microsoft.AspNetCore.Authentication;

namespace ServiceHall.Portal;

/// <summary>
/// How the portal calls the hall's services: every call with the page's short deadline (Portal:ServiceDeadline), so a
/// slow service makes a "please try later" notice instead of a hanging page; calls on a citizen's behalf carry their
/// access token.
/// </summary>
public sealed class HallCalls(PortalSettings settings)
{
    /// <summary>Public reads: no token, only the deadline and the page's cancellation.</summary>
    public CallOptions Public(HttpContext http) => new(deadline: Deadline(), cancellationToken: http.RequestAborted);

    /// <summary>As the signed-in citizen: their access token from the session as a bearer token.</summary>
    public async Task<CallOptions> AsUserAsync(HttpContext http)
    {
        var headers = new Metadata();
        if (await http.GetTokenAsync("access_token") is { Length: > 0 } token)
        {
            headers.Add("Authorization", "Bearer " + token);
        }
        return new(headers, Deadline(), http.RequestAborted);
    }

    DateTime Deadline() => DateTime.UtcNow + settings.ServiceDeadline;
}

/// <summary>What went wrong with a service, as far as a reader needs to know.</summary>
public enum ServiceTrouble
{
    /// <summary>It did not answer within the deadline: 服务响应较慢.</summary>
    Slow,
    /// <summary>It cannot be reached or failed: 暂时不可用.</summary>
    Unavailable,
}

public static class ServiceTroubles
{
    /// <summary>The trouble a failed call means for the page, or null when the failure is about the request itself.</summary>
    public static ServiceTrouble? Of(RpcException e) => e.StatusCode switch
    {
        StatusCode.DeadlineExceeded => ServiceTrouble.Slow,
        StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.ResourceExhausted or StatusCode.DataLoss
            or StatusCode.Unimplemented => ServiceTrouble.Unavailable,
        _ => null,
    };
}
