using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;
using Deque.AxeCore.Playwright;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// A case from both sides, in two browsers: zhangsan applies online for an item whose guide asks for two uploaded
/// materials (a refusal keeps the uploaded files, 暂存 and continuing from 我的办件), ziranziyuan accepts it on the
/// workbench and asks for 补正, zhangsan sees the paused clock and why and answers with a replacement file, the officer
/// approves with a decision document file and completes; zhangsan follows every step and the notification feed, and
/// downloads the decision document. The clock on each page is
/// the figure the API gives for the case.
/// </summary>
public sealed partial class PortalJourneyTests
{
    [Theory]
    [MemberData(nameof(Devices))]
    public async Task A_citizen_applies_online_with_two_files_the_officer_works_the_case_with_a_correction_and_the_citizen_follows_every_step(string device, bool javaScript)
    {
        var itemId = await TwoMaterialItemAsync($"建设用地规划许可（{device}{(javaScript ? "" : "，无脚本")}）");
        await using var citizenBrowser = await browser.NewContextAsync(Viewport(device), javaScript);
        await using var officerBrowser = await browser.NewContextAsync(Viewport(device), javaScript);
        var citizen = await citizenBrowser.NewPageAsync();
        var officer = await officerBrowser.NewPageAsync();
        using var files = new TempFiles();
        var form = files.Write("申请表.pdf", SampleFiles.Pdf("application form"));
        var proof = files.Write("身份证明.jpg", SampleFiles.Jpeg());
        var replacement = files.Write("身份证明（清晰）.png", SampleFiles.Png());
        var decisionPdf = SampleFiles.Pdf("decision document " + device + javaScript);
        var decision = files.Write("许可决定书.pdf", decisionPdf);

        // Applying: from the guide's 在线办理, through signing in, to the form with a file input per material.
        await citizen.GotoAsync(Portal($"/items/{itemId}"));
        await citizen.ClickAsync("a.apply");
        await SignInAsync(citizen, DemoCounty.Zhangsan);
        await citizen.WaitForURLAsync(new Regex($"/items/{itemId}/apply$"), Rendered);
        Assert.Contains("必要", await citizen.InnerTextAsync("label[for=material-0]"));
        Assert.Contains("必要", await citizen.InnerTextAsync("label[for=material-1]"));
        await citizen.FillAsync("#applicant-name", "张三");
        await citizen.FillAsync("#applicant-id-number", TestCodes.DemoResidentId);
        // A wrong number first, with both files chosen: refused beside its field, the rest of the form kept and the
        // files, uploaded already, remembered by name (not to be chosen again).
        await citizen.FillAsync("#applicant-phone", "12345");
        await citizen.SelectOptionAsync("#delivery", "Electronic");
        await citizen.FillAsync("#note", "申请建设用地规划许可");
        await citizen.SetInputFilesAsync("#material-0", form);
        await citizen.SetInputFilesAsync("#material-1", proof);
        await citizen.ClickAsync("#apply button[type=submit]:not(.secondary)");
        await citizen.WaitForSelectorAsync("#applicant-phone-error");
        Assert.Contains("申请人手机号码", await citizen.InnerTextAsync("#applicant-phone-error"));
        Assert.Equal("申请建设用地规划许可", await citizen.InputValueAsync("#note"));
        Assert.Equal("Electronic", await citizen.InputValueAsync("#delivery"));
        Assert.Contains("申请表.pdf", await citizen.InnerTextAsync("#material-0-kept"));
        Assert.Contains("身份证明.jpg", await citizen.InnerTextAsync("#material-1-kept"));
        await AssertNoSeriousAxeViolationsAsync(citizen, "apply-refused", javaScript);

        // 暂存: saved with its files, then continued from 我的办件 with the numbers shown masked.
        await citizen.FillAsync("#applicant-phone", TestCodes.DemoMobile);
        await citizen.ClickAsync("#apply button.secondary[type=submit]");
        await citizen.WaitForURLAsync(new Regex($"/items/{itemId}/apply\\?draft=[0-9a-f]+&saved=true$"), Rendered);
        Assert.NotEqual(TestCodes.DemoMobile, await citizen.InputValueAsync("#applicant-phone"));
        await AssertNoPersonalNumberAsync(citizen);
        await citizen.GotoAsync(Portal("/my/applications"));
        var draft = citizen.Locator("li.draft", new PageLocatorOptions { Has = citizen.Locator($"a[href^='/items/{itemId}/apply?draft=']") });
        Assert.Equal(1, await draft.CountAsync());
        await AssertNoSeriousAxeViolationsAsync(citizen, "my-applications-drafts", javaScript);
        await draft.Locator("a.button-link").ClickAsync();
        await citizen.WaitForURLAsync(new Regex($"/items/{itemId}/apply\\?draft="), Rendered);
        Assert.Equal(1, await citizen.Locator("#material-0-kept").CountAsync());
        Assert.Equal(1, await citizen.Locator("#material-1-kept").CountAsync());
        await citizen.ClickAsync("#apply button[type=submit]:not(.secondary)");
        await citizen.WaitForURLAsync(new Regex("/my/applications/SH[0-9A-Z]+$"), Rendered);
        var number = citizen.Url[(citizen.Url.LastIndexOf('/') + 1)..];
        Assert.Equal("已申请（待受理）", (await citizen.InnerTextAsync(".case-facts .status")).Trim());
        var listed = await citizen.InnerTextAsync("#files");
        Assert.Contains("申请表.pdf", listed);
        Assert.Contains("身份证明.jpg", listed);
        await AssertNoPersonalNumberAsync(citizen);
        // Submitted, the draft is gone from 我的办件.
        await citizen.GotoAsync(Portal("/my/applications"));
        Assert.Equal(0, await citizen.Locator($"li.draft a[href^='/items/{itemId}/apply?draft=']").CountAsync());

        // The officer's queue holds it; accepting it starts the clock.
        await officer.GotoAsync(Portal("/work/cases?item=" + itemId));
        await SignInAsync(officer, DemoCounty.Ziranziyuan);
        await officer.WaitForURLAsync(new Regex("/work/cases"), Rendered);
        await officer.ClickAsync($"a[href='/work/cases/{number}']");
        await officer.WaitForURLAsync(new Regex($"/work/cases/{number}$"), Rendered);
        Assert.Contains("身份证明.jpg", await officer.InnerTextAsync("#files"));
        await officer.FillAsync("#accept-opinion", "申请材料齐全，予以受理");
        await officer.FillAsync("#accept-note", "已电话核实申请人身份");
        await officer.ClickAsync("#form-accept button[type=submit]");
        await WaitForStatusAsync(officer, "已受理");
        Assert.Contains("已电话核实申请人身份", await officer.InnerTextAsync("#trail"));

        // 补正: the proof of identity again, readable.
        await officer.FillAsync("#correction-0-material", SampleMaterials.Proof);
        await officer.FillAsync("#correction-0-problem", "照片模糊，请上传清晰的身份证明");
        await officer.ClickAsync("#form-correction button[type=submit]");
        await WaitForStatusAsync(officer, "待补正");

        // The citizen sees the paused clock, why, and the list; the figures are the API's. The answer carries a new file.
        await citizen.GotoAsync(Portal($"/my/applications/{number}"));
        await WaitForStatusAsync(citizen, "待补正");
        Assert.Contains("已暂停", await citizen.InnerTextAsync("#clock .clock-state"));
        Assert.Contains("照片模糊，请上传清晰的身份证明", await citizen.InnerTextAsync("#correction"));
        Assert.DoesNotContain("已电话核实申请人身份", await citizen.ContentAsync());
        await AssertClockIsTheApisAsync(citizen, number, "CLOCK_STATE_PAUSED");
        await AssertNoSeriousAxeViolationsAsync(citizen, "my-case-correction-files", javaScript);
        await citizen.FillAsync("#correction-response", "已上传清晰的身份证明");
        Assert.Contains(SampleMaterials.Proof, await citizen.InnerTextAsync("#correction-files label[for=material-0]"));
        await citizen.SetInputFilesAsync("#correction-files #material-0", replacement);
        await citizen.ClickAsync("#correct button[type=submit]");
        await WaitForStatusAsync(citizen, "已受理");
        Assert.Contains("计时中", await citizen.InnerTextAsync("#clock .clock-state"));
        await AssertClockIsTheApisAsync(citizen, number, "CLOCK_STATE_RUNNING");
        var replaced = citizen.Locator("#files tr", new PageLocatorOptions { HasTextString = "身份证明.jpg" });
        Assert.Contains("已被补正替换", await replaced.InnerTextAsync());
        Assert.Contains("身份证明（清晰）.png", await citizen.InnerTextAsync("#files"));

        // Decided with the decision document as a file, and completed, on the workbench.
        await officer.ReloadAsync();
        await WaitForStatusAsync(officer, "已受理");
        Assert.Contains("身份证明（清晰）.png", await officer.InnerTextAsync("#files"));
        await officer.CheckAsync("#form-decide input[name=Decision][value=Approve]");
        await officer.FillAsync("#decide-opinion", "符合规划条件，准予许可");
        var decisionNumber = $"镇自然资规许〔2026〕{Random.Shared.Next(100, 100_000)}号";
        await officer.FillAsync("#decide-document-number", decisionNumber);
        await officer.FillAsync("#decide-document-title", "建设用地规划许可决定书");
        await officer.SetInputFilesAsync("#decide-document-file", decision);
        await AssertNoSeriousAxeViolationsAsync(officer, "work-case-files", javaScript);
        await officer.ClickAsync("#form-decide button[type=submit]");
        await WaitForStatusAsync(officer, "准予许可（待办结）");
        await officer.FillAsync("#complete-delivery-note", "已电子送达");
        await officer.ClickAsync("#form-complete button[type=submit]");
        await WaitForStatusAsync(officer, "已办结");

        // The citizen: completed, the whole trail, the clock stopped as the API says, and the decision document to download.
        await citizen.ReloadAsync();
        await WaitForStatusAsync(citizen, "已办结");
        var trail = await citizen.InnerTextAsync("#trail");
        foreach (var step in new[] { "提交申请", "受理", "补正告知", "提交补正", "作出决定", "办结" })
        {
            Assert.Contains(step, trail);
        }
        await AssertClockIsTheApisAsync(citizen, number, "CLOCK_STATE_STOPPED");
        Assert.Equal(0, await citizen.Locator("#withdraw").CountAsync());
        await AssertNoSeriousAxeViolationsAsync(citizen, "my-case-decided", javaScript);
        // The download link as the browser follows it, with the citizen's cookies: the document's bytes, its type, an attachment, no cache.
        var link = citizen.Locator(".decision-document a");
        Assert.NotNull(await link.GetAttributeAsync("download"));
        var downloaded = await citizenBrowser.APIRequest.GetAsync(Portal((await link.GetAttributeAsync("href"))!), new APIRequestContextOptions { Timeout = 60_000 });
        Assert.Equal(200, downloaded.Status);
        Assert.Equal("application/pdf", downloaded.Headers["content-type"]);
        Assert.StartsWith("attachment", downloaded.Headers["content-disposition"]);
        Assert.Contains("no-store", downloaded.Headers["cache-control"]);
        Assert.Equal(decisionPdf, await downloaded.BodyAsync());
        await downloaded.DisposeAsync();

        // 双公示: the approval is zhangsan's 行政许可 record, public in credit and in search under the masked name only.
        var hit = await hall.Http.LicenceUntilFoundAsync(decisionNumber, TimeSpan.FromSeconds(60));
        Assert.True(hit is not null, $"no licence {decisionNumber} in search after 60 s");
        var (lookedUp, licence) = await hall.Http.SendAsync(HttpMethod.Get, (string)hit["url"]!);
        Assert.Equal(200, lookedUp);
        Assert.Equal(("HOLDER_KIND_NATURAL_PERSON", "张*", "建设用地规划许可决定书", number),
            ((string?)licence!["holderKind"], (string?)licence["holderName"], (string?)licence["documentTitle"], (string?)licence["source"]));
        await citizen.GotoAsync(Portal("/search?q=" + Uri.EscapeDataString(decisionNumber)));
        Assert.Contains(decisionNumber, await citizen.InnerTextAsync("main"));
        await AssertNoPersonalNumberAsync(citizen);

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

    /// <summary>A published item of 自然资源和规划局 for everyone whose guide asks for two required electronic materials.</summary>
    async Task<string> TwoMaterialItemAsync(string name)
    {
        var catalog = new CatalogService.CatalogServiceClient(await hall.GrpcAs(DemoCounty.Ziranziyuan));
        var guide = SampleGuide.ForEveryone(name + Guid.NewGuid().ToString("N")[..4]);
        guide.Materials.Add(new Material { Name = SampleMaterials.Proof, Type = "电子件", Form = "电子", Necessity = "必要", Source = "申请人自备" });
        var item = await catalog.CreateItemAsync(new CreateItemRequest { Guide = guide });
        await catalog.PublishItemAsync(new ChangeItemRequest { Id = item.Id });
        return item.Id;
    }

    /// <summary>
    /// axe on the page as it is now: no serious or critical violation. axe runs as script in the page, and with
    /// JavaScript off its run never settles; so a page seen without JavaScript is checked as that same HTML, served
    /// again under its own address to a context where only axe may run: every page script is refused, the
    /// stylesheets load as they did, and nothing a script would have changed is there.
    /// </summary>
    async Task AssertNoSeriousAxeViolationsAsync(IPage page, string state, bool javaScript)
    {
        if (javaScript)
        {
            AssertNoSeriousOrCritical(state, await page.RunAxe().WaitAsync(TimeSpan.FromSeconds(90)));
            return;
        }
        var html = await page.ContentAsync();
        var url = page.Url;
        await using var context = await browser.NewContextAsync(page.ViewportSize is { } size ? new ViewportSize { Width = size.Width, Height = size.Height } : PortalBrowser.Desktop);
        var replay = await context.NewPageAsync();
        // The request's address has no fragment (a page reached at #note is requested without it).
        var requested = url.Split('#')[0];
        await replay.RouteAsync(u => u == requested, route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
        await replay.RouteAsync(u => new Uri(u).AbsolutePath.EndsWith(".js", StringComparison.Ordinal), route => route.AbortAsync());
        await replay.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        // The page checked is the one seen, not whatever the address would answer a context without the user's session.
        Assert.Equal(await page.TitleAsync(), await replay.TitleAsync());
        // Bounded: a run that never settles fails with the page state named instead of holding the whole run.
        AssertNoSeriousOrCritical(state + " (without JavaScript)", await replay.RunAxe().WaitAsync(TimeSpan.FromSeconds(90)));
    }

    static void AssertNoSeriousOrCritical(string state, Deque.AxeCore.Commons.AxeResult result)
    {
        var problems = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{state}: {v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>Files for the browser's file inputs, written to a folder of their own and removed afterwards.</summary>
    sealed class TempFiles : IDisposable
    {
        readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "servicehall-e2e-" + Guid.NewGuid().ToString("N"))).FullName;

        public string Write(string name, byte[] content)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, content);
            return path;
        }

        public void Dispose() => Directory.Delete(folder, recursive: true);
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
