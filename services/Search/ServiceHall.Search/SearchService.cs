using Microsoft.AspNetCore.Authorization;
using Grpc.Core;
using Lucene.Net.Index;
using Lucene.Net.Search;
using ServiceHall.Search.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Search;

/// <summary>
/// One search box over the hall's public index: bounded in length, depth and time, whatever is typed. A pasted
/// credit code opens its entity; a resident ID number is refused unread; curated best bets lead the first page.
/// </summary>
public sealed class SearchService(PublicIndex index, TitleBook titles, Curation curation, IndexStatus status, IConfiguration configuration, TimeProvider clock)
    : V1.SearchService.SearchServiceBase
{
    public const int MaxQueryLength = 100;
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;
    /// <summary>Nobody reads past the first pages; deeper paging only costs the index memory and time.</summary>
    public const int MaxDepth = 500;
    public const int MaxPinned = 3;

    readonly TimeSpan timeLimit = configuration.GetValue("Search:TimeLimit", TimeSpan.FromSeconds(1));

    static bool IsStaff(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasRole(HallRoles.Officer) || user.HasRole(HallRoles.Supervisor) || user.HasRole(HallRoles.Administrator);

    /// <summary>The county's date, yyyy-MM-dd: documents whose publicity ended before it are never served.</summary>
    string Today() => CountyClock.Today(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public override Task<SearchResponse> Search(SearchRequest request, ServerCallContext context)
    {
        var filters = CheckRequest(request);
        if (request.Explain && !IsStaff(context.GetHttpContext().User))
        {
            // The scoring shows the ranking's weights and curation: for the people who tune it, not for everyone.
            throw new FieldErrors(SearchRequest.Descriptor).Add("explain", "只对工作人员开放；请用工作人员账号登录").Refusal(StatusCode.PermissionDenied);
        }
        var paging = Paging.From(request.PageSize == 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize), request.PageToken, SearchRequest.Descriptor);
        if (paging.Offset + paging.Size > MaxDepth)
        {
            throw new FieldErrors(SearchRequest.Descriptor).Add("page_token", $"只提供前{MaxDepth}条结果；请换用更具体的搜索词").Refusal();
        }

        var pasted = CreditCode.Normalize(request.Q.Replace(" ", "", StringComparison.Ordinal));
        if (pasted.Length == CreditCode.Length && CreditCode.IsValid(pasted))
        {
            return Task.FromResult(OpenEntity(pasted));
        }

        var query = UserQuery.Analyse(index.Chinese, request.Q);
        var response = new SearchResponse { IndexStatus = status.Describe() };
        if (query.IsEmpty)
        {
            // Only punctuation or stop words: nothing to look for, which is an answer, not an error.
            return Task.FromResult(response);
        }
        var corrected = titles.Correct(query);
        response.DidYouMean = corrected ?? "";
        // A mistyped word and typed pinyin are both searched as the words they stand for, beside what was typed.
        var alsoMeant = corrected ?? titles.FromPinyin(query);
        var correctedQuery = alsoMeant is null ? null : UserQuery.Analyse(index.Chinese, alsoMeant);
        Query text = correctedQuery is null
            ? query.ToLucene()
            : new BooleanQuery { { query.ToLucene(), Occur.SHOULD }, { correctedQuery.ToLucene(), Occur.SHOULD } };
        var marked = correctedQuery is null ? query.MarkedWords : query.MarkedWords.Union(correctedQuery.MarkedWords).ToHashSet(StringComparer.Ordinal);

        var today = Today();
        return Task.FromResult(index.Search(searcher =>
        {
            var pinned = Pinned(searcher, request.Q, filters, today);
            var ranked = new BooleanQuery { { FacetCounts.Filtered(new RankingQuery(text), filters, today), Occur.MUST } };
            foreach (var key in curation.PinnedFor(request.Q))
            {
                ranked.Add(new PrefixQuery(new Term(IndexFields.StableKey, key)), Occur.MUST_NOT);
            }
            var demoted = curation.DemotedFor(request.Q);
            var top = TopScoreDocCollector.Create(paging.Offset + paging.Size + demoted.Count * 5 + 1, docsScoredInOrder: true);
            var collector = new TimeLimitingCollector(top, TimeLimitingCollector.GlobalCounter, (long)timeLimit.TotalMilliseconds);
            try
            {
                searcher.Search(ranked, collector);
            }
            catch (TimeLimitingCollector.TimeExceededException)
            {
                // What was collected in time is still a useful answer; the count is then a lower bound.
            }
            var scored = top.GetTopDocs().ScoreDocs;
            // Demotions go after every other hit of the window, in their own order.
            var ordered = scored.Where(d => !IsDemoted(searcher, d.Doc, demoted)).Concat(scored.Where(d => IsDemoted(searcher, d.Doc, demoted))).ToList();
            response.Total = top.TotalHits + pinned.Count;
            // Best bets lead the first page and push the ranked hits down by as many places on every page.
            var page = (paging.Offset == 0 ? pinned : []).Select(d => (Doc: d, Pinned: true))
                .Concat(ordered.Skip(Math.Max(0, paging.Offset - pinned.Count)).Select(d => (Doc: d.Doc, Pinned: false)))
                .Take(paging.Size);
            // Rewritten once (fuzzy pinyin expanded), so explaining each hit does not expand it again.
            var rewritten = searcher.Rewrite(ranked);
            // The scoring's reasons have a time cap of their own, like the ranking and each facet.
            var explaining = System.Diagnostics.Stopwatch.StartNew();
            foreach (var (doc, isPinned) in page)
            {
                response.Hits.Add(Hit(searcher, rewritten, doc, isPinned, marked, request.Explain, explaining.Elapsed < timeLimit));
            }
            var hasMore = top.TotalHits > paging.Offset + paging.Size && paging.Offset + 2 * paging.Size <= MaxDepth;
            response.NextPageToken = paging.NextToken(hasMore ? paging.Size + 1 : paging.Size);
            response.Facets.AddRange(FacetCounts.Count(searcher, text, filters, today, timeLimit));
            return response;
        }));
    }

    public override Task<SuggestResponse> Suggest(SuggestRequest request, ServerCallContext context)
    {
        new FieldErrors(SuggestRequest.Descriptor).MaxLength("q", request.Q, MaxQueryLength).ThrowIfAny();
        if (request.Limit is < 0 or > 10)
        {
            throw new FieldErrors(SuggestRequest.Descriptor).Add("limit", "须为1至10（0表示默认的8条）").Refusal();
        }
        var typed = request.Q.Trim();
        var response = new SuggestResponse();
        if (typed.Length == 0 || PersonalNumbers.ContainsResidentId(typed) || curation.DoNotSuggest.Any(typed.Contains))
        {
            return Task.FromResult(response);
        }
        var today = Today();
        var letters = typed.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        var byLetters = letters.All(char.IsAsciiLetter);
        bool Leads(TitleBook.Entry t) => byLetters
            ? t.Pinyin.StartsWith(letters, StringComparison.Ordinal) || t.Initials.StartsWith(letters, StringComparison.Ordinal)
            : t.Title.StartsWith(typed, StringComparison.Ordinal);
        // Letters may start any word of the title ("gjj" for 住房公积金提取), once three are typed.
        bool Inside(TitleBook.Entry t) => byLetters
            ? letters.Length >= 3 && (t.Pinyin.Contains(letters, StringComparison.Ordinal) || t.Initials.Contains(letters, StringComparison.Ordinal))
            : t.Title.Contains(typed, StringComparison.Ordinal);
        response.Suggestions.AddRange(titles.Titles
            .Where(t => Leads(t) || Inside(t))
            .Where(t => !curation.DoNotSuggest.Any(t.Title.Contains))
            .Where(t => t.PublicUntil.Length == 0 || string.CompareOrdinal(t.PublicUntil, today) >= 0)
            .OrderByDescending(Leads)
            .ThenByDescending(t => t.Popularity).ThenBy(t => t.Title.Length).ThenBy(t => t.Title, StringComparer.Ordinal)
            .DistinctBy(t => t.Title)
            .Take(request.Limit == 0 ? 8 : request.Limit)
            .Select(t => new Suggestion { Text = t.Title, Type = IndexWords.Type(t.Type), Url = t.Url }));
        return Task.FromResult(response);
    }

    /// <summary>Validates everything before the index is touched; returns the facet filters asked for.</summary>
    static Dictionary<string, string> CheckRequest(SearchRequest request)
    {
        var errors = new FieldErrors(SearchRequest.Descriptor).Required("q", request.Q).MaxLength("q", request.Q, MaxQueryLength)
            .MaxLength("department", request.Department, 100).MaxLength("theme", request.Theme, 50);
        if (PersonalNumbers.ContainsResidentId(request.Q))
        {
            // Not echoed: the number must not travel further than this refusal.
            errors.Add("q", "含有居民身份证号码；本网站不搜索个人证件号码");
        }
        // Transcoding refuses a name no value has; a gRPC client may still send an unknown number.
        if (!Enum.IsDefined(request.Type))
        {
            errors.Add("type", $"{(int)request.Type} 不是可搜索的类别");
        }
        if (!Enum.IsDefined(request.Sector))
        {
            errors.Add("sector", $"{(int)request.Sector} 不是行业");
        }
        if (!Enum.IsDefined(request.OnlineDepth))
        {
            errors.Add("online_depth", $"{(int)request.OnlineDepth} 不在1至4之间（0表示不限）");
        }
        errors.ThrowIfAny();
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        void Filter(string field, string value)
        {
            if (value.Length > 0)
            {
                filters[field] = value;
            }
        }
        Filter(IndexFields.Type, IndexWords.Of(request.Type));
        Filter(IndexFields.Department, request.Department);
        Filter(IndexFields.Theme, request.Theme);
        Filter(IndexFields.Sector, IndexWords.Of(request.Sector));
        Filter(IndexFields.OnlineDepth, IndexWords.Of(request.OnlineDepth));
        return filters;
    }

    /// <summary>A valid credit code goes straight to its entity: the answer names it and where to open it.</summary>
    SearchResponse OpenEntity(string code)
    {
        var response = new SearchResponse { RedirectUrl = $"/api/credit/entities/{code}", IndexStatus = status.Describe() };
        index.Search(searcher =>
        {
            var top = searcher.Search(new BooleanQuery
            {
                { new TermQuery(new Term(IndexFields.StableKey, code)), Occur.MUST },
                { new TermQuery(new Term(IndexFields.Type, Projections.EntityType)), Occur.MUST },
            }, 1);
            foreach (var hit in top.ScoreDocs)
            {
                var document = searcher.Doc(hit.Doc);
                response.Hits.Add(new SearchHit
                {
                    Type = DocumentType.Entity, Id = document.Get(IndexFields.Id) ?? "", Title = document.Get(IndexFields.Title) ?? "",
                    Url = document.Get(IndexFields.Url) ?? "", Why = { "统一社会信用代码" },
                });
            }
            response.Total = top.TotalHits;
            return 0;
        });
        return response;
    }

    List<int> Pinned(IndexSearcher searcher, string q, IReadOnlyDictionary<string, string> filters, string today)
    {
        var keys = curation.PinnedFor(q);
        if (keys.Count == 0)
        {
            return [];
        }
        var pinned = new List<int>();
        foreach (var key in keys)
        {
            var found = searcher.Search(FacetCounts.Filtered(new PrefixQuery(new Term(IndexFields.StableKey, key)), filters, today), MaxPinned);
            pinned.AddRange(found.ScoreDocs.Select(d => d.Doc).Where(d => !pinned.Contains(d)));
        }
        return pinned.Take(MaxPinned).ToList();
    }

    static bool IsDemoted(IndexSearcher searcher, int doc, IReadOnlyList<string> demoted) =>
        demoted.Count > 0 && searcher.Doc(doc, new HashSet<string> { IndexFields.StableKey }).Get(IndexFields.StableKey) is { } key
        && demoted.Any(d => key.StartsWith(d, StringComparison.Ordinal));

    /// <param name="inTime">False once the time budget is spent: the hit then goes without the scoring's reasons.</param>
    SearchHit Hit(IndexSearcher searcher, Query ranked, int doc, bool pinned, IReadOnlySet<string> marked, bool explain, bool inTime)
    {
        var document = searcher.Doc(doc);
        var snippet = Snippet.From(index.Chinese, document.Get(IndexFields.Body) ?? "", marked);
        var hit = new SearchHit
        {
            Type = IndexWords.Type(document.Get(IndexFields.Type) ?? ""),
            Id = document.Get(IndexFields.Id) ?? "",
            Title = document.Get(IndexFields.Title) ?? "",
            Snippet = snippet,
            Url = document.Get(IndexFields.Url) ?? "",
            Pinned = pinned,
        };
        hit.Highlights.AddRange(Snippet.Highlights(index.Chinese, snippet, marked));
        if (pinned)
        {
            hit.Why.Add("推荐");
        }
        if (!inTime)
        {
            return hit;
        }
        var explanation = searcher.Explain(ranked, doc);
        hit.Why.AddRange(HitSignals.From(explanation));
        if (explain)
        {
            hit.Explanation = explanation.ToString();
        }
        return hit;
    }
}
