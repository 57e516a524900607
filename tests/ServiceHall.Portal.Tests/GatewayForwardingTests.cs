using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

/// <summary>X-Forwarded-Proto/Host/For name the address people use only when the gateway sends them (Portal:TrustedProxies).</summary>
public sealed class GatewayForwardingTests
{
    /// <summary>The address the portal asks the identity service to send the code back to, built from the request's scheme and host.</summary>
    static async Task<string> SignInRedirectUriAsync(PortalHost host)
    {
        using var request = PortalHost.Forwarded("/signin");
        using var response = await host.Browser().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["redirect_uri"].ToString();
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    // The local gateway reaching a portal that listens on every address (http://+:port) through a dual-stack socket.
    [InlineData("::ffff:127.0.0.1")]
    public async Task From_the_local_gateway_the_forwarded_scheme_and_host_are_used(string gateway)
    {
        await using var host = new PortalHost { Caller = IPAddress.Parse(gateway) };

        Assert.Equal($"https://{PortalHost.PublicHost}/signin-oidc", await SignInRedirectUriAsync(host));
    }

    [Theory]
    [InlineData("203.0.113.50")]
    [InlineData("10.1.2.3")]
    public async Task From_anyone_else_the_forwarded_headers_change_nothing(string caller)
    {
        await using var host = new PortalHost { Caller = IPAddress.Parse(caller) };

        Assert.Equal("http://localhost/signin-oidc", await SignInRedirectUriAsync(host));
    }

    [Fact]
    public async Task In_a_cluster_the_gateways_pod_network_is_trusted_instead_of_loopback()
    {
        var cluster = new Dictionary<string, string> { ["Portal:TrustedProxies:0"] = "10.0.0.0/8" };
        await using var fromGateway = new PortalHost { Caller = IPAddress.Parse("10.1.2.3"), Settings = cluster };
        await using var fromLoopback = new PortalHost { Caller = IPAddress.Loopback, Settings = cluster };

        Assert.Equal($"https://{PortalHost.PublicHost}/signin-oidc", await SignInRedirectUriAsync(fromGateway));
        Assert.Equal("http://localhost/signin-oidc", await SignInRedirectUriAsync(fromLoopback));
    }
}
