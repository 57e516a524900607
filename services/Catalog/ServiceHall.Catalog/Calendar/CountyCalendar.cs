using Microsoft.EntityFrameworkCore;
using ServiceHall.Catalog.Data;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog.Calendar;

/// <summary>
/// The county's working-day calendar as deadlines count on it (docs/domain.md §3), read from the catalog's
/// calendar_years and kept in memory. A change made here is seen at once; one made by another replica within
/// <see cref="RefreshAfter"/>, since every replica reads the table again that often.
/// </summary>
public sealed class CountyCalendar(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);

    sealed record Snapshot(WorkingCalendar Calendar, DateTimeOffset ReadAt);

    readonly SemaphoreSlim gate = new(1, 1);
    volatile Snapshot? current;

    public async Task<WorkingCalendar> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh(current) is { } calendar)
        {
            return calendar;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(current) is { } again)
            {
                return again;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
            var years = await db.CalendarYears.AsNoTracking().ToListAsync(cancellationToken);
            var read = WorkingCalendar.From(years.Select(y => y.ToDays()));
            current = new Snapshot(read, clock.GetUtcNow());
            return read;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A year was set: the next deadline counts on the table as it is now.</summary>
    public void Changed() => current = null;

    WorkingCalendar? Fresh(Snapshot? snapshot) =>
        snapshot is not null && clock.GetUtcNow() - snapshot.ReadAt < RefreshAfter ? snapshot.Calendar : null;

    /// <summary>
    /// Adds every year shipped in working-days.json that the table lacks. A year already there is never touched:
    /// an administrator's entry wins over a release's.
    /// </summary>
    public static async Task SeedShippedYearsAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().StoredUtcNow();
        var present = await db.CalendarYears.Select(y => y.Year).ToListAsync(cancellationToken);
        foreach (var year in WorkingCalendar.ShippedYears.Where(y => !present.Contains(y.Year)))
        {
            db.CalendarYears.Add(new CalendarYearRecord
            {
                Year = year.Year,
                Holidays = CalendarYearRecord.Join(year.Holidays),
                AdjustedWorkdays = CalendarYearRecord.Join(year.AdjustedWorkdays),
                Basis = $"国务院办公厅关于{year.Year}年部分节假日安排的通知",
                SetBy = CalendarYearRecord.Shipped,
                SetAt = now,
                Version = 1,
            });
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another replica seeded the same years first; theirs are the same rows.
        }
    }
}
