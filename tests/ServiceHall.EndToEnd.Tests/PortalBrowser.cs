using Microsoft.Playwright;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// Debian's chromium driven by Playwright (its own browser download does not work on these machines), headless,
/// one browser for the portal tests of a run. Each test opens its own context: its own cookies, viewport and
/// JavaScript setting, like a separate person's browser.
/// </summary>
public sealed class PortalBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    IPlaywright? playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium and fonts-wqy-microhei (.ci/run does)");
        }
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    public async Task<IBrowserContext> NewContextAsync(ViewportSize viewport, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport,
            JavaScriptEnabled = javaScript,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        // CI runs every test project at once on 2 cores: give each step more than Playwright's 30 s default.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// <summary>Where screenshots of each page kind go: build output people open, never committed (TestResults is ignored).</summary>
    public static string ScreenshotFolder()
    {
        var folder = Path.Combine(Testing.RunningHall.RepositoryRoot(), "TestResults", "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
    }
}

/// <summary>
/// The browser tests run on their own, after the others: a page waits on the whole hall, and sharing 2 cores with
/// the access matrix and the personal-number scan (hundreds of requests each) only makes them slow, not truer.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}
