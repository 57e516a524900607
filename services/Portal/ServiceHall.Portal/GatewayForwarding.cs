using Microsoft.AspNetCore.HttpOverrides;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Portal;

/// <summary>
/// The portal sits behind the gateway, which forwards the browser's address in X-Forwarded-For/Proto/Host; with
/// those applied, links and the sign-in redirect_uri name the gateway's address, the one people and the identity
/// provider know, not the portal's own port. Believed only from Portal:TrustedProxies: anyone else who reaches the
/// portal directly (another pod, a port left open) could otherwise have it write a host of their choosing into its
/// links and redirects, claim https, or pose as another browser's address in the logs.
/// </summary>
public static class GatewayForwarding
{
    public static WebApplicationBuilder AddGatewayForwarding(this WebApplicationBuilder builder, PortalSettings settings) =>
        // A loopback address the gateway reaches through a dual-stack socket (::ffff:127.0.0.1) is matched as its IPv4
        // address by ASP.NET Core itself.
        builder.AddTrustedProxies(settings.TrustedProxies,
            ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
}
