using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using static ServiceHall.Portal.Tests.Pages;
using ServiceHall.Testing;

namespace ServiceHall.Portal.Tests;

/// <summary>The session renews its short-lived access token with the refresh token, before a page needs it.</summary>
public sealed class SessionTokenRefreshTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);

    sealed class TokenEndpoint(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public List<Dictionary<string, string>> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = await request.Content!.ReadAsStringAsync(cancellationToken);
            Requests.Add(form.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1])));
            return new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        }
    }

    sealed class Monitor(OpenIdConnectOptions options) : IOptionsMonitor<OpenIdConnectOptions>
    {
        public OpenIdConnectOptions CurrentValue => options;
        public OpenIdConnectOptions Get(string? name) => options;
        public IDisposable? OnChange(Action<OpenIdConnectOptions, string?> listener) => null;
    }

    static async Task<CookieValidatePrincipalContext> ValidateAsync(TokenEndpoint endpoint, TimeSpan expiresIn)
    {
        var configuration = new OpenIdConnectConfiguration { TokenEndpoint = "http://identity.test/connect/token" };
        var options = new OpenIdConnectOptions
        {
            ClientId = "servicehall-portal", ClientSecret = "portal-demo-secret", Backchannel = new HttpClient(endpoint),
            ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration),
        };
        var services = new ServiceCollection().AddLogging().AddAuthentication().AddCookie().Services.BuildServiceProvider();
        var properties = new AuthenticationProperties();
        properties.StoreTokens([
            new AuthenticationToken { Name = "access_token", Value = "a1" },
            new AuthenticationToken { Name = "refresh_token", Value = "r1" },
            new AuthenticationToken { Name = "expires_at", Value = Now.Add(expiresIn).ToString("o", CultureInfo.InvariantCulture) },
        ]);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", DemoCounty.Zhangsan)], "cookie")), properties, PortalSignIn.CookieScheme);
        var context = new CookieValidatePrincipalContext(new DefaultHttpContext { RequestServices = services },
            new AuthenticationScheme(PortalSignIn.CookieScheme, null, typeof(CookieAuthenticationHandler)), new CookieAuthenticationOptions(), ticket);
        var refresh = new SessionTokenRefresh(new Monitor(options), new FakeTimeProvider(Now), NullLogger<SessionTokenRefresh>.Instance);
        await refresh.ValidatePrincipal(context);
        return context;
    }

    [Fact]
    public async Task A_token_about_to_expire_is_renewed_with_the_refresh_token()
    {
        var endpoint = new TokenEndpoint(HttpStatusCode.OK, """{"access_token":"a2","refresh_token":"r2","expires_in":600,"token_type":"Bearer"}""");

        var context = await ValidateAsync(endpoint, TimeSpan.FromSeconds(30));

        var sent = Assert.Single(endpoint.Requests);
        Assert.Equal(("refresh_token", "r1", "servicehall-portal"), (sent["grant_type"], sent["refresh_token"], sent["client_id"]));
        Assert.Equal("a2", context.Properties.GetTokenValue("access_token"));
        Assert.Equal("r2", context.Properties.GetTokenValue("refresh_token"));
        Assert.Equal(Now.AddSeconds(600), DateTimeOffset.Parse(context.Properties.GetTokenValue("expires_at")!, CultureInfo.InvariantCulture));
        Assert.True(context.ShouldRenew);
        Assert.NotNull(context.Principal);
    }

    [Fact]
    public async Task A_token_with_time_left_is_not_refreshed()
    {
        var endpoint = new TokenEndpoint(HttpStatusCode.OK, "{}");

        var context = await ValidateAsync(endpoint, TimeSpan.FromMinutes(5));

        Assert.Empty(endpoint.Requests);
        Assert.Equal("a1", context.Properties.GetTokenValue("access_token"));
        Assert.False(context.ShouldRenew);
    }

    [Fact]
    public async Task A_refused_refresh_ends_the_session()
    {
        var endpoint = new TokenEndpoint(HttpStatusCode.BadRequest, """{"error":"invalid_grant"}""");

        var context = await ValidateAsync(endpoint, TimeSpan.FromSeconds(-5));

        Assert.Single(endpoint.Requests);
        Assert.Null(context.Principal);
    }
}
