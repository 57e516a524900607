namespace ServiceHall.Bench.SearchScale;

/// <summary>
/// The queries both engines answer at every N: per kind, a warm-up set and the measured set, drawn once from
/// the first documents (those every N contains), so 100k and 1M answer the very same queries.
/// </summary>
sealed record Workload(IReadOnlyDictionary<QueryKind, IReadOnlyList<BenchQuery>> WarmUp, IReadOnlyDictionary<QueryKind, IReadOnlyList<BenchQuery>> Measured)
{
    public const int MeasuredPerKind = 200;
    public const int WarmUpPerKind = 50;

    public static Workload Draw(IReadOnlyList<SourceDocument> documents, SmartCnSegmenter segmenter, int seed) => new(
        Enum.GetValues<QueryKind>().ToDictionary(k => k, k => QuerySets.Draw(k, WarmUpPerKind, seed + 100 + (int)k, documents, segmenter)),
        Enum.GetValues<QueryKind>().ToDictionary(k => k, k => QuerySets.Draw(k, MeasuredPerKind, seed + 200 + (int)k, documents, segmenter)));
}
