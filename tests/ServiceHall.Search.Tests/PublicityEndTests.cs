using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.Search.V1;
using ServiceHall.Testing;

namespace ServiceHall.Search.Tests;

/// <summary>
/// A penalty leaves search on the day after its publicity ends (公示截止期), before the credit service's sweep
/// announces the entity again: the document carries its last public day and every query leaves it out after.
/// </summary>
public sealed class PublicityEndTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_penalty_is_not_found_or_suggested_once_its_publicity_has_ended()
    {
        // 2026-06-15 in the county (UTC+8) until 16:00 UTC.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 4, 0, 0, TimeSpan.Zero));
        await using var host = new ServiceHost<Program>("search", Databases.Sqlite, services: s => s.AddSingleton<TimeProvider>(clock));
        var penalty = Events.RestaurantWithPenalty(1);
        penalty.Records[0].PublicUntil = "2026-06-15";
        var response = await CloudEvents.PostAsync(host.CreateClient(), IndexEvents.EntityChangedRoute, Topics.CreditEntityChanged, penalty);
        response.EnsureSuccessStatusCode();
        var search = new V1.SearchService.SearchServiceClient(host.Channel);

        var onItsLastDay = await search.SearchAsync(new SearchRequest { Q = "保质期" }, cancellationToken: Ct);
        Assert.Contains(onItsLastDay.Hits, h => h is { Type: DocumentType.Penalty, Id: "pen-1" });
        host.Services.GetRequiredService<TitleBook>().Refresh();
        var suggestedThen = await search.SuggestAsync(new SuggestRequest { Q = "食品安全" }, cancellationToken: Ct);
        Assert.Contains(suggestedThen.Suggestions, s => s.Text == "食品安全行政处罚");

        clock.Advance(TimeSpan.FromDays(1));

        var after = await search.SearchAsync(new SearchRequest { Q = "保质期" }, cancellationToken: Ct);
        Assert.DoesNotContain(after.Hits, h => h.Type == DocumentType.Penalty);
        Assert.DoesNotContain(after.Facets.Where(f => f.Name == "type").SelectMany(f => f.Values), v => v.Value == "DOCUMENT_TYPE_PENALTY");
        var filtered = await search.SearchAsync(new SearchRequest { Q = "食品安全行政处罚", Type = DocumentType.Penalty }, cancellationToken: Ct);
        Assert.Empty(filtered.Hits);
        // The entity stays findable by its name; its document never held the penalty's words.
        var byName = await search.SearchAsync(new SearchRequest { Q = "好味道餐饮" }, cancellationToken: Ct);
        Assert.Contains(byName.Hits, h => h.Type == DocumentType.Entity);
        Assert.DoesNotContain(byName.Hits, h => h.Snippet.Contains("保质期", StringComparison.Ordinal));
        var suggested = await search.SuggestAsync(new SuggestRequest { Q = "食品安全" }, cancellationToken: Ct);
        Assert.DoesNotContain(suggested.Suggestions, s => s.Text == "食品安全行政处罚");
    }
}
