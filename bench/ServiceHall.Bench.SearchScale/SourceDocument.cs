namespace ServiceHall.Bench.SearchScale;

/// <summary>One synthetic service document as the hall would index it: a guide's title and a short body.</summary>
sealed record SourceDocument(int Id, string Title, string Body)
{
    public string Key => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
