using System.Net;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

public sealed class ElderModeTests
{
    static Task<HttpResponseMessage> SwitchAsync(HttpClient browser, string returnUrl, string? elder = null)
    {
        var fields = new Dictionary<string, string> { ["returnUrl"] = returnUrl };
        if (elder is not null)
        {
            fields["elder"] = elder;
        }
        return browser.PostAsync("/preferences/elder", new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task The_toggle_sets_a_year_long_cookie_goes_back_and_the_pages_turn_elder()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();
        var browser = host.Browser();

        var (_, before) = await browser.GetPageAsync("/browse");
        using var on = await SwitchAsync(browser, "/browse?x=1", "1");
        var (_, after) = await browser.GetPageAsync("/browse");

        Assert.Contains("<body>", before);
        Assert.Contains("<button type=\"submit\" class=\"elder-toggle\" aria-pressed=\"false\">长辈模式</button>", before);
        Assert.Equal(HttpStatusCode.SeeOther, on.StatusCode);
        Assert.Equal("/browse?x=1", on.Headers.Location?.OriginalString);
        var cookie = Assert.Single(on.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("elder=1;", cookie);
        Assert.Contains("max-age=31536000", cookie);
        Assert.Contains("<body class=\"elder\">", after);
        Assert.Contains("aria-pressed=\"true\"", after);
        Assert.Contains("<input type=\"hidden\" name=\"elder\" value=\"0\">", after);

        using var off = await SwitchAsync(browser, "/browse", "0");
        var (_, again) = await browser.GetPageAsync("/browse");
        Assert.DoesNotContain("class=\"elder\"", again);
    }

    [Fact]
    public async Task The_toggle_works_without_a_chosen_value_and_never_leaves_the_site()
    {
        await using var host = new PortalHost();
        var browser = host.Browser();

        using var response = await SwitchAsync(browser, "//evil.example/");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.StartsWith("elder=1;", Assert.Single(response.Headers.GetValues("Set-Cookie")));
    }

    [Fact]
    public async Task The_stylesheet_gives_elder_mode_at_least_20px_type_in_one_column()
    {
        await using var host = new PortalHost();

        var css = await host.Browser().GetStringAsync("/portal.css", Ct);

        var rule = System.Text.RegularExpressions.Regex.Match(css, @"body\.elder \{ font-size: ([\d.]+)rem;");
        Assert.True(rule.Success, "portal.css has no body.elder font size");
        Assert.True(double.Parse(rule.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 16 >= 20);
        Assert.Contains("body.elder .results-layout, body.elder .columns", css);
    }
}
