// The credit lookup box (FindEntities) over many entities: seeds a fresh SQLite database with the credit service's
// own migrations and entity class (names, pinyin and initials computed as on registration), starts the built credit
// service on it as its own process, then 20 concurrent gRPC clients over h2c look entities up by credit code, by
// the beginning of the name, by a word inside it and by pinyin initials, and prints p50/p95/max per kind.
// Usage: dotnet run -c Release --project bench/ServiceHall.Bench.CreditLookup [-- <entities> [<lookups per client and kind>]]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using MarketEntity = ServiceHall.Credit.Data.MarketEntity;

var entities = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var perClient = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
const int Clients = 20;
var folder = Directory.CreateTempSubdirectory("servicehall-bench-credit-");
var options = new DbContextOptionsBuilder<CreditDbSqlite>().UseSqlite($"Data Source={Path.Combine(folder.FullName, "credit.db")}").Options;
Process? service = null;
try
{
    await using (var db = new CreditDbSqlite(options))
    {
        await db.Database.MigrateAsync();
    }
    var seeding = Stopwatch.StartNew();
    var seeded = await SeedAsync(options, entities);
    Console.WriteLine($"seeded {entities:N0} entities in {seeding.Elapsed.TotalSeconds:F1} s");

    var port = FreePort();
    service = StartService(folder.FullName, port);
    using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
    var lookup = new CreditLookupService.CreditLookupServiceClient(channel);
    await WaitUntilServingAsync(lookup);

    var random = new Random(11);
    var kinds = new (string Label, Func<Seeded, string> Query)[]
    {
        ("credit code", s => s.Code),
        ("name prefix", s => s.Name[..7]),
        ("word inside the name", s => s.Name[3..6]),
        ("pinyin initials", s => MarketEntity.NameInitialsOf(s.Name)[..6]),
    };
    foreach (var (label, query) in kinds)
    {
        var timings = new List<double>();
        var hits = 0L;
        var workload = Enumerable.Range(0, Clients).Select(c => Enumerable.Range(0, perClient + 2).Select(_ => query(seeded[random.Next(seeded.Count)])).ToList()).ToList();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(workload.Select(async queries =>
        {
            for (var i = 0; i < queries.Count; i++)
            {
                var watch = Stopwatch.StartNew();
                var found = await lookup.FindEntitiesAsync(new FindEntitiesRequest { Q = queries[i] });
                if (i >= 2)
                {
                    // The first two calls per client warm the connection, the JIT and the caches.
                    lock (timings)
                    {
                        timings.Add(watch.Elapsed.TotalMilliseconds);
                        hits += found.Entities.Count;
                    }
                }
            }
        }));
        timings.Sort();
        Console.WriteLine($"{label}: {timings.Count:N0} lookups by {Clients} clients in {wall.Elapsed.TotalSeconds:F1} s, {hits / (double)timings.Count:F1} hits each (page of 20); " +
            $"p50 {Percentile(timings, 0.50):F1} ms, p95 {Percentile(timings, 0.95):F1} ms, max {timings[^1]:F1} ms");
    }
}
finally
{
    if (service is { HasExited: false })
    {
        service.Kill(entireProcessTree: true);
        await service.WaitForExitAsync();
    }
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    folder.Delete(recursive: true);
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

// The credit service from its own build output (built with this benchmark, which references it, in the same
// configuration), on the seeded file, serving h2c: its own process, as in the hall.
static Process StartService(string dataFolder, int port)
{
    var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
    var root = new DirectoryInfo(AppContext.BaseDirectory);
    while (!File.Exists(Path.Combine(root.FullName, "ServiceHall.sln")))
    {
        root = root.Parent ?? throw new InvalidOperationException("run from the repository's build output");
    }
    var bin = Path.Combine(root.FullName, "services", "Credit", "ServiceHall.Credit", "bin", configuration, "net10.0");
    var info = new ProcessStartInfo("dotnet", Path.Combine(bin, "ServiceHall.Credit.dll"))
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        WorkingDirectory = bin,
    };
    info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
    info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
    info.Environment["Data__Folder"] = dataFolder;
    info.Environment["Messaging__Mode"] = "Local";
    info.Environment["Logging__LogLevel__Default"] = "Warning";
    var process = Process.Start(info) ?? throw new InvalidOperationException("the credit service did not start");
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { Console.Error.WriteLine("credit: " + line); } };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitUntilServingAsync(CreditLookupService.CreditLookupServiceClient lookup)
{
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (true)
    {
        try
        {
            await lookup.FindEntitiesAsync(new FindEntitiesRequest { Q = "镇康" });
            return;
        }
        catch (Grpc.Core.RpcException) when (DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }
    }
}

// Entities of the county with names from a few hundred characters: 镇康县 + two to four characters + a trade,
// each with a valid credit code; the name's pinyin and initials computed as registration computes them.
static async Task<List<Seeded>> SeedAsync(DbContextOptions<CreditDbSqlite> options, int count)
{
    const string Characters = "金木水火土松柏竹梅兰菊桃李杏茶米华兴隆昌盛泰和安康顺达恒通宏远鑫源鸿福瑞祥丰益民新立德信诚明光伟志永利嘉佳润荣发广宇天地山川河海云南临沧勐捧南伞凤尾忙丙军赛木场";
    string[] trades = ["商贸有限公司", "餐饮管理有限公司", "农业开发有限公司", "建筑工程有限公司", "米线店", "茶叶专业合作社", "运输有限公司", "医药连锁有限公司", "五金店", "种植农民专业合作社"];
    var random = new Random(7);
    var seeded = new List<Seeded>(count);
    var now = new DateTime(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);
    const int Batch = 5_000;
    for (var from = 0; from < count; from += Batch)
    {
        await using var db = new CreditDbSqlite(options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = from; i < Math.Min(count, from + Batch); i++)
        {
            var brand = new string(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Characters[random.Next(Characters.Length)]).ToArray());
            var name = "镇康县" + brand + trades[random.Next(trades.Length)];
            var code = Code(i);
            db.Entities.Add(MarketEntity.Register(code, new RegisterEntityRequest
            {
                Code = code, Name = name, EntityCategory = "法人及非法人组织", LegalRepresentative = "压测", Address = "云南省临沧市镇康县",
            }, now));
            seeded.Add(new Seeded(code, name));
        }
        await db.SaveChangesAsync();
    }
    return seeded;
}

// A valid unified social credit code for the i-th entity (GB 32100, docs/domain.md §7).
static string Code(int i)
{
    var body = "B" + i.ToString("D7", CultureInfo.InvariantCulture);
    var organisation = body + ServiceHall.Domain.CreditCode.OrganisationCheckCharacter(body);
    var first17 = "91530924" + organisation;
    return first17 + ServiceHall.Domain.CreditCode.CheckCharacter(first17);
}

record Seeded(string Code, string Name);
