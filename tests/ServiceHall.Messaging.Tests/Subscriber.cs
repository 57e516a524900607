using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;

namespace ServiceHall.Messaging.Tests;

/// <summary>
/// A subscriber written exactly as the hall's services write theirs (Dapr.AspNetCore's CloudEvents middleware,
/// /dapr/subscribe, WithTopic), on a real h2c socket. It answers with the status the test chooses per delivery.
/// </summary>
public sealed class Subscriber : IAsyncDisposable
{
    public const string Topic = "test.disclosure.published";

    readonly WebApplication app;
    public ConcurrentQueue<JsonElement> Received { get; } = new();
    public ConcurrentQueue<int> Answers { get; } = new();
    public Uri Address { get; }

    Subscriber(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public static async Task<Subscriber> StartAsync(Func<int, int> statusForDelivery)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        Subscriber? subscriber = null;
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        app.MapPost("/events/disclosure-published", (JsonElement body) =>
        {
            subscriber!.Received.Enqueue(body.Clone());
            var status = statusForDelivery(subscriber.Received.Count);
            subscriber.Answers.Enqueue(status);
            return Results.StatusCode(status);
        }).WithTopic("pubsub", Topic);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        subscriber = new Subscriber(app, address);
        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
