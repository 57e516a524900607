// Online applications with materials through the gateway of a real running hall (SQLite, local bus): each
// submission uploads two files (a PDF of about 200 KB each, base64 in JSON, as an API user sends them) and then
// submits the application with both attached. Concurrent clients share the work; prints p50/p95/p99 of the whole
// submission (uploads and submit) and of the submit call alone, and submissions per second.
// Usage: dotnet run -c Release --project bench/ServiceHall.Bench.Submissions [-- <submissions> [<clients> [<KiB per file>]]]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ServiceHall.Testing;

var submissions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var kib = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
const int warmUp = 20;

// The per-client rate limit protects the hall from one abuser; here every request is the benchmark's own.
await using var hall = await RunningHall.StartAsync(new Dictionary<string, string> { ["Gateway__RateLimit__PermitsPerWindow"] = "1000000" });
using var http = new HttpClient { BaseAddress = hall.GatewayHttp, Timeout = TimeSpan.FromSeconds(60) };

// An item of 县市场监督管理局 for persons, with two required electronic materials.
var officer = await HallSignIn.SignInAsync(hall.Identity, DemoCounty.Shichang);
// body "guide": the guide itself is the request body.
var created = await SendAsync(HttpMethod.Post, "/api/catalog/items", officer.AccessToken, new
{
    basicCode = "0899" + Random.Shared.Next(10000000, 99999999).ToString(CultureInfo.InvariantCulture), // 12 digits
    name = "压测用个体工商户登记",
    itemType = "行政许可",
    audiences = new[] { "自然人" },
    handlingKind = "承诺件",
    personThemes = new[] { "就业创业" },
    departmentCode = DemoCounty.MarketRegulation,
    departmentNature = "法定机关",
    legalBasis = new[] { new { law = "《促进个体工商户发展条例》", article = "第八条" } },
    conditions = "有经营能力的自然人",
    statutoryLimit = new { value = 15, unit = "工作日" },
    promisedLimit = new { value = 5, unit = "工作日" },
    siteVisits = 0,
    onlineDepth = 4,
    place = new { address = "县政务服务中心二楼", hours = "周一至周五" },
    contacts = new { consultPhone = "0883-6020000", complaintPhone = "12315" },
    review = new { name = "县人民政府", phone = "0883-6990000" },
    litigation = new { name = "县人民法院", phone = "0883-6980000" },
    resultType = "证照",
    resultName = "营业执照",
    materials = new[]
    {
        new { name = "经营者身份证明", type = "电子件", form = "电子", necessity = "必要", source = "申请人自备" },
        new { name = "经营场所证明", type = "电子件", form = "电子", necessity = "必要", source = "申请人自备" },
    },
    steps = new[] { new { name = "申请" }, new { name = "审查决定" } },
});
var itemId = (string)created["id"]!;
await SendAsync(HttpMethod.Post, $"/api/catalog/items/{itemId}:publish", officer.AccessToken, new { });

// Applicants sign in once each; the tokens outlive the run.
var tokens = new List<(string Token, string Name)>();
foreach (var (account, name) in new[] { (DemoCounty.Zhangsan, "张三"), (DemoCounty.Lisi, "李四") })
{
    tokens.Add(((await HallSignIn.SignInAsync(hall.Identity, account)).AccessToken, name));
}
var file = PaddedPdf(kib * 1024);
var whole = new ConcurrentBag<double>();
var submitOnly = new ConcurrentBag<double>();
var failures = new ConcurrentBag<string>();

// Warm-up (JIT, connection pools, SQLite caches), not counted.
await RunAsync(warmUp, Math.Min(clients, warmUp), record: false);
var run = Stopwatch.StartNew();
await RunAsync(submissions, clients, record: true);
run.Stop();

if (!failures.IsEmpty)
{
    Console.WriteLine($"{failures.Count} submissions failed; first: {failures.First()}");
}
Console.WriteLine($"Online applications through the gateway: {submissions} submissions by {clients} concurrent clients, each with 2 files of {kib} KiB (PDF, base64 JSON); {Environment.ProcessorCount} cores, SQLite, local bus; {warmUp} warm-up submissions not counted");
Print("whole submission (2 uploads + submit)", whole);
Print("submit call alone", submitOnly);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {whole.Count / run.Elapsed.TotalSeconds:F1} submissions/s ({whole.Count} in {run.Elapsed.TotalSeconds:F1} s)"));

async Task RunAsync(int count, int workers, bool record)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
    {
        var (token, name) = tokens[worker % tokens.Count];
        while (Interlocked.Increment(ref next) < count)
        {
            var started = Stopwatch.StartNew();
            try
            {
                var first = await UploadAsync(token, "身份证明.pdf");
                var second = await UploadAsync(token, "场所证明.pdf");
                var submit = Stopwatch.StartNew();
                await SendAsync(HttpMethod.Post, "/api/applications", token, new
                {
                    itemId,
                    applicantName = name,
                    applicantIdNumber = "11010519491231002X", // a valid test number (GB 11643 check character)
                    applicantPhone = "13912345678",
                    idempotencyKey = Guid.NewGuid().ToString(),
                    materials = new[] { new { slot = "经营者身份证明", materialId = first }, new { slot = "经营场所证明", materialId = second } },
                });
                if (record)
                {
                    submitOnly.Add(submit.Elapsed.TotalMilliseconds);
                    whole.Add(started.Elapsed.TotalMilliseconds);
                }
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                failures.Add(e.Message);
            }
        }
    }));
}

async Task<string> UploadAsync(string token, string name) =>
    (string)(await SendAsync(HttpMethod.Post, "/api/applications/materials", token, new { fileName = name, content = Convert.ToBase64String(file) }))["id"]!;

async Task<JsonObject> SendAsync(HttpMethod method, string path, string token, object body)
{
    using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    return response.IsSuccessStatusCode
        ? JsonNode.Parse(text)!.AsObject()
        : throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
}

// A real PDF (header, objects, trailer) followed by comment lines up to the size: what a scanned page weighs.
static byte[] PaddedPdf(int size)
{
    var pdf = SampleFiles.Pdf("压测材料");
    var padding = new StringBuilder();
    while (pdf.Length + padding.Length < size)
    {
        padding.Append("% scanned page data ").Append(Guid.NewGuid().ToString("N")).Append('\n');
    }
    return [.. pdf, .. Encoding.ASCII.GetBytes(padding.ToString())];
}

static void Print(string what, ConcurrentBag<double> times)
{
    var sorted = times.Order().ToList();
    if (sorted.Count == 0)
    {
        Console.WriteLine($"  {what}: nothing measured");
        return;
    }
    double Percentile(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {what,-40} p50 {Percentile(0.50),7:F1} ms   p95 {Percentile(0.95),7:F1} ms   p99 {Percentile(0.99),7:F1} ms   max {sorted[^1],7:F1} ms"));
}
