using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using Dapr.Client.Autogen.Grpc.v1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ServiceHall.Messaging.Tests;

/// <summary>
/// Stands in for the Dapr sidecar's gRPC API, method PublishEvent only. Dapr.Protos ships client stubs alone,
/// so the one unary method is served by hand: a gRPC frame in, an empty frame and grpc-status 0 out.
/// </summary>
public sealed class FakeDaprSidecar : IAsyncDisposable
{
    readonly WebApplication app;
    public ConcurrentQueue<PublishEventRequest> Published { get; } = new();
    public Uri Address { get; }

    FakeDaprSidecar(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public static async Task<FakeDaprSidecar> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        FakeDaprSidecar? sidecar = null;
        app.MapPost("/dapr.proto.runtime.v1.Dapr/PublishEvent", async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var frame = body.ToArray();
            var length = BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(1, 4));
            sidecar!.Published.Enqueue(PublishEventRequest.Parser.ParseFrom(frame, 5, length));
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(new byte[5]);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        await app.StartAsync();
        sidecar = new FakeDaprSidecar(app, new Uri(app.Urls.First()));
        return sidecar;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
