using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace ServiceHall.Portal;

/// <summary>
/// The sessions each account holds, listed in the cache beside their tickets ("portal-account:{sub}": each session's
/// key with when it began and ends), so one account stays within Portal:MaxSessionsPerAccount. The keys open nothing
/// by themselves: a session cookie carries its key only inside the portal's data protection.
/// </summary>
/// <remarks>
/// Updates are serialised within this process. Portals sharing one cache each serialise only their own: two sign-ins
/// of one account at the same moment on two portals may read the same list, and the later write drops the other's
/// new session from it. That session then goes uncounted until it ends (at most a working day), one over the cap.
/// Acceptable: the cap bounds how many sessions pile up, it is no exact count, and it takes one account signing in
/// twice within the few milliseconds between reading and writing its list, on two replicas. A lock across replicas
/// would need a cache with transactions, which IDistributedCache does not offer.
/// </remarks>
public sealed class AccountSessions(IDistributedCache cache, TimeProvider clock, int cap)
{
    const string Prefix = "portal-account:";
    readonly SemaphoreSlim updates = new(1, 1);

    public sealed record Session(string Key, DateTimeOffset Began, DateTimeOffset Ends);

    /// <summary>Lists a new session of the account; returns the keys of its oldest sessions beyond the cap, to be ended.</summary>
    public Task<IReadOnlyList<string>> AddAsync(string subject, string key, DateTimeOffset ends) =>
        UpdateAsync(subject, sessions =>
        {
            sessions.Add(new Session(key, clock.GetUtcNow(), ends));
            // The oldest beyond the cap end (of sessions begun at the same instant, the one listed first).
            var ended = sessions.OrderBy(s => s.Began).Take(sessions.Count - cap).Select(s => s.Key).ToList();
            sessions.RemoveAll(s => ended.Contains(s.Key));
            return ended;
        });

    /// <summary>Takes an ended session (signed out, refused at refresh) off its account's list.</summary>
    public Task RemoveAsync(string subject, string key) =>
        UpdateAsync(subject, sessions =>
        {
            sessions.RemoveAll(s => s.Key == key);
            return [];
        });

    async Task<IReadOnlyList<string>> UpdateAsync(string subject, Func<List<Session>, IReadOnlyList<string>> change)
    {
        await updates.WaitAsync();
        try
        {
            var sessions = await ReadAsync(subject);
            // Sessions past their end are gone from the cache (it dropped their tickets): they no longer count.
            sessions.RemoveAll(s => s.Ends <= clock.GetUtcNow());
            var ended = change(sessions);
            if (sessions.Count == 0)
            {
                await cache.RemoveAsync(Prefix + subject);
            }
            else
            {
                // The list lives as long as the account's last session.
                await cache.SetAsync(Prefix + subject, JsonSerializer.SerializeToUtf8Bytes(sessions),
                    new DistributedCacheEntryOptions { AbsoluteExpiration = sessions.Max(s => s.Ends) });
            }
            return ended;
        }
        finally
        {
            updates.Release();
        }
    }

    async Task<List<Session>> ReadAsync(string subject) =>
        await cache.GetAsync(Prefix + subject) is { } stored ? JsonSerializer.Deserialize<List<Session>>(stored) ?? [] : [];
}
