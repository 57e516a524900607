using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ServiceHall.Search;

/// <summary>
/// The Lucene index over everything public in the hall: one writer, near-real-time searchers, and the
/// version held per owner so that redelivered and out-of-order events change nothing.
/// It is a projection: deleting the folder loses nothing the sources cannot send again.
/// </summary>
public sealed class PublicIndex : IDisposable
{
    const LuceneVersion Version = LuceneVersion.LUCENE_48;

    readonly NIOFSDirectory directory;
    readonly IndexWriter writer;
    readonly TrackingIndexWriter tracking;
    readonly SearcherManager searchers;
    readonly ControlledRealTimeReopenThread<IndexSearcher> reopener;
    readonly ConcurrentDictionary<string, long> heldVersions = new(StringComparer.Ordinal);
    // Striped locks serialise the check-then-write per owner without a lock object per key living forever.
    readonly object[] ownerLocks = Enumerable.Range(0, 64).Select(_ => new object()).ToArray();
    readonly TimeSpan visibleWait;
    readonly ILogger<PublicIndex> logger;
    readonly object closing = new();
    volatile bool disposed;

    readonly Curation curation;

    public PublicIndex(IConfiguration configuration, Curation curation, ILogger<PublicIndex> logger)
    {
        this.logger = logger;
        this.curation = curation;
        Folder = FolderFrom(configuration);
        visibleWait = configuration.GetValue("Search:VisibleWait", TimeSpan.FromSeconds(2));
        System.IO.Directory.CreateDirectory(Folder);
        Chinese = new SmartChineseAnalyzer(Version);
        Analyzer = new PerFieldAnalyzerWrapper(Chinese, new Dictionary<string, Analyzer> { [IndexFields.Pinyin] = new WhitespaceAnalyzer(Version) });
        Found = Inspect(Folder, logger);
        if (Found == IndexFound.Damaged)
        {
            // Kept aside for a post-mortem, never read again; the sources refill a fresh folder.
            var aside = $"{Folder}.damaged-{DateTime.UtcNow:yyyyMMddHHmmss}";
            System.IO.Directory.Move(Folder, aside);
            System.IO.Directory.CreateDirectory(Folder);
            logger.LogError("The search index at {Folder} was damaged; moved to {Aside} and rebuilding from the sources", Folder, aside);
        }
        // Explicitly NIO: FSDirectory.Open picks MMapDirectory on 64-bit Linux, slow under load and unsafe for concurrent searches here.
        directory = new NIOFSDirectory(new DirectoryInfo(Folder));
        writer = new IndexWriter(directory, new IndexWriterConfig(Version, Analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        foreach (var (key, value) in writer.CommitData ?? new Dictionary<string, string>())
        {
            if (key.StartsWith(MarkPrefix, StringComparison.Ordinal) && long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var mark))
            {
                marks[key[MarkPrefix.Length..]] = mark;
            }
        }
        tracking = new TrackingIndexWriter(writer);
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        LoadHeldVersions();
        reopener = new ControlledRealTimeReopenThread<IndexSearcher>(tracking, searchers, targetMaxStaleSec: 1.0, targetMinStaleSec: 0.02)
        {
            IsBackground = true,
            Name = "search-index-reopen",
        };
        reopener.Start();
        logger.LogInformation("Search index open at {Folder} ({Found}) with {Owners} owners, high-water marks {Marks}",
            Folder, Found, heldVersions.Count, string.Join(", ", marks.Select(m => $"{m.Key}={m.Value}")));
    }

    const string MarkPrefix = "hwm.";
    readonly ConcurrentDictionary<string, long> marks = new(StringComparer.Ordinal);

    public enum IndexFound { Intact, Missing, Damaged }

    /// <summary>What was in the folder at start: an intact index, none, or one that failed to open or verify.</summary>
    public IndexFound Found { get; }

    /// <summary>
    /// The highest change of each source (its outbox sequence) applied to this index. Kept in each commit's user
    /// data, so after a crash the index knows from where to ask the source again.
    /// </summary>
    public long HighWaterMark(string source) => marks.GetValueOrDefault(source);

    public void RecordMark(string source, long sequence) => marks.AddOrUpdate(source, sequence, (_, held) => Math.Max(held, sequence));

    /// <summary>Opens the index read-only and checks every file's checksum (Lucene 4.8 footers) before the writer touches it.</summary>
    static IndexFound Inspect(string folder, ILogger logger)
    {
        using var probe = new NIOFSDirectory(new DirectoryInfo(folder));
        try
        {
            if (!DirectoryReader.IndexExists(probe))
            {
                return System.IO.Directory.EnumerateFileSystemEntries(folder).Any() ? IndexFound.Damaged : IndexFound.Missing;
            }
            using var reader = DirectoryReader.Open(probe);
            foreach (var leaf in reader.Leaves)
            {
                leaf.AtomicReader.CheckIntegrity();
            }
            return IndexFound.Intact;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "The search index at {Folder} cannot be read", folder);
            return IndexFound.Damaged;
        }
    }

    public string Folder { get; }

    /// <summary>SmartCn, shared by indexing and query analysis so both cut Chinese text into the same words.</summary>
    public Analyzer Chinese { get; }

    /// <summary>SmartCn for the text fields, whitespace for the pinyin tokens computed here.</summary>
    public Analyzer Analyzer { get; }

    public bool IsOpen => !disposed;

    public static string FolderFrom(IConfiguration configuration) =>
        configuration["Search:IndexFolder"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(configuration["Data:Folder"] ?? Path.Combine(AppContext.BaseDirectory, "data"), "search-index");

    public long? HeldVersion(string ownerKey) => heldVersions.TryGetValue(ownerKey, out var held) ? held : null;

    /// <summary>
    /// Replaces the owner's documents when the change is newer than what the index holds, and waits (bounded)
    /// until the change is searchable, so a subscriber that answers 200 has really made it visible.
    /// </summary>
    /// <returns>false when the change was not newer and so ignored.</returns>
    public bool Apply(IndexChange change, bool waitUntilVisible = true)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        long generation;
        lock (ownerLocks[(uint)StringComparer.Ordinal.GetHashCode(change.OwnerKey) % ownerLocks.Length])
        {
            if (heldVersions.TryGetValue(change.OwnerKey, out var held) && change.Version <= held)
            {
                return false;
            }
            // One atomic delete-and-add per owner, so a reopen in between never shows the set half replaced.
            generation = tracking.UpdateDocuments(new Term(IndexFields.Owner, change.OwnerKey), ToLucene(change));
            heldVersions[change.OwnerKey] = change.Version;
        }
        if (waitUntilVisible && !reopener.WaitForGeneration(generation, (int)visibleWait.TotalMilliseconds))
        {
            logger.LogWarning("Change to {Owner} written but not yet searchable after {Wait}", change.OwnerKey, visibleWait);
        }
        return true;
    }

    /// <summary>
    /// Waits (bounded) until every change written so far is searchable: the start-up catch-up calls it before it
    /// says "ready", so a search that reads "ready" never sees an index the catch-up has not finished showing.
    /// </summary>
    public bool WaitUntilAllSearchable(TimeSpan wait) =>
        !disposed && reopener.WaitForGeneration(tracking.Generation, (int)wait.TotalMilliseconds);

    /// <summary>Runs a query against the newest searcher; the caller pages with offset and size and bounds the time.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var searcher = searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Makes the changes durable; called on a timer and on shutdown, never per document (a commit fsyncs).</summary>
    public void CommitIfChanged()
    {
        if (!disposed && (writer.HasUncommittedChanges() || MarksChanged))
        {
            Commit();
        }
    }

    bool MarksChanged => marks.Any(m => !(writer.CommitData?.TryGetValue(MarkPrefix + m.Key, out var held) ?? false) || held != m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The marks are read before the commit: a document added meanwhile is in the commit without its mark, which
    /// only means a catch-up asks for it again (harmless), never that a mark claims a change the commit lacks.
    /// </summary>
    void Commit()
    {
        writer.SetCommitData(marks.ToDictionary(m => MarkPrefix + m.Key, m => m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        writer.Commit();
    }

    /// <summary>Commits and releases the folder's write lock; safe to call from the host's stop and its disposal at once.</summary>
    public void Dispose()
    {
        // The host may stop and dispose on two threads; the second caller must wait until the folder is really free.
        lock (closing)
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            reopener.Dispose();
            searchers.Dispose();
            Commit();
            writer.Dispose();
            directory.Dispose();
            Analyzer.Dispose();
            Chinese.Dispose();
        }
    }

    IEnumerable<IEnumerable<IIndexableField>> ToLucene(IndexChange change)
    {
        if (change.Documents.Count == 0)
        {
            return [Withdrawn(change.OwnerKey, change.Version)];
        }
        return change.Documents.Select(d => ToLucene(d, change.OwnerKey, change.Version));
    }

    Document ToLucene(PublicDocument document, string ownerKey, long version)
    {
        var aliases = Synonyms.Default.AliasesOf(document.Title).ToList();
        Document lucene =
        [
            new StringField(IndexFields.Key, document.Key, Field.Store.YES),
            new StringField(IndexFields.Owner, ownerKey, Field.Store.YES),
            new StringField(IndexFields.Type, document.Type, Field.Store.YES),
            new SortedSetDocValuesField(IndexFields.Type, new BytesRef(document.Type)),
            new StringField(IndexFields.Id, document.Id, Field.Store.YES),
            new TextField(IndexFields.Title, document.Title, Field.Store.YES),
            new TextField(IndexFields.Body, document.Body, Field.Store.YES),
            new TextField(IndexFields.Alias, string.Join(" ", aliases), Field.Store.NO),
            // The aliases' pinyin too: "dibao" finds 最低生活保障 through its alias 低保.
            new TextField(IndexFields.Pinyin, string.Join(" ", aliases.Prepend(document.Title).SelectMany(t => TitlePinyin.Tokens(Chinese, t)).Distinct()), Field.Store.NO),
            new StoredField(IndexFields.Url, document.Url),
            new Int64Field(IndexFields.Version, version, Field.Store.YES),
            new StringField(IndexFields.StableKey, document.StableKey, Field.Store.YES),
            new NumericDocValuesField(IndexFields.Popularity, curation.PopularityOf(document.StableKey)),
            new NumericDocValuesField(IndexFields.NoticeDay, document.IsNotice ? DateTime.UtcNow.Ticks / TimeSpan.TicksPerDay : 0),
        ];
        if (document.PublicUntil.Length > 0)
        {
            lucene.Add(new StringField(IndexFields.PublicUntil, document.PublicUntil, Field.Store.YES));
        }
        AddFacet(lucene, IndexFields.Department, document.Department);
        AddFacet(lucene, IndexFields.Sector, document.Sector);
        AddFacet(lucene, IndexFields.OnlineDepth, document.OnlineDepth);
        foreach (var theme in document.Themes.Distinct())
        {
            AddFacet(lucene, IndexFields.Theme, theme);
        }
        return lucene;
    }

    /// <summary>A facet value is both a filter term and a doc value the facet counts read.</summary>
    static void AddFacet(Document lucene, string field, string value)
    {
        if (value.Length > 0)
        {
            lucene.Add(new StringField(field, value, Field.Store.NO));
            lucene.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }

    static Document Withdrawn(string ownerKey, long version) =>
    [
        new StringField(IndexFields.Key, ownerKey, Field.Store.YES),
        new StringField(IndexFields.Owner, ownerKey, Field.Store.YES),
        new StringField(IndexFields.Withdrawn, "true", Field.Store.YES),
        new Int64Field(IndexFields.Version, version, Field.Store.YES),
    ];

    /// <summary>Reads the version of every owner back from the stored documents, so a restart keeps refusing stale events.</summary>
    void LoadHeldVersions()
    {
        var searcher = searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var liveDocs = MultiFields.GetLiveDocs(reader);
            var fields = new HashSet<string> { IndexFields.Owner, IndexFields.Version };
            for (var i = 0; i < reader.MaxDoc; i++)
            {
                if (liveDocs is not null && !liveDocs.Get(i))
                {
                    continue;
                }
                var stored = reader.Document(i, fields);
                var owner = stored.Get(IndexFields.Owner);
                var version = stored.GetField(IndexFields.Version)?.GetInt64Value();
                if (owner is not null && version is long v)
                {
                    heldVersions.AddOrUpdate(owner, v, (_, held) => Math.Max(held, v));
                }
            }
        }
        finally
        {
            searchers.Release(searcher);
        }
    }
}
