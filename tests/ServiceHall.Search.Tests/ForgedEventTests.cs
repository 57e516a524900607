using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using ServiceHall.Messaging;
using ServiceHall.Search.V1;
using ServiceHall.Testing;

namespace ServiceHall.Search.Tests;

/// <summary>Index events can only come from the event bus, and a forged version cannot freeze a document.</summary>
public sealed class ForgedEventTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Outside_development_search_does_not_start_without_the_app_token()
    {
        var none = new ConfigurationBuilder().Build();
        var production = new HostingEnvironment { EnvironmentName = Environments.Production };

        var refused = Assert.Throws<InvalidOperationException>(() => EventSenders.EnsureConfigured(none, production));
        Assert.Contains("APP_API_TOKEN", refused.Message);
        EventSenders.EnsureConfigured(none, new HostingEnvironment { EnvironmentName = Environments.Development });
        EventSenders.EnsureConfigured(new ConfigurationBuilder().AddInMemoryCollection([new("APP_API_TOKEN", "bus-secret")]).Build(), production);
    }

    [Fact]
    public async Task With_a_token_set_a_caller_on_this_machine_needs_it_too()
    {
        await using var host = new ServiceHost<Program>("search", Databases.Sqlite, new Dictionary<string, string?> { ["APP_API_TOKEN"] = "bus-secret" });

        var local = await CloudEvents.PostAsync(host.CreateClient(), IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, Events.IdCardItem(1));

        Assert.Equal(HttpStatusCode.Forbidden, local.StatusCode);
    }

    [Fact]
    public async Task A_version_far_ahead_of_the_source_is_refused_and_the_real_one_still_applies()
    {
        await using var host = new ServiceHost<Program>("search", Databases.Sqlite);
        var http = host.CreateClient();

        var forged = await CloudEvents.PostAsync(http, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, Events.IdCardItem(long.MaxValue));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var forgedSequence = await CloudEvents.PostRawAsync(http, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged,
            Google.Protobuf.JsonFormatter.Default.Format(Events.IdCardItem(1)).TrimEnd('}') + $",\"{OutboxMessage.SourceSequenceProperty}\":{long.MaxValue}}}");
        Assert.Equal(HttpStatusCode.BadRequest, forgedSequence.StatusCode);

        var real = await CloudEvents.PostAsync(http, IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, Events.IdCardItem(2));
        real.EnsureSuccessStatusCode();
        var found = await new V1.SearchService.SearchServiceClient(host.Channel).SearchAsync(new SearchRequest { Q = "身份证" }, cancellationToken: Ct);
        Assert.Contains(found.Hits, h => h.Type == DocumentType.Item);
    }
}

/// <summary>The search time cap (Search:TimeLimit) covers the ranking, each facet's count and the scoring's reasons.</summary>
public sealed class TimeCapTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("00:00:05", true)]
    [InlineData("00:00:00", false)]
    public async Task Facets_are_counted_only_within_the_time_limit(string limit, bool facetsCounted)
    {
        await using var host = new ServiceHost<Program>("search", Databases.Sqlite, new Dictionary<string, string?> { ["Search:TimeLimit"] = limit });
        (await CloudEvents.PostAsync(host.CreateClient(), IndexEvents.ItemChangedRoute, Topics.CatalogItemChanged, Events.IdCardItem(1))).EnsureSuccessStatusCode();

        var found = await new V1.SearchService.SearchServiceClient(host.Channel).SearchAsync(new SearchRequest { Q = "身份证" }, cancellationToken: Ct);

        Assert.Equal(facetsCounted, found.Facets.Count > 0);
        Assert.All(found.Hits, h => Assert.Equal(facetsCounted, h.Why.Count > 0));
    }
}
