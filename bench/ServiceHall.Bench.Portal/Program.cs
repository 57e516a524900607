// Portal page times and sizes, through the gateway of a real seeded hall on this machine: each page kind asked
// many times by one client and then by several at once; prints p50/p95/p99 and the HTML size of every kind.
// Usage: dotnet run -c Release --project bench/ServiceHall.Bench.Portal [-- <requests per page> [<concurrent clients>]]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceHall.Testing;

var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;

await using var hall = await RunningHall.StartAsync(new Dictionary<string, string> { ["Gateway__RateLimit__PermitsPerWindow"] = "1000000" });
using var http = new HttpClient { BaseAddress = hall.GatewayHttp, Timeout = TimeSpan.FromSeconds(30) };

// The seed is indexed in the background after start: measure a settled hall, as people would meet it.
var ready = Stopwatch.StartNew();
while (true)
{
    var search = await http.GetFromJsonAsync<JsonObject>("/api/search?q=" + Uri.EscapeDataString("身份证"));
    if ((string?)search!["indexStatus"] == "INDEX_STATE_READY" && search["hits"]!.AsArray().Count > 0)
    {
        break;
    }
    if (ready.Elapsed > TimeSpan.FromMinutes(3))
    {
        throw new TimeoutException("search did not become ready in 3 minutes");
    }
    await Task.Delay(500);
}

var items = await http.GetFromJsonAsync<JsonObject>("/api/catalog/items?pageSize=50&personTheme=" + Uri.EscapeDataString("户籍办理"));
var itemId = (string)items!["items"]!.AsArray().First(i => ((string)i!["name"]!).Contains("身份证", StringComparison.Ordinal))!["id"]!;
var pages = new (string Kind, string Path)[]
{
    ("home", "/"),
    ("search 身份证", "/search?q=" + Uri.EscapeDataString("身份证")),
    ("search 营业执照 (did you mean)", "/search?q=" + Uri.EscapeDataString("营业只照")),
    ("item guide", $"/items/{itemId}"),
    ("print view", $"/items/{itemId}/print"),
    ("browse", "/browse"),
    ("browse items", "/browse/items?personTheme=" + Uri.EscapeDataString("户籍办理")),
};

Console.WriteLine($"Portal through the gateway, seeded county, {Environment.ProcessorCount} cores, {requests} requests per page kind");
Console.WriteLine($"{"page",-32} {"bytes",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} | {clients} clients: {"p50 ms",8} {"p95 ms",8}");
foreach (var (kind, path) in pages)
{
    var bytes = (await http.GetByteArrayAsync(path)).Length;
    for (var i = 0; i < 20; i++)
    {
        await TimeAsync(http, path);
    }
    var alone = new List<double>();
    for (var i = 0; i < requests; i++)
    {
        alone.Add(await TimeAsync(http, path));
    }
    var together = (await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        var mine = new List<double>();
        for (var i = 0; i < requests / clients; i++)
        {
            mine.Add(await TimeAsync(http, path));
        }
        return mine;
    }))).SelectMany(x => x).ToList();
    Console.WriteLine($"{kind,-32} {bytes,8} {P(alone, 50),8:F1} {P(alone, 95),8:F1} {P(alone, 99),8:F1} {alone.Max(),8:F1} | {"",10} {P(together, 50),8:F1} {P(together, 95),8:F1}");
}

static async Task<double> TimeAsync(HttpClient http, string path)
{
    var watch = Stopwatch.StartNew();
    using var response = await http.GetAsync(path);
    await response.Content.ReadAsByteArrayAsync();
    response.EnsureSuccessStatusCode();
    return watch.Elapsed.TotalMilliseconds;
}

static double P(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
}
