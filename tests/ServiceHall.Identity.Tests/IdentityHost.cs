using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>The identity service in-process, with the demo accounts and clients, on plain HTTP like the local hall.</summary>
public static class IdentityHost
{
    public static ServiceHost<Program> Start(string database, IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "true",
            ["Identity:RequireHttps"] = "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return new ServiceHost<Program>("identity", database, settings, services);
    }

    /// <summary>Settings that trust the test client (loopback) as a proxy, so X-Forwarded-For and -Proto are believed.</summary>
    public static Dictionary<string, string?> BehindProxy(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? []) { ["Identity:TrustedProxies:0"] = "127.0.0.1" };
        return settings;
    }

    /// <summary>A browser at another client address, as a trusted proxy reports it (the host must be <see cref="BehindProxy"/>).</summary>
    public static Browser Browser(this ServiceHost<Program> host, string from)
    {
        var browser = host.Browser();
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", from);
        return browser;
    }

    /// <summary>A browser-like client: keeps cookies, and shows each redirect instead of following it.</summary>
    public static Browser Browser(this ServiceHost<Program> host) =>
        new(host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}
