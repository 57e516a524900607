using Microsoft.Extensions.Configuration;

namespace ServiceHall.Portal.Tests;

/// <summary>The portal refuses to start on settings that would make it unsafe or misbehave, naming the setting.</summary>
public sealed class PortalSettingsTests
{
    static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    /// <summary>The demo client secret is published in the README: the portal takes it only in demo mode.</summary>
    [Fact]
    public void Outside_demo_mode_the_published_demo_secret_is_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => PortalSettings.From(Settings(("Portal:ClientSecret", PortalSettings.DemoClientSecret))));
        Assert.Contains("Portal:ClientSecret", refused.Message);
        Assert.Throws<InvalidOperationException>(() => PortalSettings.From(Settings()));

        Assert.Equal(PortalSettings.DemoClientSecret, PortalSettings.From(Settings(("Seed:Demo", "true"))).ClientSecret);
        Assert.Equal("a-real-secret", PortalSettings.From(Settings(("Portal:ClientSecret", "a-real-secret"))).ClientSecret);
    }

    [Fact]
    public void The_gateway_is_trusted_on_loopback_unless_named_and_a_wrong_entry_is_refused()
    {
        Assert.Equal(["127.0.0.1", "::1"], PortalSettings.From(Settings(("Seed:Demo", "true"))).TrustedProxies);
        Assert.Equal(["10.42.0.0/16"], PortalSettings.From(Settings(("Seed:Demo", "true"), ("Portal:TrustedProxies:0", "10.42.0.0/16"))).TrustedProxies);

        var refused = Assert.Throws<InvalidOperationException>(() => PortalSettings.From(Settings(("Seed:Demo", "true"), ("Portal:TrustedProxies:0", "gateway"))));
        Assert.Contains("Portal:TrustedProxies", refused.Message);
    }

    [Fact]
    public void Sessions_are_capped_at_five_per_account_by_default_and_the_cap_must_be_positive()
    {
        Assert.Equal(5, PortalSettings.From(Settings(("Seed:Demo", "true"))).MaxSessionsPerAccount);

        var refused = Assert.Throws<InvalidOperationException>(() => PortalSettings.From(Settings(("Seed:Demo", "true"), ("Portal:MaxSessionsPerAccount", "0"))));
        Assert.Contains("Portal:MaxSessionsPerAccount", refused.Message);
    }
}
