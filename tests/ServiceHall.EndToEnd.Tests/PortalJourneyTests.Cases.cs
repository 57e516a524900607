using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// A case from both sides, in two browsers: zhangsan applies online for an item that asks for no uploaded material,
/// ziranziyuan accepts it on the workbench and asks for 补正, zhangsan sees the paused clock and why and answers, the
/// officer approves and completes; zhangsan follows every step and the notification feed. The clock on each page is
/// the figure the API gives for the case.
/// </summary>
public sealed partial class PortalJourneyTests
{
    [Theory]
    [MemberData(nameof(Devices))]
    public async Task A_citizen_applies_online_the_officer_works_the_case_with_a_correction_and_the_citizen_follows_every_step(string device, bool javaScript)
    {
        var itemId = await NoMaterialItemAsync($"依申请公开政府信息（{device}{(javaScript ? "" : "，无脚本")}）");
        await using var citizenBrowser = await browser.NewContextAsync(Viewport(device), javaScript);
        await using var officerBrowser = await browser.NewContextAsync(Viewport(device), javaScript);
        var citizen = await citizenBrowser.NewPageAsync();
        var officer = await officerBrowser.NewPageAsync();

        // Applying: from the guide's 在线办理, through signing in, to the form.
        await citizen.GotoAsync(Portal($"/items/{itemId}"));
        await citizen.ClickAsync("a.apply");
        await SignInAsync(citizen, DemoCounty.Zhangsan);
        await citizen.WaitForURLAsync(new Regex($"/items/{itemId}/apply$"), Rendered);
        await citizen.FillAsync("#applicant-name", "张三");
        await citizen.FillAsync("#applicant-id-number", TestCodes.DemoResidentId);
        // A wrong number first: refused beside its field, the rest of the form kept.
        await citizen.FillAsync("#applicant-phone", "12345");
        await citizen.SelectOptionAsync("#delivery", "Electronic");
        await citizen.FillAsync("#note", "申请公开本村土地征收补偿方案");
        await citizen.ClickAsync("#apply button[type=submit]");
        await citizen.WaitForSelectorAsync("#applicant-phone-error");
        Assert.Contains("申请人手机号码", await citizen.InnerTextAsync("#applicant-phone-error"));
        Assert.Equal("申请公开本村土地征收补偿方案", await citizen.InputValueAsync("#note"));
        Assert.Equal("Electronic", await citizen.InputValueAsync("#delivery"));
        await citizen.FillAsync("#applicant-phone", TestCodes.DemoMobile);
        await citizen.ClickAsync("#apply button[type=submit]");
        await citizen.WaitForURLAsync(new Regex("/my/applications/SH[0-9A-Z]+$"), Rendered);
        var number = citizen.Url[(citizen.Url.LastIndexOf('/') + 1)..];
        Assert.Equal("已申请（待受理）", (await citizen.InnerTextAsync(".case-facts .status")).Trim());
        await AssertNoPersonalNumberAsync(citizen);

        // The officer's queue holds it; accepting it starts the clock.
        await officer.GotoAsync(Portal("/work/cases?item=" + itemId));
        await SignInAsync(officer, DemoCounty.Ziranziyuan);
        await officer.WaitForURLAsync(new Regex("/work/cases"), Rendered);
        await officer.ClickAsync($"a[href='/work/cases/{number}']");
        await officer.WaitForURLAsync(new Regex($"/work/cases/{number}$"), Rendered);
        await officer.FillAsync("#accept-opinion", "申请内容明确，予以受理");
        await officer.FillAsync("#accept-note", "已电话核实申请人身份");
        await officer.ClickAsync("#form-accept button[type=submit]");
        await WaitForStatusAsync(officer, "已受理");
        Assert.Contains("已电话核实申请人身份", await officer.InnerTextAsync("#trail"));

        // 补正, two things at once (一次性告知).
        await officer.FillAsync("#correction-0-material", "申请内容描述");
        await officer.FillAsync("#correction-0-problem", "请写明补偿方案的年份和所在村组");
        await officer.FillAsync("#correction-1-material", "获取方式");
        await officer.FillAsync("#correction-1-problem", "请确认电子送达的邮箱");
        await officer.ClickAsync("#form-correction button[type=submit]");
        await WaitForStatusAsync(officer, "待补正");

        // The citizen sees the paused clock, why, and the list; the figures are the API's.
        await citizen.ReloadAsync();
        await WaitForStatusAsync(citizen, "待补正");
        Assert.Contains("已暂停", await citizen.InnerTextAsync("#clock .clock-state"));
        Assert.False(string.IsNullOrWhiteSpace(await citizen.InnerTextAsync("#clock .paused-reason")));
        var asked = await citizen.InnerTextAsync("#correction");
        Assert.Contains("请写明补偿方案的年份和所在村组", asked);
        Assert.Contains("请确认电子送达的邮箱", asked);
        Assert.DoesNotContain("已电话核实申请人身份", await citizen.ContentAsync());
        await AssertClockIsTheApisAsync(citizen, number, "CLOCK_STATE_PAUSED");
        await AssertNoPersonalNumberAsync(citizen);

        await citizen.FillAsync("#correction-response", "2025年度南伞镇白岩村三组的补偿方案；邮箱 zhangsan@example.com");
        await citizen.ClickAsync("#correct button[type=submit]");
        await WaitForStatusAsync(citizen, "已受理");
        Assert.Contains("计时中", await citizen.InnerTextAsync("#clock .clock-state"));
        await AssertClockIsTheApisAsync(citizen, number, "CLOCK_STATE_RUNNING");

        // Decided and completed on the workbench.
        await officer.ReloadAsync();
        await WaitForStatusAsync(officer, "已受理");
        await officer.CheckAsync("#form-decide input[name=Decision][value=Approve]");
        await officer.FillAsync("#decide-opinion", "属于可以公开的政府信息，予以公开");
        await officer.FillAsync("#decide-document-number", $"镇自然资依复〔2026〕{Random.Shared.Next(100, 999)}号");
        await officer.FillAsync("#decide-document-title", "政府信息公开申请答复书");
        await officer.ClickAsync("#form-decide button[type=submit]");
        await WaitForStatusAsync(officer, "准予许可（待办结）");
        await officer.FillAsync("#complete-delivery-note", "已通过电子邮件送达");
        await officer.ClickAsync("#form-complete button[type=submit]");
        await WaitForStatusAsync(officer, "已办结");

        // The citizen: completed, the whole trail, the clock stopped as the API says, and every step in 我的消息.
        await citizen.ReloadAsync();
        await WaitForStatusAsync(citizen, "已办结");
        var trail = await citizen.InnerTextAsync("#trail");
        foreach (var step in new[] { "提交申请", "受理", "补正告知", "提交补正", "作出决定", "办结" })
        {
            Assert.Contains(step, trail);
        }
        await AssertClockIsTheApisAsync(citizen, number, "CLOCK_STATE_STOPPED");
        Assert.Equal(0, await citizen.Locator("#withdraw").CountAsync());

        await citizen.GotoAsync(Portal("/my/applications"));
        var mine = citizen.Locator("li.case", new PageLocatorOptions { HasTextString = number });
        Assert.Contains("已办结", await mine.InnerTextAsync());

        await citizen.GotoAsync(Portal("/my/messages"));
        var messages = citizen.Locator("li.message", new PageLocatorOptions { Has = citizen.Locator($"a[href='/my/applications/{number}']") });
        // Accepted, 补正 needed, decided, completed: each a message, made in the same save as its step.
        Assert.True(await messages.CountAsync() >= 4, await citizen.InnerTextAsync("main"));
        var unread = await citizen.Locator(".messages-link .unread-badge").CountAsync();
        Assert.Equal(1, unread);
        await AssertNoPersonalNumberAsync(citizen);
        // Marking all read: other tests may give zhangsan new messages meanwhile, so this case's are what is checked.
        await citizen.ClickAsync("form.inline-form button:not(.secondary)");
        await citizen.WaitForURLAsync(new Regex("/my/messages$"), Rendered);
        Assert.Equal(0, await citizen.Locator("li.message.unread", new PageLocatorOptions { Has = citizen.Locator($"a[href='/my/applications/{number}']") }).CountAsync());
        var (status, feed) = await (await hall.HttpAs(DemoCounty.Zhangsan)).SendAsync(HttpMethod.Get, "/api/applications/notifications?pageSize=100");
        Assert.Equal(200, status);
        var ours = feed!["notifications"]!.AsArray().Where(n => (string?)n!["trackingNumber"] == number).ToList();
        Assert.True(ours.Count >= 4, $"{ours.Count} notifications of {number}");
        Assert.All(ours, n => Assert.True((bool?)n!["read"] ?? false));

        if (device == "phone")
        {
            foreach (var page in new[] { citizen, officer })
            {
                var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= PortalBrowser.Phone.Width, $"{page.Url} is {scrollWidth}px wide at {PortalBrowser.Phone.Width}px");
            }
        }
    }

    /// <summary>A published item of 自然资源和规划局 for everyone that asks for no material (so no upload is ever needed).</summary>
    async Task<string> NoMaterialItemAsync(string name)
    {
        var catalog = new CatalogService.CatalogServiceClient(await hall.GrpcAs(DemoCounty.Ziranziyuan));
        var guide = SampleGuide.ForEveryone(name + Guid.NewGuid().ToString("N")[..4]);
        guide.Materials.Clear();
        guide.NoMaterialsReason = "申请人在线填写申请内容即可，无需提交材料";
        var item = await catalog.CreateItemAsync(new CreateItemRequest { Guide = guide });
        await catalog.PublishItemAsync(new ChangeItemRequest { Id = item.Id });
        return item.Id;
    }

    /// <summary>After a step's post and redirect, the page shows the case's new state (read again until it does, or the time is up).</summary>
    static async Task WaitForStatusAsync(IPage page, string status)
    {
        var shown = page.Locator(".case-facts .status", new PageLocatorOptions { HasTextString = status });
        await shown.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Equal(status, (await shown.InnerTextAsync()).Trim());
    }

    /// <summary>Days used, days left and the deadline on the page are the applications service's figures for the case.</summary>
    async Task AssertClockIsTheApisAsync(IPage page, string number, string state)
    {
        var (status, application) = await (await hall.HttpAs(DemoCounty.Zhangsan)).SendAsync(HttpMethod.Get, $"/api/applications/{number}");
        Assert.Equal(200, status);
        var clock = application!["clock"]!;
        Assert.Equal(state, (string?)clock["state"]);
        Assert.Equal(((int?)clock["daysUsed"] ?? 0).ToString(), (await page.InnerTextAsync("#clock .days-used")).Trim());
        Assert.Equal(((int?)clock["daysLeft"] ?? 0).ToString(), (await page.InnerTextAsync("#clock .days-left")).Trim());
        if ((string?)clock["deadline"] is { Length: > 0 } deadline)
        {
            Assert.Equal(deadline, await page.GetAttributeAsync("#clock time.deadline", "datetime"));
        }
        if ((string?)clock["pausedReason"] is { Length: > 0 } reason)
        {
            Assert.Equal(reason, (await page.InnerTextAsync("#clock .paused-reason")).Split('（')[0].Trim());
        }
    }

    /// <summary>The case pages show the applicant's ID and mobile number masked, as the service gives them.</summary>
    static async Task AssertNoPersonalNumberAsync(IPage page)
    {
        var html = await page.ContentAsync();
        Assert.False(PersonalNumbers.Found(html), $"{page.Url} shows an unmasked ID or mobile number");
    }
}
