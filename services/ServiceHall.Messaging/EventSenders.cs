using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ServiceHall.Messaging;

/// <summary>
/// Events change a subscriber's data (search's index, credit's licence records), so only the event bus may deliver
/// them: a caller that shows the app API token (header dapr-api-token, equal to APP_API_TOKEN: Dapr's sidecar sends
/// it, and the local bus sends the same secret, Messaging:AppApiToken). Outside development the token is required
/// and a subscriber refuses to start without one; in development a caller on this machine is trusted too, so a hall
/// started by hand needs no secret. Anyone else gets 403: no user token makes a person an event source.
/// </summary>
public sealed class EventSenders(IConfiguration configuration, IHostEnvironment environment) : IEndpointFilter
{
    public const string TokenKey = "APP_API_TOKEN";

    /// <summary>Refuses to run where events could be forged: outside development without a token.</summary>
    public static void EnsureConfigured(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() && string.IsNullOrEmpty(configuration[TokenKey]))
        {
            throw new InvalidOperationException(
                $"{TokenKey} is not set: outside development {environment.ApplicationName} takes events only from a caller showing it " +
                "(Dapr's app API token, or the local bus's Messaging:AppApiToken), so anyone could forge them without it.");
        }
    }

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        return IsEventBus(http) ? next(context) : ValueTask.FromResult<object?>(Results.Problem(
            statusCode: StatusCodes.Status403Forbidden, title: "只有事件总线可以投递事件"));
    }

    bool IsEventBus(HttpContext http)
    {
        var expected = configuration[TokenKey];
        if (!string.IsNullOrEmpty(expected))
        {
            return http.Request.Headers.TryGetValue(MessagingOptions.AppApiTokenHeader, out var token)
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token.ToString()), Encoding.UTF8.GetBytes(expected));
        }
        return environment.IsDevelopment() && http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
    }
}
