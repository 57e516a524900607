using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace ServiceHall.Bench.SearchQuality;

/// <summary>A catalog item as listed: its id, implementation code (the basic code is its first 12 characters) and name.</summary>
public sealed record CatalogItem(string Id, string Code, string Name)
{
    public const int BasicCodeLength = 12;
    public string BasicCode => Code.Length >= BasicCodeLength ? Code[..BasicCodeLength] : Code;
}

/// <summary>
/// The hall's public HTTP/JSON API through the gateway, read tolerantly: only the fields the bench needs
/// (search: hits[].type, hits[].id, hits[].title; catalog list: items[].id, code, name and the page token).
/// </summary>
public sealed class HallApi(HttpClient http)
{
    public const int MaxSearchPageSize = 50;

    public async Task<List<CatalogItem>> ListItemsAsync(CancellationToken cancellationToken)
    {
        var items = new List<CatalogItem>();
        var token = "";
        do
        {
            var page = await GetJsonAsync("/api/catalog/items?pageSize=100" + (token.Length > 0 ? "&pageToken=" + Uri.EscapeDataString(token) : ""), cancellationToken);
            foreach (var item in page["items"]?.AsArray() ?? [])
            {
                items.Add(new CatalogItem(Text(item?["id"]), Text(item?["code"]), Text(item?["name"])));
            }
            token = Text(page["nextPageToken"]);
        }
        while (token.Length > 0);
        return items;
    }

    public async Task<(List<SearchResult> Hits, long Total)> SearchAsync(string q, int pageSize, IReadOnlyDictionary<string, string> basicCodes, CancellationToken cancellationToken)
    {
        var answer = await GetJsonAsync($"/api/search?q={Uri.EscapeDataString(q)}&pageSize={pageSize}", cancellationToken);
        var hits = new List<SearchResult>();
        foreach (var hit in answer["hits"]?.AsArray() ?? [])
        {
            var type = Text(hit?["type"]);
            var id = Text(hit?["id"]);
            hits.Add(new SearchResult(type, id, Text(hit?["title"]), type == SearchResult.ItemType ? basicCodes.GetValueOrDefault(id) : null));
        }
        // int64 comes as a JSON string from the transcoding; accept a number too.
        var total = long.TryParse(Text(answer["total"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : hits.Count;
        return (hits, total);
    }

    /// <summary>
    /// Waits until every listed item is found by searching its own name (the seed's events have all been indexed),
    /// then until the rest of the seeded index (credit records, disclosures) has settled: the totals of a few broad
    /// probes stay the same for three seconds. Returns the items still not found when the time allowed ran out.
    /// </summary>
    /// <remarks>
    /// One name at a time, in seed order: a name found moves on at once, a name not found yet goes to the back of
    /// the queue after a second's pause, so waiting costs the indexing service one search a second, not a sweep.
    /// </remarks>
    public async Task<List<CatalogItem>> WaitForIndexAsync(IReadOnlyList<CatalogItem> items, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var noCodes = new Dictionary<string, string>();
        var pending = new Queue<(string Name, HashSet<string> Ids)>(items.GroupBy(i => i.Name).Select(g => (g.Key, g.Select(i => i.Id).ToHashSet())));
        while (pending.Count > 0 && clock.Elapsed < timeLimit)
        {
            var (name, ids) = pending.Dequeue();
            var (hits, _) = await SearchAsync(name, MaxSearchPageSize, noCodes, cancellationToken);
            ids.ExceptWith(hits.Where(h => h.Type == SearchResult.ItemType).Select(h => h.Id));
            if (ids.Count > 0)
            {
                pending.Enqueue((name, ids));
                await Task.Delay(1000, cancellationToken);
            }
        }

        string[] probes = ["有限公司", "公司", "医院", "学校", "公开", "收费", "许可", "登记"];
        long? last = null;
        var stable = 0;
        var settle = Stopwatch.StartNew();
        while (stable < 3 && settle.Elapsed < TimeSpan.FromSeconds(30))
        {
            long sum = 0;
            foreach (var probe in probes)
            {
                sum += (await SearchAsync(probe, 1, noCodes, cancellationToken)).Total;
            }
            stable = sum == last ? stable + 1 : 0;
            last = sum;
            await Task.Delay(1000, cancellationToken);
        }
        var missing = pending.SelectMany(p => p.Ids).ToHashSet();
        return items.Where(i => missing.Contains(i.Id)).ToList();
    }

    async Task<JsonObject> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await http.GetAsync(path, cancellationToken);
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && attempt < 20)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {body}", null, response.StatusCode);
            }
            return JsonNode.Parse(body)?.AsObject() ?? [];
        }
    }

    static string Text(JsonNode? node) => node is JsonValue value ? (value.TryGetValue<string>(out var text) ? text : value.ToJsonString()) : "";
}
