using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// HTTPS behind a TLS-terminating ingress: X-Forwarded-Proto and X-Forwarded-For are believed only from the proxies
/// and networks a process is told to trust (Identity:TrustedProxies, Gateway:TrustedProxies; none by default), so nobody else can claim https (and get https
/// endpoints and Secure cookies on plain HTTP) or pose as another client address to the throttles and limits.
/// </summary>
public static class TrustedProxies
{
    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder, IReadOnlyCollection<string> trusted)
    {
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // With no known proxy at all ASP.NET Core would believe the headers from anyone: then none are read.
            o.ForwardedHeaders = trusted.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; here only what the configuration names is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // Walks back through the chain of trusted proxies and stops at the first address that is not one.
            o.ForwardLimit = null;
            foreach (var entry in trusted)
            {
                if (entry.Contains('/'))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    o.KnownProxies.Add(IPAddress.Parse(entry));
                }
            }
        });
        return builder;
    }

    /// <summary>True when each entry is an address (10.0.0.5) or a network (10.0.0.0/8).</summary>
    public static bool AreValid(IEnumerable<string> entries) =>
        entries.All(e => e.Contains('/') ? System.Net.IPNetwork.TryParse(e, out _) : IPAddress.TryParse(e, out _));
}
