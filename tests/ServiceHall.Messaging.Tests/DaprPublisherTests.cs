using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServiceHall.Disclosures.V1;

namespace ServiceHall.Messaging.Tests;

/// <summary>With a sidecar configured, the relay publishes through DaprClient: this checks what reaches the sidecar.</summary>
public sealed class DaprPublisherTests
{
    [Fact]
    public async Task The_relay_publishes_to_the_sidecar_with_topic_payload_event_id_and_sequence()
    {
        await using var sidecar = await FakeDaprSidecar.StartAsync();
        var databaseFile = Path.Combine(Path.GetTempPath(), $"outbox-dapr-{Guid.NewGuid():N}.db");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DAPR_GRPC_ENDPOINT"] = sidecar.Address.ToString().TrimEnd('/'),
            ["DAPR_HTTP_ENDPOINT"] = sidecar.Address.ToString().TrimEnd('/'),
            ["Messaging:PubSubName"] = "hall-pubsub",
        });
        builder.Services.AddDbContext<OutboxDb>((sp, o) => o.UseSqlite($"Data Source={databaseFile}").AddInterceptors(sp.GetServices<IInterceptor>()));
        builder.AddOutbox<OutboxDb>();
        using var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDb>().Database.EnsureCreatedAsync();
        }
        await host.StartAsync();
        var published = new DisclosurePublished { EventId = Guid.NewGuid().ToString(), DisclosureId = "d1", Version = 2, Title = "供水服务承诺" };
        var message = OutboxMessage.For("disclosures.disclosure.published", published);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutboxDb>();
            db.Add(message);
            await db.SaveChangesAsync();
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (sidecar.Published.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        await host.StopAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(databaseFile);

        var request = Assert.Single(sidecar.Published);
        Assert.Equal("hall-pubsub", request.PubsubName);
        Assert.Equal("disclosures.disclosure.published", request.Topic);
        Assert.Equal(published.EventId, request.Metadata["cloudevent.id"]);
        using var data = JsonDocument.Parse(request.Data.ToStringUtf8());
        Assert.Equal("供水服务承诺", data.RootElement.GetProperty("title").GetString());
        Assert.Equal(published.EventId, data.RootElement.GetProperty("eventId").GetString());
        Assert.True(message.Sequence > 0);
        Assert.Equal(message.Sequence, data.RootElement.GetProperty(OutboxMessage.SourceSequenceProperty).GetInt64());
    }
}
