namespace ServiceHall.Identity;

/// <summary>The configuration section "Identity": sign-in rules, token lifetimes, issuer, keys and clients.</summary>
public sealed class IdentitySettings
{
    public const string Section = "Identity";

    /// <summary>Failed sign-ins (wrong password or wrong code) in a row that lock an account.</summary>
    public int LockoutMaxFailures { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;

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
        if (LockoutMaxFailures < 1)
        {
            throw new InvalidOperationException($"{Section}:LockoutMaxFailures must be at least 1");
        }
        if (LockoutMinutes < 1)
        {
            throw new InvalidOperationException($"{Section}:LockoutMinutes must be at least 1");
        }
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
}
