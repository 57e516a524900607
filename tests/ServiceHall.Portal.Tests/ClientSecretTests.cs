using Microsoft.Extensions.Configuration;

namespace ServiceHall.Portal.Tests;

/// <summary>The demo client secret is published in the README: the portal takes it only in demo mode.</summary>
public sealed class ClientSecretTests
{
    static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Outside_demo_mode_the_published_demo_secret_is_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => PortalSettings.From(Settings(("Portal:ClientSecret", PortalSettings.DemoClientSecret))));
        Assert.Contains("Portal:ClientSecret", refused.Message);
        Assert.Throws<InvalidOperationException>(() => PortalSettings.From(Settings()));

        Assert.Equal(PortalSettings.DemoClientSecret, PortalSettings.From(Settings(("Seed:Demo", "true"))).ClientSecret);
        Assert.Equal("a-real-secret", PortalSettings.From(Settings(("Portal:ClientSecret", "a-real-secret"))).ClientSecret);
    }
}
