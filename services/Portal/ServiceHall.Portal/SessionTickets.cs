using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace ServiceHall.Portal;

/// <summary>
/// A session's ticket (its claims and tokens: with the refresh token about 5 KB, some 8 KB once encrypted) stays on the
/// server and the cookie carries only its key. A cookie that size would ride on every request, stylesheet included,
/// and exceed the 8 KB header line many proxies accept. The store is the distributed cache: in memory by default (one
/// portal process; a restart signs people out), or a shared cache a deployment with several portals registers.
/// </summary>
public sealed class SessionTickets(IDistributedCache cache, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    const string Prefix = "portal-session:";
    readonly IDataProtector protector = protection.CreateProtector("ServiceHall.Portal.SessionTickets");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        // Encrypted like the cookie it replaces: a shared cache holds no readable tokens.
        cache.SetAsync(Prefix + key, protector.Protect(TicketSerializer.Default.Serialize(ticket)),
            new DistributedCacheEntryOptions { AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddHours(8) });

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (await cache.GetAsync(Prefix + key) is not { } stored)
        {
            return null;
        }
        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(stored));
        }
        catch (CryptographicException)
        {
            // Written under keys this process no longer has: the session is over, sign in again.
            return null;
        }
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(Prefix + key);
}

public static class SessionTicketsRegistration
{
    public static IServiceCollection AddSessionTickets(this IServiceCollection services)
    {
        services.AddDistributedMemoryCache();
        services.AddSingleton<SessionTickets>();
        services.AddOptions<CookieAuthenticationOptions>(PortalSignIn.CookieScheme)
            .Configure<SessionTickets>((options, tickets) => options.SessionStore = tickets);
        return services;
    }
}
