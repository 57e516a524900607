using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServiceHall.Testing;

namespace ServiceHall.Portal.Tests;

/// <summary>The session cookie carries a key; the claims and tokens stay on the server, encrypted.</summary>
public sealed class SessionTicketsTests
{
    static AuthenticationTicket Ticket(string subject = DemoCounty.Zhangsan, TimeSpan? lifetime = null)
    {
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.Add(lifetime ?? TimeSpan.FromHours(8)) };
        properties.StoreTokens([new AuthenticationToken { Name = "refresh_token", Value = new string('r', 2800) }]);
        return new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", subject), new Claim("name", "张三")], "oidc")),
            properties, PortalSignIn.CookieScheme);
    }

    static MemoryDistributedCache NewCache() => new(Options.Create(new MemoryDistributedCacheOptions()));

    static SessionTickets Store(IDistributedCache cache, int maxSessionsPerAccount = 5, TimeProvider? clock = null) =>
        new(cache, new EphemeralDataProtectionProvider(), clock ?? TimeProvider.System, new PortalSettings { MaxSessionsPerAccount = maxSessionsPerAccount });

    /// <summary>Signs the account in this many times; the session keys, oldest first.</summary>
    static async Task<List<string>> SignInAsync(SessionTickets tickets, string subject, int times)
    {
        var keys = new List<string>();
        for (var i = 0; i < times; i++)
        {
            keys.Add(await tickets.StoreAsync(Ticket(subject)));
        }
        return keys;
    }

    static async Task<List<string>> HeldAsync(SessionTickets tickets, IEnumerable<string> keys)
    {
        var held = new List<string>();
        foreach (var key in keys)
        {
            if (await tickets.RetrieveAsync(key) is not null)
            {
                held.Add(key);
            }
        }
        return held;
    }

    [Fact]
    public async Task A_stored_ticket_comes_back_whole_under_a_short_key_and_is_gone_once_removed()
    {
        var cache = NewCache();
        var tickets = Store(cache);

        var key = await tickets.StoreAsync(Ticket());
        var back = await tickets.RetrieveAsync(key);

        Assert.InRange(key.Length, 32, 128);
        Assert.Equal("张三", back?.Principal.FindFirst("name")?.Value);
        Assert.Equal(new string('r', 2800), back?.Properties.GetTokenValue("refresh_token"));
        // What the cache holds is encrypted: no token in the clear.
        var stored = System.Text.Encoding.UTF8.GetString((await cache.GetAsync("portal-session:" + key, TestContext.Current.CancellationToken))!);
        Assert.DoesNotContain("rrrrrrrr", stored);

        await tickets.RemoveAsync(key);
        Assert.Null(await tickets.RetrieveAsync(key));
        Assert.Null(await tickets.RetrieveAsync("no-such-key"));
    }

    [Fact]
    public async Task Signing_in_beyond_the_cap_ends_the_accounts_oldest_session_and_no_one_elses()
    {
        var tickets = Store(NewCache(), maxSessionsPerAccount: 3);
        var others = await SignInAsync(tickets, DemoCounty.Lisi, 2);

        var keys = await SignInAsync(tickets, DemoCounty.Zhangsan, 4);

        Assert.Equal(keys[1..], await HeldAsync(tickets, keys));
        Assert.Equal(others, await HeldAsync(tickets, others));
    }

    [Fact]
    public async Task A_session_signed_out_or_past_its_end_no_longer_counts()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tickets = Store(NewCache(), maxSessionsPerAccount: 3, clock);
        var kept = await tickets.StoreAsync(Ticket());
        await tickets.RemoveAsync(await tickets.StoreAsync(Ticket()));
        await tickets.StoreAsync(Ticket(lifetime: TimeSpan.FromMinutes(30)));

        clock.Advance(TimeSpan.FromHours(1));
        var latest = await SignInAsync(tickets, DemoCounty.Zhangsan, 2);

        // Three live sessions: had the signed-out or the ended one counted, the oldest would have gone.
        Assert.Equal([kept, .. latest], await HeldAsync(tickets, [kept, .. latest]));
    }
}
