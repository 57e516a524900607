namespace ServiceHall.Search;

/// <summary>One searchable thing the hall makes public: a service item, a market entity, a credit record, a disclosure, a Q&amp;A.</summary>
public sealed record PublicDocument(string Type, string Id, string Title, string Body, string Url)
{
    public string Key => $"{Type}:{Id}";

    /// <summary>Facet values (<see cref="IndexWords"/>): the implementing department, themes, a disclosure's sector, the online depth.</summary>
    public string Department { get; init; } = "";
    public IReadOnlyList<string> Themes { get; init; } = [];
    public string Sector { get; init; } = "";
    public string OnlineDepth { get; init; } = "";

    /// <summary>A key that survives a rebuild (an item's 实施编码, an entity's credit code), for best bets and popularity.</summary>
    public string StableKey { get; init; } = "";

    /// <summary>Notices lose weight with age; guides do not.</summary>
    public bool IsNotice { get; init; }

    /// <summary>
    /// yyyy-MM-dd, the last day the document is public (a penalty's 公示截止期); empty when it has no end. Queries
    /// leave out documents past it, even before the source announces their withdrawal.
    /// </summary>
    public string PublicUntil { get; init; } = "";
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
    /// <summary>The synonyms of words in the title (synonyms.txt), analysed like the title.</summary>
    public const string Alias = "alias";
    /// <summary>Pinyin of the title's words and word runs, full and initials, whitespace-separated.</summary>
    public const string Pinyin = "pinyin";
    public const string StableKey = "stable_key";
    public const string Department = "department";
    public const string Theme = "theme";
    public const string Sector = "sector";
    public const string OnlineDepth = "online_depth";
    /// <summary>Yearly cases of the item (configuration), a doc value the ranking multiplies in.</summary>
    public const string Popularity = "popularity";
    /// <summary>Day (since 1970) a notice was indexed; 0 for everything else.</summary>
    public const string NoticeDay = "notice_day";
    /// <summary>The last public day (yyyy-MM-dd) of a document whose publicity ends; absent otherwise.</summary>
    public const string PublicUntil = "public_until";

    /// <summary>The facets, in the order responses list them.</summary>
    public static readonly string[] Facets = [Type, Department, Theme, Sector, OnlineDepth];
}
