using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Credit.Data;

namespace ServiceHall.Credit.OpenApi;

/// <summary>
/// Takes one lookup from a client's rate (per minute) and daily quota (per county day), both counted in the credit
/// database with a conditional increment, so several replicas never let a client past its limit
/// (docs/architecture.md, "Credit open API").
/// </summary>
public sealed class LookupQuota(CreditDb db, IOptions<OpenApiSettings> settings, TimeProvider clock)
{
    /// <summary>Null when the lookup may go ahead; otherwise how long the client must wait and why.</summary>
    public async Task<Refusal?> TakeAsync(string clientId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var minute = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var rate = settings.Value.RequestsPerMinuteOf(clientId);
        if (!await TryCountAsync(clientId, ClientUsage.Minute, minute, rate, cancellationToken))
        {
            return new Refusal(minute.AddMinutes(1) - now, $"查询过于频繁：每分钟最多 {rate} 次");
        }
        var (dayStart, nextDay) = CountyDay(now);
        var quota = settings.Value.DailyQuotaOf(clientId);
        if (!await TryCountAsync(clientId, ClientUsage.Day, dayStart, quota, cancellationToken))
        {
            return new Refusal(nextDay - now, $"今日查询次数已用完：每日最多 {quota} 次，北京时间零点重置");
        }
        return null;
    }

    /// <summary>The county day (UTC+8) holding <paramref name="utcNow"/>: its midnight and the next one, in UTC.</summary>
    public static (DateTime Start, DateTime Next) CountyDay(DateTime utcNow)
    {
        var start = CountyClock.Today(utcNow).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
        return (start, start.AddDays(1));
    }

    async Task<bool> TryCountAsync(string clientId, string window, DateTime start, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return false;
        }
        var usage = db.Set<ClientUsage>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var counted = await usage.Where(u => u.ClientId == clientId && u.Window == window && u.WindowStart == start && u.Count < limit)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Count, u => u.Count + 1), cancellationToken);
            if (counted == 1)
            {
                return true;
            }
            if (await usage.AnyAsync(u => u.ClientId == clientId && u.Window == window && u.WindowStart == start, cancellationToken))
            {
                return false;  // the window's count is at the limit
            }
            db.Add(new ClientUsage { ClientId = clientId, Window = window, WindowStart = start, Count = 1 });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                // Another replica opened the window first: count in its row.
                db.ChangeTracker.Clear();
            }
        }
        return false;
    }

    public sealed record Refusal(TimeSpan RetryAfter, string Message)
    {
        /// <summary>Whole seconds, at least one, as the Retry-After header carries them.</summary>
        public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
    }
}
