using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// HTTPS behind a TLS-terminating ingress: X-Forwarded-Proto and X-Forwarded-For are believed only from the proxies
/// and networks a process is told to trust (Identity:TrustedProxies, Gateway:TrustedProxies, none by default;
/// Portal:TrustedProxies, the gateway), so nobody else can claim https (and get https endpoints and Secure cookies
/// on plain HTTP), pose as another client address to the throttles and limits, or name the host links point to.
/// </summary>
public static class TrustedProxies
{
    /// <param name="headers">What the proxies forward: scheme and client address, and the host too where links must name the proxy's.</param>
    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder, IReadOnlyCollection<string> trusted,
        ForwardedHeaders headers = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto)
    {
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // With no known proxy at all ASP.NET Core would believe the headers from anyone: then none are read.
            o.ForwardedHeaders = trusted.Count == 0 ? ForwardedHeaders.None : headers;
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
    static bool AreValid(IEnumerable<string> entries) =>
        entries.All(e => e.Contains('/') ? System.Net.IPNetwork.TryParse(e, out _) : IPAddress.TryParse(e, out _));

    /// <summary>Refuses to start on an entry that is neither, naming the setting to fix.</summary>
    public static void Validate(string setting, IReadOnlyCollection<string> entries)
    {
        if (!AreValid(entries))
        {
            throw new InvalidOperationException($"{setting} holds addresses (10.0.0.5) or networks (10.0.0.0/8), not '{string.Join(", ", entries)}'");
        }
    }
}
