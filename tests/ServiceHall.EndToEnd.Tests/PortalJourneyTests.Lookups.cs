using System.Text.RegularExpressions;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// 被查询记录: the bank looks the demo business up through the credit open API; qiye signs in and finds the bank
/// on its 被查询记录 page, reached from the header's navigation.
/// </summary>
public sealed partial class PortalJourneyTests
{
    [Theory]
    [MemberData(nameof(Devices))]
    public async Task A_business_sees_which_institution_looked_it_up(string device, bool javaScript)
    {
        using var bank = await OpenApiJourneyTests.InstitutionAsync(hall);
        Assert.Equal(200, (await bank.SendAsync(HttpMethod.Get, $"/api/credit/open/v1/entities/{DemoCounty.Business}")).Status);
        await using var context = await browser.NewContextAsync(Viewport(device), javaScript);
        var page = await context.NewPageAsync();

        await page.GotoAsync(Portal("/my/lookups"));
        await SignInAsync(page, DemoCounty.Qiye);
        await page.WaitForURLAsync(new Regex("/my/lookups$"), Rendered);

        Assert.Equal(1, await page.Locator("nav.site-nav a[href='/my/lookups']").CountAsync());
        var table = await page.InnerTextAsync("table.lookups");
        Assert.Contains("银行信用核查系统", table);
        Assert.Contains("查询时间", table);
        await AssertNoSeriousAxeViolationsAsync(page, "my-lookups", javaScript);
        if (device == "phone")
        {
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= PortalBrowser.Phone.Width, $"{page.Url} is {scrollWidth}px wide at {PortalBrowser.Phone.Width}px");
        }
    }
}
