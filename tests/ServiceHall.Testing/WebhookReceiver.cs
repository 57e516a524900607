using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceHall.Testing;

/// <summary>
/// An institution's webhook endpoint for the credit open API's tests: a real Kestrel server on 127.0.0.1 that keeps
/// every POST (headers and exact body bytes) and answers 500 to the first <see cref="FailFirst"/> of them.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly WebApplication app;
    int received;

    public sealed record Delivery(string EventId, string Signature, byte[] Body, int Answered);

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    /// <summary>How many posts are answered 500 before the receiver starts accepting.</summary>
    public int FailFirst { get; set; }

    public Uri Url { get; }

    WebhookReceiver(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public static async Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hooks/credit", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var number = Interlocked.Increment(ref receiver!.received);
            var status = number <= receiver.FailFirst ? StatusCodes.Status500InternalServerError : StatusCodes.Status204NoContent;
            receiver.Deliveries.Enqueue(new Delivery(context.Request.Headers["X-ServiceHall-Event-Id"].ToString(),
                context.Request.Headers["X-ServiceHall-Signature"].ToString(), body.ToArray(), status));
            return Results.StatusCode(status);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(new Uri(address), "/hooks/credit"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
