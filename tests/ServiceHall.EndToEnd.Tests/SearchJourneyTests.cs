using System.Text.Json.Nodes;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>The one search box over the seeded hall, through the gateway, the ways people type.</summary>
public sealed class SearchJourneyTests(HallFixture hall)
{
    [Theory]
    [InlineData("身份证")]
    [InlineData("sfz")]
    [InlineData("shenfenzheng")]
    [InlineData("身分证")]
    [InlineData("居民身份证")]
    public async Task Every_way_of_typing_ID_card_finds_the_ID_card_items(string q)
    {
        var body = await SearchWhenReadyAsync("/api/search?q=" + Uri.EscapeDataString(q));

        var top3 = Hits(body).Take(3).Select(h => (string)h["title"]!).ToList();
        Assert.Contains(top3, t => t.StartsWith("居民身份证", StringComparison.Ordinal));
        Assert.All(top3, t => Assert.Contains("身份证", t));
    }

    [Fact]
    public async Task A_pasted_credit_code_opens_the_entity_and_facets_and_suggestions_work()
    {
        var (status, code) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/search?q={DemoCounty.Business}");
        Assert.Equal(200, status);
        Assert.Equal($"/api/credit/entities/{DemoCounty.Business}", (string?)code!["redirectUrl"]);

        var body = await SearchWhenReadyAsync("/api/search?type=DOCUMENT_TYPE_ITEM&q=" + Uri.EscapeDataString("许可"));
        var facets = body["facets"]!.AsArray();
        var types = facets.First(f => (string?)f!["name"] == "type")!["values"]!.AsArray();
        Assert.Contains(types, v => (string?)v!["value"] == "DOCUMENT_TYPE_ITEM" && (bool?)v["selected"] == true);
        Assert.Contains(facets, f => (string?)f!["name"] == "department");

        var suggestions = await SearchWhenReadyAsync("/api/search/suggest?q=gjj");
        Assert.Contains(suggestions["suggestions"]!.AsArray(), s => ((string)s!["text"]!).Contains("公积金"));

        var (refused, error) = await hall.Http.SendAsync(HttpMethod.Get, "/api/search?q=a&sort=date");
        Assert.Equal(400, refused);
        Assert.Contains("sort", (string?)error!["message"]);
    }

    static List<JsonNode> Hits(JsonNode body) => [.. body["hits"]!.AsArray().Select(h => h!)];

    /// <summary>The hall indexes its seed on start: wait until the index says it is complete, then ask once.</summary>
    async Task<JsonNode> SearchWhenReadyAsync(string path)
    {
        await hall.Http.SearchIndexReadyAsync(HallJourneyTests.SearchWait);
        var (status, body) = await hall.Http.SendAsync(HttpMethod.Get, path);
        Assert.Equal(200, status);
        return body!;
    }
}
