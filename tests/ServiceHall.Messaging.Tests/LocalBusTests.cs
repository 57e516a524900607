using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServiceHall.Disclosures.V1;

namespace ServiceHall.Messaging.Tests;

/// <summary>
/// The outbox, relay and local bus against a real subscriber over a real socket: what Dapr would deliver,
/// the local bus delivers, to the same endpoint, in the same CloudEvent shape.
/// </summary>
public sealed class LocalBusTests : IAsyncLifetime
{
    readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"outbox-{Guid.NewGuid():N}.db");
    IHost? publisher;

    async Task<IHost> StartPublisherAsync(Uri subscriber)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Mode"] = "Local",
            ["Messaging:Subscribers:0"] = subscriber.ToString(),
            ["Messaging:PollInterval"] = "00:00:00.200",
        });
        builder.Services.AddDbContext<OutboxDb>((sp, o) => o.UseSqlite($"Data Source={databaseFile}").AddInterceptors(sp.GetServices<IInterceptor>()));
        builder.AddOutbox<OutboxDb>();
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDb>().Database.EnsureCreatedAsync();
        }
        await host.StartAsync();
        return host;
    }

    static DisclosurePublished Event(string title) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        DisclosureId = Guid.NewGuid().ToString("N"),
        Version = 1,
        OrganizationId = "county-hospital",
        Title = title,
    };

    async Task<OutboxMessage> SaveAsync(DisclosurePublished published)
    {
        await using var scope = publisher!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutboxDb>();
        var message = OutboxMessage.For(Subscriber.Topic, published);
        db.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var scope = publisher!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDb>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
    }

    static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_saved_event_reaches_the_subscriber_route_unwrapped_and_is_marked_published()
    {
        await using var subscriber = await Subscriber.StartAsync(_ => 200);
        publisher = await StartPublisherAsync(subscriber.Address);
        var published = Event("门诊收费标准");

        await SaveAsync(published);

        await EventuallyAsync(() => Task.FromResult(!subscriber.Received.IsEmpty), "the subscriber received the event");
        var body = Assert.Single(subscriber.Received);
        // The CloudEvents middleware unwrapped the envelope: the handler sees the event's own JSON.
        Assert.Equal(published.EventId, body.GetProperty("eventId").GetString());
        Assert.Equal("门诊收费标准", body.GetProperty("title").GetString());
        await EventuallyAsync(async () => (await OutboxAsync()).All(m => m.PublishedAt is not null), "the outbox row was marked published");
    }

    [Fact]
    public async Task A_failing_subscriber_gets_the_event_again_until_it_accepts()
    {
        await using var subscriber = await Subscriber.StartAsync(delivery => delivery < 3 ? 500 : 200);
        publisher = await StartPublisherAsync(subscriber.Address);

        await SaveAsync(Event("服务承诺"));

        await EventuallyAsync(async () => (await OutboxAsync()).All(m => m.PublishedAt is not null), "the event was finally accepted");
        Assert.Equal([500, 500, 200], subscriber.Answers);
        var ids = subscriber.Received.Select(r => r.GetProperty("eventId").GetString()).Distinct();
        Assert.Single(ids);
    }

    [Fact]
    public async Task A_404_is_dropped_as_Dapr_drops_it()
    {
        await using var subscriber = await Subscriber.StartAsync(_ => 404);
        publisher = await StartPublisherAsync(subscriber.Address);

        await SaveAsync(Event("投诉渠道"));

        await EventuallyAsync(async () => (await OutboxAsync()).All(m => m.PublishedAt is not null), "the event was dropped");
        Assert.Equal([404], subscriber.Answers);
    }

    [Fact]
    public async Task Events_leave_in_commit_order()
    {
        await using var subscriber = await Subscriber.StartAsync(_ => 200);
        publisher = await StartPublisherAsync(subscriber.Address);
        var titles = Enumerable.Range(0, 20).Select(i => $"公告{i}").ToList();

        foreach (var title in titles)
        {
            await SaveAsync(Event(title));
        }

        await EventuallyAsync(() => Task.FromResult(subscriber.Received.Count >= titles.Count), "every event arrived");
        Assert.Equal(titles, subscriber.Received.Select(r => r.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Delivered_events_carry_their_outbox_sequence_and_the_stored_payload_stays_as_it_was()
    {
        await using var subscriber = await Subscriber.StartAsync(_ => 200);
        publisher = await StartPublisherAsync(subscriber.Address);
        var saved = new List<OutboxMessage>();

        for (var i = 0; i < 3; i++)
        {
            saved.Add(await SaveAsync(Event($"收费公示{i}")));
        }

        await EventuallyAsync(() => Task.FromResult(subscriber.Received.Count >= saved.Count), "every event arrived");
        Assert.Equal(
            saved.Select(m => (m.EventId, m.Sequence)),
            subscriber.Received.Select(r => (r.GetProperty("eventId").GetString()!, r.GetProperty(OutboxMessage.SourceSequenceProperty).GetInt64())));
        // The event still parses for a subscriber that ignores unknown fields, as the hall's subscribers do.
        var parser = new JsonParser(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
        Assert.Equal("收费公示0", parser.Parse<DisclosurePublished>(subscriber.Received.First().GetRawText()).Title);
        Assert.All(await OutboxAsync(), m => Assert.DoesNotContain(OutboxMessage.SourceSequenceProperty, m.Payload));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (publisher is not null)
        {
            await publisher.StopAsync();
            publisher.Dispose();
        }
        SqliteConnection.ClearAllPools();
        File.Delete(databaseFile);
    }
}
