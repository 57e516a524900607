// Publishes catalog items through the gateway of a real running hall (seeded; the warm-up items also wait out
// the seed's backlog of index events) and measures, for each, the time from
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
// The market regulation bureau's officer publishes (the demo account); the token outlives the run (10 minutes).
var officer = await HallSignIn.SignInAsync(hall.Identity, DemoCounty.Shichang);
http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", officer.AccessToken);
var latencies = new List<double>();
for (var i = 0; i < warmUp + count; i++)
{
    var marker = syllables[i % 16] + syllables[i / 16 % 16] + syllables[i / 256 % 16];
    var guide = new
    {
        basicCode = "08" + i.ToString("D10", CultureInfo.InvariantCulture),
        name = $"{marker}专项审批",
        itemType = "行政许可",
        audiences = new[] { "法人" },
        handlingKind = "承诺件",
        legalPersonThemes = new[] { "投资审批" },
        departmentCode = DemoCounty.MarketRegulation, // 县市场监督管理局, seeded
        departmentNature = "法定机关",
        legalBasis = new[] { new { law = "《企业投资项目核准和备案管理条例》", article = "第三条" } },
        conditions = "符合国家产业政策",
        statutoryLimit = new { value = 20, unit = "工作日" },
        promisedLimit = new { value = 10, unit = "工作日" },
        siteVisits = 0,
        onlineDepth = 4,
        place = new { address = "县政务服务中心四楼", hours = "周一至周五" },
        contacts = new { consultPhone = "0883-6020000", complaintPhone = "12315" },
        review = new { name = "县人民政府", phone = "0883-6990000" },
        litigation = new { name = "县人民法院", phone = "0883-6980000" },
        resultType = "批文",
        resultName = "项目核准文件",
        materials = new[] { new { name = "项目申请报告", type = "电子件", form = "电子", necessity = "必要", source = "申请人自备" } },
        steps = new[] { new { name = "申请" }, new { name = "审查决定" } },
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
