namespace ServiceHall.Bench.SearchScale;

/// <summary>
/// Picks entries of a list by rank with Zipf weights (the r-th entry weighs 1/r^s), so the first entries are
/// everywhere and the last are rare, as words are in real guides; queries then range from very broad to narrow.
/// </summary>
sealed class ZipfChoice<T>
{
    readonly IReadOnlyList<T> entries;
    readonly double[] cumulative;

    public ZipfChoice(IReadOnlyList<T> entries, double exponent = 1.0)
    {
        this.entries = entries;
        cumulative = new double[entries.Count];
        var sum = 0.0;
        for (var rank = 1; rank <= entries.Count; rank++)
        {
            sum += 1.0 / Math.Pow(rank, exponent);
            cumulative[rank - 1] = sum;
        }
    }

    public T Next(Random random)
    {
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        return entries[Math.Min(index < 0 ? ~index : index, entries.Count - 1)];
    }
}
