using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>
/// What a person's browser and a client application do against the identity service: open the sign-in page,
/// post the form with its antiforgery token, walk the authorization redirects, call the token endpoints.
/// </summary>
public sealed partial class Browser(HttpClient http)
{
    public const string Password = DemoCounty.Password;
    public const string Cli = "servicehall-cli";
    public const string CliRedirect = "http://127.0.0.1:7890/callback";
    public const string Portal = "servicehall-portal";
    public const string PortalSecret = "portal-demo-secret";
    public const string PortalRedirect = "http://localhost:8080/signin-oidc";
    public const string Scopes = "openid profile roles offline_access servicehall";

    public HttpClient Http => http;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<string> GetStringAsync(string url) => await http.GetStringAsync(url, Ct);

    /// <summary>The sign-in page's antiforgery token, scraped from its hidden input.</summary>
    public static string AntiforgeryToken(string page) =>
        WebUtility.HtmlDecode(AntiforgeryInput().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no antiforgery token on the page:\n" + page));

    /// <summary>Opens the sign-in page and posts the form; the response is a redirect on success, the page again otherwise.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string userName, string password, string? totp = null, string returnUrl = "/")
    {
        var page = await http.GetStringAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl), Ct);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["returnUrl"] = returnUrl,
            ["username"] = userName,
            ["password"] = password,
        };
        if (totp is not null)
        {
            fields["totp"] = totp;
        }
        return await http.PostAsync("/account/login", new FormUrlEncodedContent(fields), Ct);
    }

    /// <summary>Opens the sign-out page and presses its button (a POST with the page's antiforgery token).</summary>
    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var page = await http.GetStringAsync("/account/logout", Ct);
        return await http.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }), Ct);
    }

    public async Task<string> SignInPageAfterAsync(string userName, string password, string? totp = null)
    {
        var response = await SignInAsync(userName, password, totp);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The authorization request a client sends (the browser is sent there), with PKCE S256.</summary>
    public static string AuthorizeUrl(string clientId, string redirectUri, Pkce? pkce, string scope = Scopes, string state = "state-1") =>
        "/connect/authorize?" + string.Join('&', new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = state,
            ["code_challenge"] = pkce?.Challenge,
            ["code_challenge_method"] = pkce is null ? null : "S256",
        }.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));

    /// <summary>
    /// The whole browser side of the code flow: authorize → sign-in page → post the form → authorize again →
    /// the client's redirect URI with the code. Returns the code.
    /// </summary>
    public async Task<string> AuthorizeAsync(string userName, string clientId, string redirectUri, Pkce pkce, string? totp = null)
    {
        var first = await http.GetAsync(AuthorizeUrl(clientId, redirectUri, pkce), Ct);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var login = first.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/login?returnUrl=", login);
        var returnUrl = Uri.UnescapeDataString(login["/account/login?returnUrl=".Length..]);
        Assert.StartsWith("/connect/authorize?", returnUrl);

        var signedIn = await SignInAsync(userName, Password, totp, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(returnUrl, signedIn.Headers.Location!.OriginalString);

        var back = await http.GetAsync(returnUrl, Ct);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.StartsWith(redirectUri + "?", callback.AbsoluteUri);
        var query = Query(callback);
        Assert.Equal("state-1", query["state"]);
        return query["code"];
    }

    public static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));

    /// <summary>POSTs a form to a protocol endpoint; the status and the JSON answer.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string endpoint, Dictionary<string, string> form)
    {
        var response = await http.PostAsync(endpoint, new FormUrlEncodedContent(form), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> RedeemAsync(string code, string clientId, string redirectUri, Pkce pkce, string? secret = null) =>
        PostAsync("/connect/token", Client(clientId, secret, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = pkce.Verifier,
        }));

    public Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string refreshToken, string clientId, string? secret = null) =>
        PostAsync("/connect/token", Client(clientId, secret, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }));

    public Task<(HttpStatusCode Status, JsonElement Body)> RevokeAsync(string token, string hint, string clientId, string? secret = null) =>
        PostAsync("/connect/revoke", Client(clientId, secret, new() { ["token"] = token, ["token_type_hint"] = hint }));

    public Task<(HttpStatusCode Status, JsonElement Body)> IntrospectAsync(string token, string clientId, string secret) =>
        PostAsync("/connect/introspect", Client(clientId, secret, new() { ["token"] = token }));

    public Task<(HttpStatusCode Status, JsonElement Body)> ClientCredentialsAsync(string clientId, string secret, string scope = "servicehall") =>
        PostAsync("/connect/token", Client(clientId, secret, new() { ["grant_type"] = "client_credentials", ["scope"] = scope }));

    static Dictionary<string, string> Client(string clientId, string? secret, Dictionary<string, string> form)
    {
        form["client_id"] = clientId;
        if (secret is not null)
        {
            form["client_secret"] = secret;
        }
        return form;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
