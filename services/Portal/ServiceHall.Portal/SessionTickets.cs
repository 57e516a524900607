using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Portal;

/// <summary>
/// A session's ticket (its claims and tokens: with the refresh token about 5 KB, some 8 KB once encrypted) stays on the
/// server and the cookie carries only its key. A cookie that size would ride on every request, stylesheet included,
/// and exceed the 8 KB header line many proxies accept. The store is the distributed cache: in memory by default (one
/// portal process; a restart signs people out), or a shared cache a deployment with several portals registers.
/// One account holds at most Portal:MaxSessionsPerAccount sessions (<see cref="AccountSessions"/>): signing in once
/// more ends its oldest, so sessions forgotten on shared computers, or stolen, do not pile up for hours.
/// </summary>
public sealed class SessionTickets(IDistributedCache cache, IDataProtectionProvider protection, TimeProvider clock, PortalSettings settings) : ITicketStore
{
    const string Prefix = "portal-session:";
    readonly IDataProtector protector = protection.CreateProtector("ServiceHall.Portal.SessionTickets");
    readonly AccountSessions accounts = new(cache, clock, settings.MaxSessionsPerAccount);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        if (ticket.Principal.Subject() is { Length: > 0 } subject)
        {
            // Its browser is signed out at its next request: the cookie's key finds no ticket.
            foreach (var ended in await accounts.AddAsync(subject, key, Expiry(ticket)))
            {
                await cache.RemoveAsync(Prefix + ended);
            }
        }
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        // Encrypted like the cookie it replaces: a shared cache holds no readable tokens.
        cache.SetAsync(Prefix + key, protector.Protect(TicketSerializer.Default.Serialize(ticket)),
            new DistributedCacheEntryOptions { AbsoluteExpiration = Expiry(ticket) });

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

    public async Task RemoveAsync(string key)
    {
        // The key alone does not say whose session it was; the ticket does (signing out is rare, one read is cheap).
        var subject = (await RetrieveAsync(key))?.Principal.Subject();
        await cache.RemoveAsync(Prefix + key);
        if (subject is { Length: > 0 })
        {
            await accounts.RemoveAsync(subject, key);
        }
    }

    DateTimeOffset Expiry(AuthenticationTicket ticket) => ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddHours(8);
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
