using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace ServiceHall.Search;

/// <summary>
/// The text score times the signals that are not text: popularity (yearly cases of an item, from curation) on a
/// log scale, so a busy service outranks a rare one of equal words without burying it; and age for notices, which
/// halve in weight every <see cref="NoticeHalfLifeDays"/> days. Guides do not age.
/// </summary>
public sealed class RankingQuery(Query text) : CustomScoreQuery(text)
{
    public const double PopularityWeight = 0.15;
    public const double NoticeHalfLifeDays = 90;

    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) => new Provider(context);

    sealed class Provider(AtomicReaderContext context) : CustomScoreProvider(context)
    {
        readonly NumericDocValues? popularity = context.AtomicReader.GetNumericDocValues(IndexFields.Popularity);
        readonly NumericDocValues? noticeDay = context.AtomicReader.GetNumericDocValues(IndexFields.NoticeDay);
        readonly long today = DateTime.UtcNow.Ticks / TimeSpan.TicksPerDay;

        public override float CustomScore(int doc, float subQueryScore, float valSrcScore)
        {
            var factor = 1.0 + PopularityWeight * Math.Log10(1 + (popularity?.Get(doc) ?? 0));
            if (noticeDay?.Get(doc) is > 0 and var day)
            {
                factor *= Math.Pow(0.5, Math.Max(0, today - day) / NoticeHalfLifeDays);
            }
            return (float)(subQueryScore * factor);
        }

        public override Explanation CustomExplain(int doc, Explanation subQueryExpl, Explanation[] valSrcExpls) =>
            CustomExplain(doc, subQueryExpl, valSrcExpl: null!);

        public override Explanation CustomExplain(int doc, Explanation subQueryExpl, Explanation valSrcExpl)
        {
            var score = CustomScore(doc, subQueryExpl.Value, 1);
            var explanation = new Explanation(score, "ranking: text score × popularity × notice age");
            explanation.AddDetail(subQueryExpl);
            explanation.AddDetail(new Explanation(popularity?.Get(doc) ?? 0, "popularity (cases per year)"));
            return explanation;
        }
    }
}
