using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ServiceHall.Messaging;

/// <summary>
/// Dapr's CloudEvents middleware throws on an envelope that is not JSON, which would be a 500, and Dapr retries
/// a 500 for ever. A broken envelope can never succeed, so it is a 400, like a broken payload.
/// </summary>
static class MalformedEnvelope
{
    public static IApplicationBuilder UseMalformedEnvelopeAsBadRequest(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (JsonException ex) when (!context.Response.HasStarted)
            {
                await Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: $"not a CloudEvent: {ex.Message}")
                    .ExecuteAsync(context);
            }
        });
}
