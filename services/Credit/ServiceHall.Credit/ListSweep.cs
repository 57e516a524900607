using System.Linq.Expressions;
using ServiceHall.Credit.Data;

namespace ServiceHall.Credit;

/// <summary>
/// Takes credit list entries off their public list on their date out: an entity whose last announcement showed an
/// entry whose date out has come since is announced again, so search and the entity's page follow. Every
/// Credit:ListSweep:Interval (default one hour); how it runs is <see cref="EntityAnnouncementSweep"/>.
/// </summary>
public sealed class ListSweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ListSweep> logger)
    : EntityAnnouncementSweep(scopes, clock, configuration.GetValue(IntervalKey, TimeSpan.FromHours(1)), logger)
{
    public const string IntervalKey = "Credit:ListSweep:Interval";

    protected override string Name => "list sweep";

    protected override Expression<Func<MarketEntity, bool>> Due(DateOnly today) => MarketEntity.ListEntryEndedSinceAnnounced(today);
}
