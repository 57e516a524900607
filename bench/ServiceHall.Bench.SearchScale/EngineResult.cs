namespace ServiceHall.Bench.SearchScale;

/// <summary>One engine at one corpus size: build cost, size, and per query kind the latencies and what each query matched.</summary>
sealed record EngineResult(
    int Documents,
    string Engine,
    TimeSpan IndexTime,
    long Bytes,
    IReadOnlyDictionary<QueryKind, Latencies> Latency,
    IReadOnlyDictionary<QueryKind, int[]> Matches,
    IReadOnlyList<string> Details);
