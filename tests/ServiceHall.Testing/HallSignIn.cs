using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServiceHall.Testing;

/// <summary>The tokens a sign-in gives: a short-lived access token for the APIs and a refresh token.</summary>
public sealed record HallTokens(string AccessToken, string RefreshToken);

/// <summary>
/// Signs a demo account in the way a person does, against the real identity service: the authorization-code flow
/// with PKCE of the public client servicehall-cli, through the Chinese sign-in form (antiforgery token and all).
/// Only the final hop to the loopback redirect URI is not followed: the code is read from its Location header.
/// </summary>
public static partial class HallSignIn
{
    public const string Client = "servicehall-cli";
    public const string RedirectUri = "http://127.0.0.1:7890/callback";
    public const string DemoPassword = DemoCounty.Password;
    /// <summary>The demo administrator's authenticator key (demo only, listed in the README).</summary>
    public const string DemoAdminTotpKey = DemoCounty.AdminAuthenticatorKey;

    public static async Task<HallTokens> SignInAsync(Uri identity, string username, string password = DemoPassword, string? totp = null,
        CancellationToken cancellationToken = default)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = identity };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = "/connect/authorize?" + Query(new()
        {
            ["client_id"] = Client,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "openid profile roles offline_access servicehall",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = Guid.NewGuid().ToString("N"),
        });

        var signedIn = await SignInOnPageAsync(http, authorize, username, password, totp, cancellationToken);
        var callback = await FollowAsync(http, signedIn, cancellationToken);
        var code = QueryValue(callback, "code") ?? throw new InvalidOperationException("No code in " + callback);

        using var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = Client,
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        }), cancellationToken);
        var body = await token.Content.ReadAsStringAsync(cancellationToken);
        if (!token.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The token endpoint refused the code ({(int)token.StatusCode}): {body}");
        }
        using var json = JsonDocument.Parse(body);
        return new HallTokens(json.RootElement.GetProperty("access_token").GetString()!,
            json.RootElement.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString()! : "");
    }

    /// <summary>
    /// A browser without a browser: a cookie-keeping client signed in to the portal at <paramref name="portal"/> (through
    /// the gateway) by the portal's own OpenID Connect sign-in and the identity service's Chinese sign-in form. Pages
    /// are then read with the person's portal session, as their browser reads them.
    /// </summary>
    public static async Task<HttpClient> PortalSessionAsync(Uri portal, string username, string password = DemoPassword, CancellationToken cancellationToken = default)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = true, CookieContainer = new CookieContainer() };
        var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = portal, Timeout = TimeSpan.FromSeconds(60) };
        // Redirected through the identity service's authorize endpoint to its sign-in page.
        using var login = await http.GetAsync("/signin?returnUrl=%2F", cancellationToken);
        var loginPage = await login.Content.ReadAsStringAsync(cancellationToken);
        var loginUrl = login.RequestMessage?.RequestUri ?? throw new InvalidOperationException("No sign-in page reached");
        using var posted = await http.PostAsync(loginUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username,
            ["password"] = password,
            ["returnUrl"] = Hidden(loginPage, "returnUrl") ?? "",
            ["__RequestVerificationToken"] = Hidden(loginPage, "__RequestVerificationToken")
                ?? throw new InvalidOperationException($"No sign-in form at {loginUrl}:\n{loginPage}"),
        }), cancellationToken);
        // Back through the authorize endpoint and the portal's callback to the portal's home page, signed in.
        if (posted.RequestMessage?.RequestUri is not { } landed || landed.Authority != portal.Authority || !posted.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Signing {username} in to the portal ended at {posted.RequestMessage?.RequestUri} ({(int)posted.StatusCode})");
        }
        return http;
    }

    /// <summary>
    /// What a person does for a terminal in the device flow: opens the verification link, signs in on the Chinese
    /// sign-in page, and approves the user code shown (设备授权).
    /// </summary>
    public static async Task ApproveDeviceAsync(Uri identity, string verificationUriComplete, string username, string password = DemoPassword,
        CancellationToken cancellationToken = default)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = identity };
        var link = new Uri(verificationUriComplete).PathAndQuery;
        await SignInOnPageAsync(http, link, username, password, totp: null, cancellationToken);
        var page = await http.GetStringAsync(link, cancellationToken);
        using var decided = await http.PostAsync("/connect/verify", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken")
                ?? throw new InvalidOperationException("The verification page has no antiforgery token:\n" + page),
            ["user_code"] = Hidden(page, "user_code") ?? QueryValue(verificationUriComplete, "user_code") ?? "",
            ["decision"] = "approve",
        }), cancellationToken);
        // Approval ends on the identity service's "approved" page; anything else (the sign-in page again, a refusal) failed.
        if (decided.Headers.Location?.OriginalString != "/account/device/approved")
        {
            throw new InvalidOperationException($"Approving the device was refused ({(int)decided.StatusCode} {decided.Headers.Location}): {await decided.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>
    /// From a page that needs a signed-in person to the Chinese sign-in form, filled in and posted (antiforgery token
    /// and all); returns where the identity service sends the person next.
    /// </summary>
    static async Task<string> SignInOnPageAsync(HttpClient http, string page, string username, string password, string? totp, CancellationToken cancellationToken)
    {
        var toLogin = await FollowAsync(http, page, cancellationToken);
        var loginPage = await http.GetStringAsync(toLogin, cancellationToken);
        var form = new Dictionary<string, string>
        {
            ["username"] = username,
            ["password"] = password,
            ["returnUrl"] = Hidden(loginPage, "returnUrl") ?? page,
            ["__RequestVerificationToken"] = Hidden(loginPage, "__RequestVerificationToken")
                ?? throw new InvalidOperationException("The sign-in page has no antiforgery token:\n" + loginPage),
        };
        if (totp is not null)
        {
            form["totp"] = totp;
        }
        using var posted = await http.PostAsync(toLogin, new FormUrlEncodedContent(form), cancellationToken);
        if (posted.StatusCode != HttpStatusCode.Redirect && posted.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Sign-in of {username} was refused ({(int)posted.StatusCode}):\n{await posted.Content.ReadAsStringAsync(cancellationToken)}");
        }
        return posted.Headers.Location!.ToString();
    }

    /// <summary>Follows redirects within the identity service until one leaves it (the login page, or the client's redirect URI).</summary>
    static async Task<string> FollowAsync(HttpClient http, string location, CancellationToken cancellationToken)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            using var response = await http.GetAsync(location, cancellationToken);
            if (response.Headers.Location is not { } next)
            {
                if (response.IsSuccessStatusCode && location.Contains("/account/login", StringComparison.Ordinal))
                {
                    return location;
                }
                throw new InvalidOperationException($"{location} answered {(int)response.StatusCode} without a redirect: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
            var target = next.IsAbsoluteUri ? next : new Uri(http.BaseAddress!, next);
            if (target.AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal) || target.ToString().StartsWith(RedirectUri, StringComparison.Ordinal))
            {
                return target.ToString();
            }
            location = target.ToString();
        }
        throw new InvalidOperationException("Too many redirects from " + location);
    }

    static string? Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>", RegexOptions.IgnoreCase);
        if (!match.Success)
        {
            return null;
        }
        var value = Regex.Match(match.Value, "value=\"([^\"]*)\"");
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : null;
    }

    static string? QueryValue(string url, string name)
    {
        var query = new Uri(url).Query.TrimStart('?');
        return query.Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();
    }

    static string Query(Dictionary<string, string> values) =>
        string.Join('&', values.Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value)}"));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>RFC 6238 time-based one-time codes (SHA-1, 6 digits, 30 s), as an authenticator app computes them.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }
        var hash = HMACSHA1.HashData(Base32(base32Key), message);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A code that is valid in none of the steps a verifier might accept around now.</summary>
    public static string WrongCode(string base32Key, DateTimeOffset at)
    {
        var near = Enumerable.Range(-3, 7).Select(step => Code(base32Key, at.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
