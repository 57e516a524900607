using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// What search's last commit holds on disk, read from its index folder beside the running process: what a restart
/// would find, and the documents themselves rather than what queries let through.
/// </summary>
static class CommittedIndex
{
    /// <summary>The stored documents whose <paramref name="field"/> (an index field name: id, owner) is <paramref name="value"/>.</summary>
    public static IReadOnlyList<Document> Find(string folder, string field, string value)
    {
        using var directory = new NIOFSDirectory(new DirectoryInfo(folder));
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        return [.. searcher.Search(new TermQuery(new Term(field, value)), 100).ScoreDocs.Select(d => searcher.Doc(d.Doc))];
    }
}
