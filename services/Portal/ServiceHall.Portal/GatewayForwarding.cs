using Microsoft.AspNetCore.HttpOverrides;

namespace ServiceHall.Portal;

/// <summary>
/// The portal sits behind the gateway, which forwards the browser's address in X-Forwarded-For/Proto/Host; with
/// those applied, links and the sign-in redirect_uri name the gateway's address, the one people and the identity
/// provider know, not the portal's own port.
/// </summary>
public static class GatewayForwarding
{
    public static WebApplicationBuilder AddGatewayForwarding(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The defaults trust loopback only; in a cluster the gateway is another pod. The portal is reached only
            // through the gateway (it has no public address of its own), so every caller is the gateway.
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        return builder;
    }
}
