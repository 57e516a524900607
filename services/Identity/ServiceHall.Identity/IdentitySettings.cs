namespace ServiceHall.Identity;

/// <summary>The configuration section "Identity": sign-in rules, token lifetimes, issuer, keys and clients.</summary>
public sealed class IdentitySettings
{
    public const string Section = "Identity";

    /// <summary>
    /// Failed sign-ins for one account from one client address before each further try must wait (1 s, 2 s, 4 s …
    /// up to <see cref="SignInMaxDelay"/>). Other addresses are not slowed, so nobody can lock a real user out.
    /// </summary>
    public int SignInFreeFailures { get; set; } = 5;

    /// <summary>Failed sign-ins from one client address, whatever the accounts, before its tries must wait (password spraying).</summary>
    public int SignInFreeFailuresPerAddress { get; set; } = 20;

    /// <summary>The longest wait between tries; failures older than four times this are forgotten.</summary>
    public TimeSpan SignInMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in form posts one client address may send per minute (429 beyond, before any password check).</summary>
    public int SignInRequestsPerMinute { get; set; } = 30;

    /// <summary>
    /// Requests to the protocol endpoints that write or check secrets (token, revoke, introspect, device) one client
    /// address may send per minute. The portal redeems and refreshes every user's tokens from its own address.
    /// </summary>
    public int ProtocolRequestsPerMinute { get; set; } = 600;

    /// <summary>Repeated refusals from one address within this window become one audit record with the count.</summary>
    public TimeSpan RefusalSummaryWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Proxies (10.0.0.5) and networks (10.0.0.0/8) whose X-Forwarded-Proto and X-Forwarded-For are believed, e.g.
    /// the TLS-terminating ingress. Empty: the headers are ignored.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>
    /// Services validate access tokens locally (signed JWTs), so revoking one only shows at the introspection
    /// endpoint: a revoked access token stays usable until it expires. Keep this short.
    /// </summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A working day: the portal refreshes access tokens with it; revoking it ends the session.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Absolute issuer URI (the public address behind the gateway); unset = the request's own host.</summary>
    public string? Issuer { get; set; }

    /// <summary>False only for the local hall on plain-HTTP loopback.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>PEM file of the token signing key; default identity-signing.pem in Data:Folder.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>PEM file of the key that encrypts codes and refresh tokens; default identity-encryption.pem in Data:Folder.</summary>
    public string? EncryptionKeyFile { get; set; }

    /// <summary>Where the demo portal client receives its code.</summary>
    public string PortalRedirectUri { get; set; } = "http://localhost:8080/signin-oidc";

    /// <summary>The clients this identity service knows, created or updated at every start.</summary>
    public List<ClientSettings> Clients { get; set; } = [];

    /// <summary>Refuses a configuration that would make the service misbehave later, with the key to fix.</summary>
    public void Validate()
    {
        if (SignInFreeFailures < 1 || SignInFreeFailuresPerAddress < 1)
        {
            throw new InvalidOperationException($"{Section}:SignInFreeFailures and {Section}:SignInFreeFailuresPerAddress must be at least 1");
        }
        if (SignInMaxDelay < TimeSpan.FromSeconds(1) || RefusalSummaryWindow < TimeSpan.FromSeconds(1))
        {
            throw new InvalidOperationException($"{Section}:SignInMaxDelay and {Section}:RefusalSummaryWindow must be at least one second");
        }
        if (SignInRequestsPerMinute < 1 || ProtocolRequestsPerMinute < 1)
        {
            throw new InvalidOperationException($"{Section}:SignInRequestsPerMinute and {Section}:ProtocolRequestsPerMinute must be at least 1");
        }
        ServiceDefaults.TrustedProxies.Validate($"{Section}:TrustedProxies", TrustedProxies);
        if (AccessTokenLifetime <= TimeSpan.Zero || RefreshTokenLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}:AccessTokenLifetime and {Section}:RefreshTokenLifetime must be positive");
        }
        if (Issuer is { Length: > 0 } && !Uri.TryCreate(Issuer, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"{Section}:Issuer must be an absolute URI, not '{Issuer}'");
        }
    }
}

/// <summary>One client application: a portal, a script, a bank's system.</summary>
public sealed class ClientSettings
{
    public string ClientId { get; set; } = "";

    /// <summary>Absent for a public client (a script or native app that cannot keep a secret).</summary>
    public string? ClientSecret { get; set; }

    public string? DisplayName { get; set; }
    public List<string> RedirectUris { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];

    /// <summary>"authorization_code", "refresh_token", "client_credentials", "device_code".</summary>
    public List<string> Grants { get; set; } = [];

    /// <summary>Scopes beyond "servicehall" the client may ask for: "credit.lookup" for an institution using the credit open API.</summary>
    public List<string> Scopes { get; set; } = [];
}
