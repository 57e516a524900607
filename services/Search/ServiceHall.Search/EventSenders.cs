using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ServiceHall.Search;

/// <summary>
/// Events may change the index, so only the event bus may deliver them: a caller on this machine (the Dapr
/// sidecar in the same pod, or the local bus of the embedded hall), or one that shows Dapr's app API token
/// (header dapr-api-token, equal to APP_API_TOKEN when the operator sets one). Anyone else gets 403: no user token
/// makes a person an event source.
/// </summary>
sealed class EventSenders(IConfiguration configuration) : IEndpointFilter
{
    public const string TokenHeader = "dapr-api-token";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        return IsEventBus(http) ? next(context) : ValueTask.FromResult<object?>(Results.Problem(
            statusCode: StatusCodes.Status403Forbidden, title: "Only the event bus delivers events to search."));
    }

    bool IsEventBus(HttpContext http)
    {
        var expected = configuration["APP_API_TOKEN"];
        if (!string.IsNullOrEmpty(expected) && http.Request.Headers.TryGetValue(TokenHeader, out var token))
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token.ToString()), Encoding.UTF8.GetBytes(expected));
        }
        return http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
    }
}
