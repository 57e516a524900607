using System.Linq.Expressions;
using ServiceHall.Credit.Data;

namespace ServiceHall.Credit;

/// <summary>
/// Takes penalties out of public view when their publicity period (公示期) ends: an entity whose last announcement
/// showed a penalty that has ended since is announced again, without it, so search drops it. Every
/// Credit:PublicitySweep:Interval (default one hour); how it runs is <see cref="EntityAnnouncementSweep"/>.
/// </summary>
public sealed class PublicitySweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<PublicitySweep> logger)
    : EntityAnnouncementSweep(scopes, clock, configuration.GetValue(IntervalKey, TimeSpan.FromHours(1)), logger)
{
    public const string IntervalKey = "Credit:PublicitySweep:Interval";

    protected override string Name => "publicity sweep";

    protected override Expression<Func<MarketEntity, bool>> Due(DateOnly today) => MarketEntity.PublicityEndedSinceAnnounced(today);
}
