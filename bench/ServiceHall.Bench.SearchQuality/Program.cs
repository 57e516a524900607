// Search quality: runs every judged query (judgments.json) against GET /api/search of a real running hall with
// the demo catalog, through the gateway, and reports nDCG@10 and the share of queries whose meant item (grade 2)
// is in the top 3, with the queries below either target. It measures; it does not gate (exit code 0 whatever the
// figures; 1 only when the judged set itself is wrong).
// Usage: dotnet run -c Release --project bench/ServiceHall.Bench.SearchQuality [-- <judgments.json>]
using System.Globalization;
using System.Text;
using ServiceHall.Bench.SearchQuality;
using ServiceHall.Testing;

const double NdcgTarget = 0.85;
const double Top3Target = 0.90;

Console.OutputEncoding = Encoding.UTF8;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var root = RunningHall.RepositoryRoot();
var judgmentsPath = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(AppContext.BaseDirectory, "judgments.json");
var queries = Judgments.Load(judgmentsPath);
var seed = SeedItems.Read(Path.Combine(root, "services", "Catalog", "ServiceHall.Catalog", "Seed", "items"));
var problems = Judgments.Problems(queries, seed.NamesByBasicCode);
if (problems.Count > 0)
{
    Console.Error.WriteLine($"{judgmentsPath}: {problems.Count} problem(s):\n  " + string.Join("\n  ", problems));
    return 1;
}

Console.WriteLine($"Starting the hall (demo seed: {seed.ItemCount} items, {seed.NamesByBasicCode.Count} basic codes) ...");
// The bench asks a few hundred questions a second from one address; the gateway's per-client limit is not under test.
await using var hall = await RunningHall.StartAsync(new Dictionary<string, string> { ["Gateway__RateLimit__PermitsPerWindow"] = "1000000" });
using var http = new HttpClient { BaseAddress = hall.GatewayHttp, Timeout = TimeSpan.FromSeconds(30) };
var api = new HallApi(http);
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(10));

var items = await api.ListItemsAsync(cancel.Token);
if (items.Count != seed.ItemCount)
{
    Console.WriteLine($"warning: the catalog lists {items.Count} items, the seed has {seed.ItemCount}");
}
var basicCodes = items.ToDictionary(i => i.Id, i => i.BasicCode);
var listedCodes = items.Select(i => i.BasicCode).ToHashSet();
foreach (var code in queries.SelectMany(q => q.Judgments.Keys).Distinct().Where(c => !listedCodes.Contains(c)))
{
    Console.WriteLine($"warning: judged basic code {code} ({seed.NamesByBasicCode[code]}) is not in the running catalog");
}

var waitLimit = TimeSpan.FromSeconds(300);
var inSeedOrder = items.OrderBy(i => seed.SeedOrder.GetValueOrDefault(i.BasicCode, int.MaxValue)).ToList();
var waited = System.Diagnostics.Stopwatch.StartNew();
var missing = await api.WaitForIndexAsync(inSeedOrder, waitLimit, cancel.Token);
Console.WriteLine($"The index holds the seeded catalog ({items.Count} items) {waited.Elapsed.TotalSeconds:0} s after the hall was ready.");
if (missing.Count > 0)
{
    Console.WriteLine($"warning: {missing.Count} item(s) not found by their own name within {waitLimit.TotalSeconds:0} s: "
        + string.Join("、", missing.Select(i => i.Name).Distinct().Take(10)));
}

var results = new List<QueryResult>();
var uncollapsed = new List<QueryResult>();
foreach (var query in queries)
{
    List<SearchResult> hits;
    try
    {
        (hits, _) = await api.SearchAsync(query.Query, QueryResult.Depth, basicCodes, cancel.Token);
    }
    catch (HttpRequestException ex) when (ex.StatusCode is not null)
    {
        // A refused query is a query that found nothing, as the person sees it.
        Console.WriteLine($"warning: \"{query.Query}\" refused: {ex.Message}");
        hits = [];
    }
    results.Add(new QueryResult(query, hits));
    uncollapsed.Add(new QueryResult(query, hits, collapseCopies: false));
}

Console.WriteLine();
Console.WriteLine($"{judgmentsPath}: {queries.Count} judged queries, GET /api/search through the gateway, top {QueryResult.Depth}");
Console.WriteLine("Ranks count distinct services: a town item's copies (one per town, one basic code) take one place, shown ×n.");
Console.WriteLine($"Queries below target (nDCG@{QueryResult.Depth} < {NdcgTarget:0.00} or no grade-2 item in the top {QueryResult.TopN}); [g] = grade of a shown result:");
var failing = results.Where(r => r.Fails(NdcgTarget)).OrderBy(r => r.Ndcg).ThenBy(r => r.Query.KindOrOther, StringComparer.Ordinal).ToList();
foreach (var r in failing)
{
    var rank = r.FirstBestRank is { } first ? $"#{first}" : "--";
    var top = r.Shown.Count == 0 ? "(no results)" : string.Join(" | ", r.Shown.Take(QueryResult.TopN));
    Console.WriteLine($"  nDCG {r.Ndcg:0.000}  first grade-2 {rank,-3}  {r.Query.Query}  ({r.Query.KindOrOther})  top 3: {top}");
}
if (failing.Count == 0)
{
    Console.WriteLine("  none");
}

Console.WriteLine();
Console.WriteLine("By kind of query:");
foreach (var group in results.GroupBy(r => r.Query.KindOrOther).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  {group.Key,-12} {group.Count(),4} queries   nDCG@{QueryResult.Depth} = {group.Average(r => r.Ndcg):0.000}   top-{QueryResult.TopN} = {100.0 * group.Count(r => r.BestInTop3) / group.Count():0.0}%");
}

var ndcg = results.Average(r => r.Ndcg);
var top3 = (double)results.Count(r => r.BestInTop3) / results.Count;
Console.WriteLine();
Console.WriteLine($"nDCG@{QueryResult.Depth} = {ndcg:0.000}  top-{QueryResult.TopN} = {100 * top3:0.0}% over {results.Count} queries");
Console.WriteLine($"  (each town's copy counted as its own place: nDCG@{QueryResult.Depth} = {uncollapsed.Average(r => r.Ndcg):0.000}  "
    + $"top-{QueryResult.TopN} = {100.0 * uncollapsed.Count(r => r.BestInTop3) / uncollapsed.Count:0.0}%)");
Console.WriteLine($"targets: nDCG@{QueryResult.Depth} ≥ {NdcgTarget:0.00} ({(ndcg >= NdcgTarget ? "met" : "not met")}), "
    + $"top-{QueryResult.TopN} ≥ {100 * Top3Target:0}% ({(top3 >= Top3Target ? "met" : "not met")}); {failing.Count} queries below target");
return 0;
