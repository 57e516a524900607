namespace ServiceHall.Credit.Data;

/// <summary>The entity's credit list entries (<see cref="CreditListEntry"/>).</summary>
public sealed partial class MarketEntity
{
    public List<CreditListEntry> ListEntries { get; init; } = [];

    /// <summary>An entity whose last announcement showed a list entry whose date out has come since (<see cref="ListSweep"/>).</summary>
    public static System.Linq.Expressions.Expression<Func<MarketEntity, bool>> ListEntryEndedSinceAnnounced(DateOnly today) =>
        e => e.ListEntries.Any(l => l.DateOut > e.AnnouncedOn && l.DateOut <= today);

    public void AddListEntry(CreditListEntry entry)
    {
        ListEntries.Add(entry);
        Version++;
    }
}
