using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Common.V1;
using ServiceHall.Disclosures.V1;

namespace ServiceHall.Messaging.Tests;

/// <summary>
/// PublicExport over real gRPC (h2c on a loopback socket) against a SQLite outbox: what a projection rebuilding
/// or catching up from a source receives.
/// </summary>
public sealed class ExportTests : IAsyncLifetime
{
    readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"outbox-export-{Guid.NewGuid():N}.db");
    WebApplication? source;
    GrpcChannel? channel;

    PublicExport.PublicExportClient Client => new(channel!);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddDbContext<OutboxDb>(o => o.UseSqlite($"Data Source={databaseFile}"));
        source = builder.Build();
        source.MapPublicExport<OutboxDb>();
        await using (var scope = source.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDb>().Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        }
        await source.StartAsync(TestContext.Current.CancellationToken);
        channel = GrpcChannel.ForAddress(source.Urls.First());
    }

    /// <summary>Saves the events as a source would, in one transaction, some already published; returns the rows.</summary>
    async Task<List<OutboxMessage>> SaveAsync(int count)
    {
        await using var scope = source!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutboxDb>();
        var messages = Enumerable.Range(0, count).Select(i => OutboxMessage.For(Subscriber.Topic, new DisclosurePublished
        {
            EventId = Guid.NewGuid().ToString(),
            DisclosureId = $"d{i}",
            Version = 1,
            Title = $"公告{i}",
        })).ToList();
        // Published rows stay in the log: the export replays them as well as the pending ones.
        foreach (var message in messages.Where((_, i) => i % 2 == 0))
        {
            message.PublishedAt = DateTime.UtcNow;
        }
        db.AddRange(messages);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return messages;
    }

    async Task<List<ExportedEvent>> ExportAsync(long afterSequence)
    {
        using var call = Client.Export(new ExportRequest { AfterSequence = afterSequence }, cancellationToken: TestContext.Current.CancellationToken);
        var received = new List<ExportedEvent>();
        await foreach (var exported in call.ResponseStream.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            received.Add(exported);
        }
        return received;
    }

    [Fact]
    public async Task Export_streams_every_event_after_the_given_sequence_in_order_across_pages()
    {
        // More than two pages, starting inside the first, so the stream crosses page boundaries.
        var saved = await SaveAsync(2 * OutboxExport<OutboxDb>.PageSize + 103);
        var after = saved[99].Sequence;

        var received = await ExportAsync(after);

        var expected = saved.Skip(100).ToList();
        Assert.Equal(expected.Select(m => m.Sequence), received.Select(e => e.Sequence));
        Assert.All(expected.Zip(received), pair =>
        {
            var (row, exported) = pair;
            Assert.Equal(row.Topic, exported.Topic);
            Assert.Equal(row.Payload, exported.PayloadJson);
            Assert.Equal(row.EventId, exported.EventId);
        });
        // The payload is the stored event, parseable by the consumer as the event message.
        Assert.Equal("公告100", DisclosurePublished.Parser.ParseJson(received[0].PayloadJson).Title);
    }

    [Fact]
    public async Task Export_from_zero_replays_the_whole_log_and_past_the_end_nothing()
    {
        var saved = await SaveAsync(7);

        Assert.Equal(saved.Select(m => m.EventId), (await ExportAsync(0)).Select(e => e.EventId));
        Assert.Empty(await ExportAsync(saved[^1].Sequence));
    }

    [Fact]
    public async Task Export_of_an_empty_log_ends_at_once()
    {
        Assert.Empty(await ExportAsync(0));
    }

    [Fact]
    public async Task GetExportState_reports_the_highest_sequence_and_the_number_of_events()
    {
        var empty = await Client.GetExportStateAsync(new GetExportStateRequest(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, empty.HighWaterMark);
        Assert.Equal(0, empty.Events);

        var saved = await SaveAsync(12);
        saved.AddRange(await SaveAsync(3));

        var state = await Client.GetExportStateAsync(new GetExportStateRequest(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(saved.Max(m => m.Sequence), state.HighWaterMark);
        Assert.Equal(15, state.Events);
    }

    [Fact]
    public async Task A_negative_after_sequence_is_InvalidArgument()
    {
        await SaveAsync(2);

        var error = await Assert.ThrowsAsync<RpcException>(() => ExportAsync(-1));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("after_sequence", error.Status.Detail);
    }

    [Fact]
    public async Task A_consumer_can_stop_reading_midway()
    {
        var saved = await SaveAsync(OutboxExport<OutboxDb>.PageSize + 10);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var call = Client.Export(new ExportRequest(), cancellationToken: stop.Token);

        Assert.True(await call.ResponseStream.MoveNext(stop.Token));
        await stop.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        // The source is still serving after the abandoned call.
        var state = await Client.GetExportStateAsync(new GetExportStateRequest(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(saved.Count, state.Events);
    }

    public async ValueTask DisposeAsync()
    {
        channel?.Dispose();
        if (source is not null)
        {
            await source.StopAsync();
            await source.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        File.Delete(databaseFile);
    }
}
