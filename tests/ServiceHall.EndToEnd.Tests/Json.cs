using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceHall.EndToEnd.Tests;

static class Json
{
    /// <param name="expectContinue">
    /// Ask before sending the body (Expect: 100-continue), as curl does for large bodies: a server that refuses
    /// the request up front then answers without the client still writing into a closed connection.
    /// </param>
    public static async Task<(int Status, JsonNode? Body)> SendAsync(this HttpClient http, HttpMethod method, string path, object? body = null, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.ExpectContinue = expectContinue;
        if (body is not null)
        {
            request.Content = body is string raw
                ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json")
                : JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>
    /// Waits until search says its index is "ready": caught up with every source and all of it searchable. A test
    /// about the seeded hall asserts only after this, never on the first answer that has any hits (the index may
    /// still be filling then).
    /// </summary>
    public static async Task SearchIndexReadyAsync(this HttpClient http, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? status;
        do
        {
            var (_, body) = await http.SendAsync(HttpMethod.Get, "/api/search?q=" + Uri.EscapeDataString("办理"));
            status = (string?)body?["indexStatus"];
            if (status == "INDEX_STATE_READY")
            {
                return;
            }
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"the search index still says '{status}' after {timeout}");
    }

    /// <summary>Asks the search API until a hit with this id appears, or the timeout passes.</summary>
    public static Task<JsonNode?> SearchUntilFoundAsync(this HttpClient http, string query, string id, TimeSpan timeout) =>
        http.SearchUntilAsync("/api/search?q=" + Uri.EscapeDataString(query) + "&pageSize=50", h => (string?)h["id"] == id, timeout);

    /// <summary>
    /// Asks the search API, licences only, until a licence whose title names this decision number appears, or the
    /// timeout passes: the approval travels applications → credit → search on its own.
    /// </summary>
    public static Task<JsonNode?> LicenceUntilFoundAsync(this HttpClient http, string decisionNumber, TimeSpan timeout) =>
        http.SearchUntilAsync("/api/search?type=DOCUMENT_TYPE_LICENCE&q=" + Uri.EscapeDataString(decisionNumber),
            h => ((string?)h["title"] ?? "").Contains(decisionNumber, StringComparison.Ordinal), timeout);

    static async Task<JsonNode?> SearchUntilAsync(this HttpClient http, string path, Func<JsonNode, bool> wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        do
        {
            var (status, body) = await http.SendAsync(HttpMethod.Get, path);
            Assert.Equal(200, status);
            if (body!["hits"]!.AsArray().FirstOrDefault(h => wanted(h!)) is { } hit)
            {
                return hit;
            }
            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);
        return null;
    }
}
