namespace ServiceHall.Portal;

/// <summary>The portal's own settings (section Portal); everything has a default that suits the local hall.</summary>
public sealed class PortalSettings
{
    public const string Section = "Portal";

    /// <summary>The county whose hall this is: its name heads every page (Portal:County; the shipped appsettings name 镇康县).</summary>
    public string County { get; init; } = "";

    /// <summary>How long a page waits for a service before it says the service is slow (people should not wait on a blank page).</summary>
    public TimeSpan ServiceDeadline { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The portal's client at the identity provider; the demo secret is the seeded demo client's (README).</summary>
    public string ClientId { get; init; } = "servicehall-portal";
    public string ClientSecret { get; init; } = DemoClientSecret;

    /// <summary>Published in the README with the demo accounts: good for the demo hall (Seed:Demo) and nowhere else.</summary>
    public const string DemoClientSecret = "portal-demo-secret";

    /// <summary>
    /// Person themes (自然人主题) whose first items the home page shows as popular services; when none are named,
    /// the themes with the most items.
    /// </summary>
    public IReadOnlyList<string> PopularThemes { get; init; } = [];
    public int PopularThemeCount { get; init; } = 3;
    public int PopularItemsPerTheme { get; init; } = 3;

    /// <summary>The page languages; the first is the default. A language is added with its PortalText.{culture}.resx.</summary>
    public IReadOnlyList<string> Cultures { get; init; } = ["zh-CN"];

    /// <summary>
    /// Who may tell the portal the browser's scheme, host and address (X-Forwarded-Proto/Host/For): the gateway, by
    /// address (10.0.0.5) or network (10.0.0.0/8). The local gateway calls over loopback; in a cluster it is another pod.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = ["127.0.0.1", "::1"];

    /// <summary>Session and sign-in cookies only over HTTPS, and HSTS; false only for the local hall on plain-HTTP loopback.</summary>
    public bool RequireHttps { get; init; } = true;

    /// <summary>Sessions one account may hold at once; one more sign-in ends its oldest (a forgotten or stolen one).</summary>
    public int MaxSessionsPerAccount { get; init; } = 5;

    public static PortalSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new PortalSettings();
        var settings = new PortalSettings
        {
            County = section[nameof(County)] is { Length: > 0 } county ? county : defaults.County,
            ServiceDeadline = section.GetValue(nameof(ServiceDeadline), defaults.ServiceDeadline),
            ClientId = section[nameof(ClientId)] is { Length: > 0 } id ? id : defaults.ClientId,
            ClientSecret = section[nameof(ClientSecret)] is { Length: > 0 } secret ? secret : defaults.ClientSecret,
            PopularThemes = section.GetSection(nameof(PopularThemes)).Get<string[]>() ?? [],
            PopularThemeCount = section.GetValue(nameof(PopularThemeCount), defaults.PopularThemeCount),
            PopularItemsPerTheme = section.GetValue(nameof(PopularItemsPerTheme), defaults.PopularItemsPerTheme),
            Cultures = section.GetSection(nameof(Cultures)).Get<string[]>() is { Length: > 0 } cultures ? cultures : defaults.Cultures,
            TrustedProxies = section.GetSection(nameof(TrustedProxies)).Get<string[]>() is { Length: > 0 } proxies ? proxies : defaults.TrustedProxies,
            RequireHttps = section.GetValue(nameof(RequireHttps), defaults.RequireHttps),
            MaxSessionsPerAccount = section.GetValue(nameof(MaxSessionsPerAccount), defaults.MaxSessionsPerAccount),
        };
        if (settings.ClientSecret == DemoClientSecret && !configuration.GetValue<bool>("Seed:Demo"))
        {
            throw new InvalidOperationException(
                $"{Section}:{nameof(ClientSecret)} is the published demo secret; outside demo mode (Seed:Demo) give the portal its own client secret");
        }
        if (settings.ServiceDeadline <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}:{nameof(ServiceDeadline)} must be positive, like 00:00:03");
        }
        if (settings.MaxSessionsPerAccount < 1)
        {
            throw new InvalidOperationException($"{Section}:{nameof(MaxSessionsPerAccount)} must be at least 1");
        }
        ServiceDefaults.TrustedProxies.Validate($"{Section}:{nameof(TrustedProxies)}", settings.TrustedProxies);
        return settings;
    }
}
