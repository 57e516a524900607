using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ServiceHall.Testing;

namespace ServiceHall.Portal.Tests;

/// <summary>The session cookie carries a key; the claims and tokens stay on the server, encrypted.</summary>
public sealed class SessionTicketsTests
{
    static AuthenticationTicket Ticket()
    {
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(8) };
        properties.StoreTokens([new AuthenticationToken { Name = "refresh_token", Value = new string('r', 2800) }]);
        return new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", DemoCounty.Zhangsan), new Claim("name", "张三")], "oidc")),
            properties, PortalSignIn.CookieScheme);
    }

    [Fact]
    public async Task A_stored_ticket_comes_back_whole_under_a_short_key_and_is_gone_once_removed()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var tickets = new SessionTickets(cache, new EphemeralDataProtectionProvider(), TimeProvider.System);

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
}
