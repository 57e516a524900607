using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// 信用查询 without signing in: a credit list opened from the lookup page, then the lookup box (reached from the header's navigation) finds the demo restaurant by
/// its pinyin initials, its page shows the registration facts and the penalty in publicity with the deciding
/// department and date, and its print view opens; axe over each, at phone and desktop width, with and without
/// JavaScript (every step is a link or a plain GET form).
/// </summary>
public sealed partial class PortalJourneyTests
{
    [Theory]
    [MemberData(nameof(Devices))]
    public async Task Anyone_looks_an_entity_up_by_initials_opens_its_credit_page_and_prints_it(string device, bool javaScript)
    {
        await using var context = await browser.NewContextAsync(Viewport(device), javaScript);
        var page = await context.NewPageAsync();

        await page.GotoAsync(Portal("/"));
        await page.ClickAsync("nav.site-nav a[href='/credit']");
        await page.WaitForURLAsync(new Regex("/credit$"), Rendered);
        await AssertNoSeriousAxeViolationsAsync(page, "credit-lookup", javaScript);

        // The lists are linked from the lookup page; each opens without signing in.
        await page.ClickAsync("a[href='/credit/lists/black']");
        await page.WaitForURLAsync(new Regex("/credit/lists/black$"), Rendered);
        Assert.Equal("严重失信主体名单（黑名单）", await page.InnerTextAsync("h1"));
        await AssertNoSeriousAxeViolationsAsync(page, "credit-list", javaScript);
        await page.GotoAsync(Portal("/credit"));

        await page.FillAsync("#credit-q", "zkxhzw");
        await page.ClickAsync("form.credit-lookup button[type=submit]");
        await page.WaitForURLAsync(new Regex("/credit\\?q=zkxhzw$"), Rendered);
        var hit = page.Locator(".credit-hit", new PageLocatorOptions { HasTextString = DemoCounty.Business });
        Assert.Contains("镇康县好滋味餐饮管理有限公司", await hit.InnerTextAsync());
        Assert.Contains("存续（在业）", await hit.InnerTextAsync());
        Assert.Contains("名称拼音首字母", await hit.InnerTextAsync());
        await AssertNoSeriousAxeViolationsAsync(page, "credit-found", javaScript);

        await hit.Locator("h3 a").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/credit/{DemoCounty.Business}$"), Rendered);
        Assert.Equal("镇康县好滋味餐饮管理有限公司", await page.InnerTextAsync("h1"));
        Assert.Equal(DemoCounty.Business[8..17], await page.InnerTextAsync("dd.organisation-code"));
        // The demo county's own penalty (DemoCredit): other journeys add newer ones to the same business, so it is
        // found by its decision number, not by its place in the list.
        var penalty = page.Locator(".credit-penalties li.penalty", new PageLocatorOptions { HasTextRegex = new Regex(@"镇市监罚〔\d{4}〕37号") });
        Assert.Equal(1, await penalty.CountAsync());
        Assert.Contains("镇康县市场监督管理局", await penalty.Locator("dd.authority").InnerTextAsync());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", await penalty.Locator("dd.decision-date").InnerTextAsync());
        await AssertNoPersonalNumberAsync(page);
        await AssertNoSeriousAxeViolationsAsync(page, "credit-entity", javaScript);

        await page.ClickAsync($"a.print[href='/credit/{DemoCounty.Business}/print']");
        await page.WaitForURLAsync(new Regex($"/credit/{DemoCounty.Business}/print$"), Rendered);
        Assert.Equal(1, await page.Locator("body.printable").CountAsync());
        Assert.Contains("镇康县市场监督管理局", await page.InnerTextAsync(".credit-penalties"));
        await AssertNoSeriousAxeViolationsAsync(page, "credit-entity-print", javaScript);

        if (device == "phone")
        {
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= PortalBrowser.Phone.Width, $"{page.Url} is {scrollWidth}px wide at {PortalBrowser.Phone.Width}px");
        }
    }
}
