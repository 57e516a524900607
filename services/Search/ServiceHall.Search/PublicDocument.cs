namespace ServiceHall.Search;

/// <summary>One searchable thing the hall makes public: a service item, a market entity, a credit record, a disclosure.</summary>
public sealed record PublicDocument(string Type, string Id, string Title, string Body, string Url)
{
    public string Key => $"{Type}:{Id}";
}

/// <summary>
/// The new public state of one source object (the owner), as a set of documents replaced together: an entity
/// brings its credit records along. No documents means the owner is no longer public.
/// </summary>
public sealed record IndexChange(string OwnerKey, long Version, IReadOnlyList<PublicDocument> Documents);

/// <summary>The index's field names, named once for writing and reading.</summary>
static class IndexFields
{
    public const string Key = "key";
    /// <summary>The key of the set a document belongs to; every document of one owner is replaced at once through it.</summary>
    public const string Owner = "owner";
    public const string Type = "type";
    public const string Id = "id";
    public const string Title = "title";
    public const string Body = "body";
    public const string Url = "url";
    public const string Version = "version";
    /// <summary>Marks an owner that was withdrawn, so its version survives a restart and a stale event cannot resurrect it.</summary>
    public const string Withdrawn = "withdrawn";
}
