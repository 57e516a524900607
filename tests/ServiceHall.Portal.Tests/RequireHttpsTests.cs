using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

/// <summary>Outside the local hall (Portal:RequireHttps, default true) the session and sign-in cookies go only over HTTPS, with HSTS.</summary>
public sealed class RequireHttpsTests
{
    /// <summary>Starting to sign in: the correlation and nonce cookies it sets, and the HSTS header, if any.</summary>
    static async Task<(List<string> Cookies, string? Hsts)> StartSignInAsync(PortalHost host, bool overHttps)
    {
        using var request = overHttps ? PortalHost.Forwarded("/signin") : new HttpRequestMessage(HttpMethod.Get, "/signin");
        using var response = await host.Browser().SendAsync(request, Ct);
        var hsts = response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? values.Single() : null;
        return (response.Headers.GetValues("Set-Cookie").ToList(), hsts);
    }

    static CookieSecurePolicy SessionCookiePolicy(PortalHost host) =>
        host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(PortalSignIn.CookieScheme).Cookie.SecurePolicy;

    static CookieSecurePolicy AntiforgeryCookiePolicy(PortalHost host) =>
        host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>().Value.Cookie.SecurePolicy;

    [Fact]
    public async Task By_default_the_cookies_are_secure_even_on_plain_http_and_https_answers_carry_hsts()
    {
        // The shipped default, which the test host otherwise turns off for its plain-HTTP pages.
        await using var host = new PortalHost { Settings = new() { ["Portal:RequireHttps"] = "true" } };

        var (httpsCookies, hsts) = await StartSignInAsync(host, overHttps: true);
        var (httpCookies, _) = await StartSignInAsync(host, overHttps: false);

        Assert.Contains("max-age=", hsts);
        Assert.Equal(2, httpsCookies.Count);
        Assert.All(httpsCookies.Concat(httpCookies), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(CookieSecurePolicy.Always, SessionCookiePolicy(host));
        Assert.Equal(CookieSecurePolicy.Always, AntiforgeryCookiePolicy(host));
    }

    [Fact]
    public async Task For_the_local_hall_the_cookies_follow_the_request_and_there_is_no_hsts()
    {
        await using var host = new PortalHost { Settings = new() { ["Portal:RequireHttps"] = "false" } };

        var (httpsCookies, hsts) = await StartSignInAsync(host, overHttps: true);
        var (httpCookies, _) = await StartSignInAsync(host, overHttps: false);

        Assert.Null(hsts);
        Assert.All(httpsCookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(httpCookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(CookieSecurePolicy.SameAsRequest, SessionCookiePolicy(host));
        Assert.Equal(CookieSecurePolicy.SameAsRequest, AntiforgeryCookiePolicy(host));
    }
}
