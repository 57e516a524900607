using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace ServiceHall.Bench.SearchScale;

/// <summary>
/// A Lucene index set up as the search service sets up its own: SmartCn, NIOFSDirectory, one IndexWriter,
/// SearcherManager with a ControlledRealTimeReopenThread (1 s max stale, 20 ms min stale); title and body
/// stored and analysed, a title match weighing three times a body match at query time.
/// </summary>
sealed class LuceneSearchIndex : IDisposable
{
    const string Id = "id";
    const string Title = "title";
    const string Body = "body";
    const float TitleBoost = 3f;
    static readonly ISet<string> idOnly = new HashSet<string> { Id };

    readonly NIOFSDirectory directory;
    readonly IndexWriter writer;
    readonly TrackingIndexWriter tracking;
    SearcherManager? searchers;
    ControlledRealTimeReopenThread<IndexSearcher>? reopener;

    public LuceneSearchIndex(string folder, SmartCnSegmenter segmenter)
    {
        Folder = folder;
        // Explicitly NIO: FSDirectory.Open picks MMapDirectory on 64-bit Linux
        // (see docs/decisions/0003-lucene-projection-with-rebuild.md).
        directory = new NIOFSDirectory(new DirectoryInfo(folder));
        writer = new IndexWriter(directory, new IndexWriterConfig(SmartCnSegmenter.Version, segmenter.Analyzer) { OpenMode = OpenMode.CREATE });
        tracking = new TrackingIndexWriter(writer);
    }

    public string Folder { get; }

    /// <summary>Bulk load, as a rebuild would, then one commit; no searcher is open yet, so nothing reopens meanwhile.</summary>
    public void AddAllAndCommit(IEnumerable<SourceDocument> documents)
    {
        foreach (var document in documents)
        {
            writer.AddDocument(ToLucene(document));
        }
        writer.Commit();
    }

    /// <summary>Opens the near-real-time searchers the way the service does; from here on reads see new writes within 1 s.</summary>
    public void OpenSearchers()
    {
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        reopener = new ControlledRealTimeReopenThread<IndexSearcher>(tracking, searchers, targetMaxStaleSec: 1.0, targetMinStaleSec: 0.02)
        {
            IsBackground = true,
            Name = "bench-index-reopen",
        };
        reopener.Start();
    }

    /// <returns>The generation to wait for until the document is searchable.</returns>
    public long Add(SourceDocument document) => tracking.AddDocument(ToLucene(document));

    /// <summary>Tells the reopen thread someone waits (so it reopens after the min stale, not the max) and waits.</summary>
    public void WaitUntilVisible(long generation) => reopener!.WaitForGeneration(generation);

    /// <summary>Bytes of every file in the index folder (the committed segments, as a backup would copy them).</summary>
    public long SizeOnDisk() => new DirectoryInfo(Folder).EnumerateFiles().Sum(f => f.Length);

    /// <summary>Ranked top ten, their ids read from the stored fields as a results page would.</summary>
    /// <returns>How many documents matched.</returns>
    public int Search(BenchQuery query)
    {
        var searcher = searchers!.Acquire();
        try
        {
            var top = searcher.Search(ToLucene(query), 10);
            foreach (var hit in top.ScoreDocs)
            {
                _ = searcher.Doc(hit.Doc, idOnly).Get(Id);
            }
            return top.TotalHits;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public bool Finds(string id)
    {
        var searcher = searchers!.Acquire();
        try
        {
            return searcher.Search(new TermQuery(new Term(Id, id)), 1).TotalHits > 0;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    static Document ToLucene(SourceDocument document) =>
    [
        new StringField(Id, document.Key, Field.Store.YES),
        new TextField(Title, document.Title, Field.Store.YES),
        new TextField(Body, document.Body, Field.Store.YES),
    ];

    /// <summary>As the service builds queries: each word may match title (×3) or body; a phrase likewise.</summary>
    static Query ToLucene(BenchQuery query)
    {
        var boolean = new BooleanQuery();
        if (query.Kind == QueryKind.Phrase)
        {
            boolean.Add(Phrase(Title, query.Words, TitleBoost), Occur.SHOULD);
            boolean.Add(Phrase(Body, query.Words, 1f), Occur.SHOULD);
            return boolean;
        }
        foreach (var word in query.Words)
        {
            boolean.Add(new TermQuery(new Term(Title, word)) { Boost = TitleBoost }, Occur.SHOULD);
            boolean.Add(new TermQuery(new Term(Body, word)), Occur.SHOULD);
        }
        return boolean;
    }

    static PhraseQuery Phrase(string field, IEnumerable<string> words, float boost)
    {
        var phrase = new PhraseQuery { Boost = boost };
        foreach (var word in words)
        {
            phrase.Add(new Term(field, word));
        }
        return phrase;
    }

    public void Dispose()
    {
        reopener?.Dispose();
        searchers?.Dispose();
        // The folder is deleted next: no point in a final commit or in waiting for merges to finish.
        writer.Rollback();
        directory.Dispose();
    }
}
