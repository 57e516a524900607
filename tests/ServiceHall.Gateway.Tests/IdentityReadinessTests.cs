using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using ServiceHall.Testing;

namespace ServiceHall.Gateway.Tests;

/// <summary>
/// The hall is not ready while sign-in is not: the gateway asks the identity service's own readiness, at the
/// authority it validates tokens against, although it never proxies to it.
/// </summary>
public sealed class IdentityReadinessTests
{
    sealed class Gateway(Uri identity) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Identity:Authority", identity.ToString());
            builder.ConfigureTestServices(TestIdentity.Trust);
        }
    }

    /// <summary>A stand-in identity service on a loopback port whose readiness answers what the test says.</summary>
    static async Task<(WebApplication App, Uri Address)> IdentityAnswering(Func<int> status)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Not the gateway's appsettings (copied next to the tests), whose Kestrel endpoints are the hall's ports.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/health/ready", () => Results.StatusCode(status()));
        await app.StartAsync(TestContext.Current.CancellationToken);
        return (app, new Uri(app.Urls.Single()));
    }

    static async Task<JsonNode> ReadinessAsync(HttpClient gateway)
    {
        // The details (which check failed, and why) are for the supervisor at the public edge.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Authorization = new("Bearer", TestIdentity.Token(TestUser.Supervisor()));
        using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task Readiness_follows_the_identity_service()
    {
        var status = StatusCodes.Status503ServiceUnavailable;
        var (identity, address) = await IdentityAnswering(() => status);
        await using var _ = identity;
        await using var gateway = new Gateway(address);
        var http = gateway.CreateClient();

        var starting = await ReadinessAsync(http);
        Assert.Equal("Unhealthy", (string?)starting["checks"]!["identity"]);
        Assert.Contains("answered 503", (string?)starting["problems"]!["identity"]);

        status = StatusCodes.Status200OK;
        var ready = await ReadinessAsync(http);
        Assert.Equal("Healthy", (string?)ready["checks"]!["identity"]);
    }
}
