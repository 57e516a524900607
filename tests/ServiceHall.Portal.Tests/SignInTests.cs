using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

public sealed class SignInTests
{
    [Fact]
    public async Task Sign_in_goes_to_the_identity_service_with_code_flow_pkce_and_the_gateways_address()
    {
        await using var host = new PortalHost();
        var browser = host.Browser();
        using var request = PortalHost.Forwarded("/signin?returnUrl=%2Fitems%2Fabc");

        using var response = await browser.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(PortalHost.Authority + "/connect/authorize", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("servicehall-portal", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        // The code comes back in the query: the default for the code flow, so the parameter is left out.
        Assert.False(query.ContainsKey("response_mode"));
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("openid profile roles offline_access servicehall", query["scope"]);
        Assert.Equal("https://hall.example.gov.cn/signin-oidc", query["redirect_uri"]);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.OpenIdConnect.Nonce.", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("samesite=lax", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Sign_in_of_someone_already_signed_in_goes_straight_back_but_never_to_another_site()
    {
        await using var host = new PortalHost();

        using var local = await host.Browser(TestUser.Zhangsan).GetAsync("/signin?returnUrl=%2Fmy%2Fquestions", Ct);
        using var foreign = await host.Browser(TestUser.Zhangsan).GetAsync("/signin?returnUrl=https%3A%2F%2Fevil.example%2F", Ct);

        Assert.Equal("/my/questions", local.Headers.Location?.OriginalString);
        Assert.Equal("/", foreign.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_out_needs_the_pages_token_and_ends_the_identity_session_too()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();
        var browser = host.Browser(TestUser.Zhangsan);
        var (_, page) = await browser.GetPageAsync("/browse");

        using var forged = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>()), Ct);
        using var response = await browser.PostAsync("/signout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(page) }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(PortalHost.Authority + "/connect/endsession", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        // The identity service registers the portal's home page as where to come back after signing out.
        Assert.Equal("http://localhost/", query["post_logout_redirect_uri"]);
        Assert.Equal("id-token-of-" + TestUser.Zhangsan.Subject, query["id_token_hint"]);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("servicehall.session=;", StringComparison.Ordinal));
    }
}
