using Grpc.Core;
using Lucene.Net.Search;
using ServiceHall.Search.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Search;

/// <summary>One search box over the hall's public index: bounded in length, depth and time, whatever is typed.</summary>
public sealed class SearchService(PublicIndex index, IConfiguration configuration) : V1.SearchService.SearchServiceBase
{
    public const int MaxQueryLength = 100;
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;
    /// <summary>Nobody reads past the first pages; deeper paging only costs the index memory and time.</summary>
    public const int MaxDepth = 500;

    readonly TimeSpan timeLimit = configuration.GetValue("Search:TimeLimit", TimeSpan.FromSeconds(1));

    public override Task<SearchResponse> Search(SearchRequest request, ServerCallContext context)
    {
        new FieldErrors().Required("q", request.Q).MaxLength("q", request.Q, MaxQueryLength).ThrowIfAny();
        var paging = Paging.From(request.PageSize == 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize), request.PageToken);
        if (paging.Offset + paging.Size > MaxDepth)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"page_token: only the first {MaxDepth} results are served; refine the query instead"));
        }

        var query = UserQuery.Analyse(index.Analyzer, request.Q);
        if (query.IsEmpty)
        {
            // Only punctuation or stop words: nothing to look for, which is an answer, not an error.
            return Task.FromResult(new SearchResponse());
        }
        var words = query.DistinctWords;
        return Task.FromResult(index.Search(searcher =>
        {
            var top = TopScoreDocCollector.Create(paging.Offset + paging.Size, docsScoredInOrder: true);
            var collector = new TimeLimitingCollector(top, TimeLimitingCollector.GlobalCounter, (long)timeLimit.TotalMilliseconds);
            try
            {
                searcher.Search(query.ToLucene(), collector);
            }
            catch (TimeLimitingCollector.TimeExceededException)
            {
                // What was collected in time is still a useful answer; the count is then a lower bound.
            }
            var response = new SearchResponse { Total = top.TotalHits };
            foreach (var hit in top.GetTopDocs(paging.Offset, paging.Size).ScoreDocs)
            {
                var document = searcher.Doc(hit.Doc);
                response.Hits.Add(new SearchHit
                {
                    Type = document.Get(IndexFields.Type) ?? "",
                    Id = document.Get(IndexFields.Id) ?? "",
                    Title = document.Get(IndexFields.Title) ?? "",
                    Snippet = Snippet.From(index.Analyzer, document.Get(IndexFields.Body) ?? "", words),
                    Url = document.Get(IndexFields.Url) ?? "",
                });
            }
            var hasMore = top.TotalHits > paging.Offset + paging.Size && paging.Offset + 2 * paging.Size <= MaxDepth;
            response.NextPageToken = paging.NextToken(hasMore ? paging.Size + 1 : paging.Size);
            return response;
        }));
    }
}
