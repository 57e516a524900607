using System.Collections.Concurrent;
using System.Net;

namespace ServiceHall.Identity.Account;

/// <summary>
/// Slows password guessing without locking anybody out. Failures are counted per account and client address, and
/// per client address alone; past the free failures each further try must wait twice as long as the one before
/// (1 s, 2 s, 4 s … capped). A try that comes too early is refused without checking the password, and answered
/// like a wrong password. Nothing is counted per account alone: an attacker hammering an account from elsewhere
/// cannot keep its owner out. Unknown names are counted like real ones, so the throttle tells nobody which exist.
/// Kept in memory: a restart forgives, and each replica counts for itself.
/// </summary>
public sealed class SignInThrottle(IdentitySettings settings, TimeProvider clock)
{
    /// <summary>Entries kept at most; beyond this the idle ones go first, so a flood of names cannot exhaust memory.</summary>
    const int MaxEntries = 100_000;

    readonly ConcurrentDictionary<string, Failures> counts = new(StringComparer.Ordinal);

    sealed record Failures(int Count, DateTimeOffset Last);

    /// <summary>True when this account may not be tried from this address yet.</summary>
    public bool MustWait(string userName, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        return Waiting(PairKey(userName, address), settings.SignInFreeFailures, now)
            || Waiting(AddressKey(address), settings.SignInFreeFailuresPerAddress, now);
    }

    public void Failed(string userName, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        Count(PairKey(userName, address), now);
        Count(AddressKey(address), now);
        if (counts.Count > MaxEntries)
        {
            Forget(now);
        }
    }

    /// <summary>The right password from this address: its count for the account starts again (the address's own stays).</summary>
    public void Succeeded(string userName, IPAddress? address) => counts.TryRemove(PairKey(userName, address), out _);

    /// <summary>The wait after <paramref name="count"/> failures: none up to the free ones, then 1 s doubling up to the cap.</summary>
    public TimeSpan Delay(int count, int free)
    {
        if (count < free)
        {
            return TimeSpan.Zero;
        }
        var seconds = Math.Pow(2, Math.Min(count - free, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, settings.SignInMaxDelay.TotalSeconds));
    }

    bool Waiting(string key, int free, DateTimeOffset now) =>
        counts.TryGetValue(key, out var failures) && !Forgotten(failures, now) && now < failures.Last + Delay(failures.Count, free);

    void Count(string key, DateTimeOffset now) =>
        counts.AddOrUpdate(key, _ => new Failures(1, now), (_, f) => Forgotten(f, now) ? new Failures(1, now) : new Failures(f.Count + 1, now));

    bool Forgotten(Failures failures, DateTimeOffset now) => now - failures.Last > settings.SignInMaxDelay * 4;

    void Forget(DateTimeOffset now)
    {
        foreach (var (key, failures) in counts)
        {
            if (Forgotten(failures, now) || now - failures.Last > settings.SignInMaxDelay)
            {
                counts.TryRemove(key, out _);
            }
        }
    }

    static string PairKey(string userName, IPAddress? address) =>
        $"{userName.Trim().ToUpperInvariant()}\n{Source(address)}";

    static string AddressKey(IPAddress? address) => Source(address);

    /// <summary>An IPv6 client is counted by its /64 network: one host is usually given a whole /64 to pick from.</summary>
    public static string Source(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }
}
