using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceHall.Bench.SearchQuality;

/// <summary>
/// One query as people type it, with graded judgments by the item's 12-digit basic code (基本编码):
/// 2 = the item the person means, 1 = a related item that is acceptable to see. Unjudged results count as 0.
/// A basic code stands for every implementation of the item (a town item's seven towns share one).
/// </summary>
public sealed record JudgedQuery(
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("judgments")] Dictionary<string, int> Judgments)
{
    public string KindOrOther => string.IsNullOrWhiteSpace(Kind) ? "other" : Kind;
}

public static class Judgments
{
    public static List<JudgedQuery> Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<JudgedQuery>>(stream)
            ?? throw new InvalidDataException($"{path}: expected a JSON array of judged queries");
    }

    /// <summary>
    /// What is wrong with the judged set, one line each: a query without a grade-2 item, a grade other than 1 or 2,
    /// a basic code that no item of the seed catalog has, a query listed twice.
    /// </summary>
    public static List<string> Problems(IReadOnlyList<JudgedQuery> queries, IReadOnlyDictionary<string, string> seedNames)
    {
        var problems = new List<string>();
        foreach (var (query, index) in queries.Select((q, i) => (q, i)))
        {
            var where = $"judgments[{index}] \"{query.Query}\"";
            if (string.IsNullOrWhiteSpace(query.Query))
            {
                problems.Add($"judgments[{index}]: empty query");
            }
            if (query.Judgments is null || !query.Judgments.Values.Any(g => g == 2))
            {
                problems.Add($"{where}: no grade-2 item");
            }
            foreach (var (code, grade) in query.Judgments ?? [])
            {
                if (grade is not (1 or 2))
                {
                    problems.Add($"{where}: {code} has grade {grade}; grades are 1 (related) or 2 (meant)");
                }
                if (!seedNames.ContainsKey(code))
                {
                    problems.Add($"{where}: no seed item has the basic code {code}");
                }
            }
        }
        problems.AddRange(queries.GroupBy(q => q.Query).Where(g => g.Count() > 1).Select(g => $"\"{g.Key}\" is judged {g.Count()} times"));
        return problems;
    }
}

/// <summary>
/// The demo catalog as seeded (Seed/items/*.json): each basic code's name and place in the seed order (files by
/// name, items in file order, as the catalog writes them and their index events), and how many items it makes.
/// </summary>
public sealed record SeedItems(IReadOnlyDictionary<string, string> NamesByBasicCode, IReadOnlyDictionary<string, int> SeedOrder, int ItemCount)
{
    public static SeedItems Read(string itemsFolder)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var file in Directory.GetFiles(itemsFolder, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            // A file for one department names it once; towns.json names every town that implements its items.
            var departments = root.TryGetProperty("departmentCodes", out var many) ? many.GetArrayLength() : 1;
            foreach (var item in root.GetProperty("items").EnumerateArray())
            {
                var code = item.GetProperty("basicCode").GetString()!;
                names[code] = item.GetProperty("name").GetString()!;
                order.TryAdd(code, order.Count);
                count += departments;
            }
        }
        return new SeedItems(names, order, count);
    }
}
