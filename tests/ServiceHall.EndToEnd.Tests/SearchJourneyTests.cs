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
        var body = await SearchUntilAsync("/api/search?q=" + Uri.EscapeDataString(q), b => Hits(b).Count > 0);

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

        var body = await SearchUntilAsync("/api/search?type=item&q=" + Uri.EscapeDataString("许可"), b => Hits(b).Count > 0);
        var facets = body["facets"]!.AsArray();
        var types = facets.First(f => (string?)f!["name"] == "type")!["values"]!.AsArray();
        Assert.Contains(types, v => (string?)v!["value"] == "item" && (bool?)v["selected"] == true);
        Assert.Contains(facets, f => (string?)f!["name"] == "department");

        var suggestions = await SearchUntilAsync("/api/search/suggest?q=gjj", b => b["suggestions"]!.AsArray().Count > 0);
        Assert.Contains(suggestions["suggestions"]!.AsArray(), s => ((string)s!["text"]!).Contains("公积金"));

        var (refused, error) = await hall.Http.SendAsync(HttpMethod.Get, "/api/search?q=a&sort=date");
        Assert.Equal(400, refused);
        Assert.Contains("sort", (string?)error!["message"]);
    }

    static List<JsonNode> Hits(JsonNode body) => [.. body["hits"]!.AsArray().Select(h => h!)];

    /// <summary>The hall indexes its seed on start; a query may have to wait for it.</summary>
    async Task<JsonNode> SearchUntilAsync(string path, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow + HallJourneyTests.SearchWait;
        while (true)
        {
            var (status, body) = await hall.Http.SendAsync(HttpMethod.Get, path);
            Assert.Equal(200, status);
            if (done(body!) || DateTime.UtcNow > deadline)
            {
                return body!;
            }
            await Task.Delay(200);
        }
    }
}
