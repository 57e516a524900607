using System.Text.Json;

namespace ServiceHall.Search;

/// <summary>
/// What editors decide rather than the index: best bets (results pinned for a query), demotions, item popularity
/// (yearly cases per basic code), words "did you mean" must not correct, and words suggestions must not offer.
/// Read from curation.json (Search:CurationFile overrides it).
/// </summary>
public sealed class Curation
{
    public Dictionary<string, string[]> BestBets { get; init; } = [];
    public Dictionary<string, string[]> Demotions { get; init; } = [];
    public Dictionary<string, long> Popularity { get; init; } = [];
    public string[] DoNotCorrect { get; init; } = [];
    public string[] DoNotSuggest { get; init; } = [];

    public static Curation From(IConfiguration configuration)
    {
        var path = configuration["Search:CurationFile"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "curation.json");
        var curation = JsonSerializer.Deserialize<Curation>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{path} is empty");
        return new Curation
        {
            BestBets = curation.BestBets.ToDictionary(p => Normalize(p.Key), p => p.Value),
            Demotions = curation.Demotions.ToDictionary(p => Normalize(p.Key), p => p.Value),
            Popularity = curation.Popularity,
            DoNotCorrect = curation.DoNotCorrect,
            DoNotSuggest = curation.DoNotSuggest,
        };
    }

    /// <summary>Queries match curation entries without regard to case, blanks or full-width forms.</summary>
    public static string Normalize(string query) =>
        new string(query.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();

    /// <summary>Popularity of an item by the basic code that starts its 实施编码.</summary>
    public long PopularityOf(string stableKey) =>
        stableKey.Length >= 12 && Popularity.TryGetValue(stableKey[..12], out var cases) ? cases : 0;

    public IReadOnlyList<string> PinnedFor(string query) => BestBets.GetValueOrDefault(Normalize(query)) ?? [];

    public IReadOnlyList<string> DemotedFor(string query) => Demotions.GetValueOrDefault(Normalize(query)) ?? [];
}
