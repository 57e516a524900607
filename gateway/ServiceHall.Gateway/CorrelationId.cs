using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ServiceHall.Gateway;

/// <summary>
/// Every request carries an X-Correlation-Id: the caller's when it is well-formed, a new one otherwise. It is
/// forwarded to the service, returned to the caller and put on the log scope and trace, so one id follows a
/// request through every process.
/// </summary>
public sealed partial class CorrelationId(RequestDelegate next, ILogger<CorrelationId> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = WellFormed().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.Request.Headers[Header] = id;
        context.Response.Headers[Header] = id;
        Activity.Current?.SetTag("correlation.id", id);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{8,64}$")]
    private static partial Regex WellFormed();
}
