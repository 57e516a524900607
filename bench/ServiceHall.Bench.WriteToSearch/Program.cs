// Publishes catalog items through the gateway of a real running hall and measures, for each, the time from
// the publish call's answer (its transaction has committed) until GET /api/search finds it.
// Usage: dotnet run -c Release --project bench/ServiceHall.Bench.WriteToSearch [-- <items> [<warm-up items>]]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceHall.Testing;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var warmUp = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
// Two-character syllables that SmartCn keeps as words; each item's name is a unique combination.
string[] syllables = ["春雨", "秋月", "青山", "绿水", "白云", "红日", "金沙", "银河", "松林", "竹海", "梅园", "兰亭", "菊香", "桃源", "柳岸", "荷塘"];

await using var hall = await RunningHall.StartAsync();
using var http = new HttpClient { BaseAddress = hall.GatewayHttp };
var latencies = new List<double>();
for (var i = 0; i < warmUp + count; i++)
{
    var marker = syllables[i % 16] + syllables[i / 16 % 16] + syllables[i / 256 % 16];
    var guide = new
    {
        code = $"BENCH-{Guid.NewGuid():N}"[..30],
        name = $"{marker}专项审批",
        department = "县发展和改革局",
        itemType = "行政许可",
        conditions = "符合国家产业政策",
        materials = new[] { new { name = "项目申请报告", required = true, copies = 1 } },
        statutoryLimitDays = 20,
        promisedLimitDays = 10,
        place = "县政务服务中心四楼",
        contactPhone = "0578-8123600",
        complaintPhone = "0578-8123601",
    };
    var created = await (await http.PostAsJsonAsync("/api/catalog/items", guide)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
    var id = (string)created!["id"]!;
    (await http.PostAsJsonAsync($"/api/catalog/items/{id}:publish", new { })).EnsureSuccessStatusCode();
    var committed = Stopwatch.StartNew();
    while (true)
    {
        var result = await http.GetFromJsonAsync<JsonObject>("/api/search?pageSize=50&q=" + Uri.EscapeDataString(marker + "专项审批"));
        if (result!["hits"]!.AsArray().Any(h => (string?)h!["id"] == id))
        {
            break;
        }
        if (committed.Elapsed > TimeSpan.FromSeconds(30))
        {
            throw new TimeoutException($"item {id} ({marker}) not searchable after 30 s");
        }
    }
    if (i >= warmUp)
    {
        latencies.Add(committed.Elapsed.TotalMilliseconds);
    }
}

latencies.Sort();
double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
Console.WriteLine($"write-to-search over {latencies.Count} items ({warmUp} warm-up items not counted), through the gateway, local bus:");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  p50 {Percentile(0.50):F1} ms   p95 {Percentile(0.95):F1} ms   p99 {Percentile(0.99):F1} ms   max {latencies[^1]:F1} ms"));
