using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// 电子监察 from both sides, in two browsers: jiancha signs in, reads the board, finds an extended case of 公安局 with
/// the board's filter form (a plain GET), opens it and adds a 督办 note; gongan sees the open note on the workbench
/// case page and answers it; jiancha reads the answer. The case is made through the API (submitted by zhangsan,
/// accepted by gongan, extended by gongan's head), so the browsers do only the supervision.
/// </summary>
public sealed partial class PortalJourneyTests
{
    public static TheoryData<string, bool> SupervisionDevices => new() { { "desktop", true }, { "phone", false } };

    [Theory]
    [MemberData(nameof(SupervisionDevices))]
    public async Task The_supervisor_reads_the_board_opens_a_case_and_adds_a_note_that_the_officer_answers(string device, bool javaScript)
    {
        var number = await ExtendedPoliceCaseAsync($"监察测试事项（{device}{(javaScript ? "" : "，无脚本")}）");
        await using var supervisorBrowser = await browser.NewContextAsync(Viewport(device), javaScript);
        await using var officerBrowser = await browser.NewContextAsync(Viewport(device), javaScript);
        var supervisor = await supervisorBrowser.NewPageAsync();
        var officer = await officerBrowser.NewPageAsync();
        var noteText = $"该件已延期，请于三日内说明办理进度（{device}）";

        // The board: a table with its caption, found in the header's navigation once signed in.
        await supervisor.GotoAsync(Portal("/supervise"));
        await SignInAsync(supervisor, DemoCounty.Jiancha);
        await supervisor.WaitForURLAsync(new Regex("/supervise$"), Rendered);
        Assert.Equal(1, await supervisor.Locator("nav.site-nav a[href='/supervise']").CountAsync());
        Assert.Contains("县公安局", await supervisor.InnerTextAsync("table.board"));
        await AssertNoSeriousAxeViolationsAsync(supervisor, "supervise-board", javaScript);

        // 公安局's extended cases, with the filter form, then the case.
        await supervisor.SelectOptionAsync("#department", SampleGuide.Police);
        await supervisor.CheckAsync("#cases input[name=extended]");
        await supervisor.ClickAsync("#cases form button[type=submit]");
        await supervisor.WaitForURLAsync(new Regex("/supervise\\?department=.*extended=1"), Rendered);
        await supervisor.ClickAsync($"a[href='/supervise/cases/{number}']");
        await supervisor.WaitForURLAsync(new Regex($"/supervise/cases/{number}$"), Rendered);
        Assert.Contains("延期", await supervisor.InnerTextAsync("#trail"));
        await AssertNoPersonalNumberAsync(supervisor);

        // A 督办 note, shown as waiting for the department.
        await supervisor.FillAsync("#note-text", noteText);
        await supervisor.ClickAsync("#form-note button[type=submit]");
        var written = supervisor.Locator(".supervision-note", new PageLocatorOptions { HasTextString = noteText });
        await written.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Contains("待承办部门答复", await written.InnerTextAsync());
        await AssertNoSeriousAxeViolationsAsync(supervisor, "supervise-case-note", javaScript);

        // The officer of 公安局: the note waits above the workbench queue and leads to the case page, answered there.
        await officer.GotoAsync(Portal("/work/cases"));
        await SignInAsync(officer, DemoCounty.Gongan);
        await officer.WaitForURLAsync(new Regex("/work/cases$"), Rendered);
        var owed = officer.Locator("#owed-notes li", new PageLocatorOptions { HasTextString = noteText });
        Assert.Equal(1, await owed.CountAsync());
        await AssertNoSeriousAxeViolationsAsync(officer, "workbench-owed-notes", javaScript);
        await owed.Locator($"a[href='/work/cases/{number}#notes']").ClickAsync();
        await officer.WaitForURLAsync(new Regex($"/work/cases/{number}#notes$"), Rendered);
        var open = officer.Locator("#notes .supervision-note", new PageLocatorOptions { HasTextString = noteText });
        Assert.Contains("待承办部门答复", await open.InnerTextAsync());
        var answerForm = officer.Locator("#notes form", new PageLocatorOptions { HasTextString = noteText });
        await AssertNoSeriousAxeViolationsAsync(officer, "work-case-supervision-note", javaScript);
        await answerForm.Locator("textarea[name=Answer]").FillAsync("已安排专人办理，三日内作出决定");
        await answerForm.Locator("button[type=submit]").ClickAsync();
        var answered = officer.Locator("#notes .supervision-note", new PageLocatorOptions { HasTextString = "已安排专人办理，三日内作出决定" });
        await answered.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

        // The supervisor reads the answer, with who gave it.
        await supervisor.ReloadAsync();
        var seen = supervisor.Locator(".supervision-note", new PageLocatorOptions { HasTextString = noteText });
        Assert.Contains("已安排专人办理，三日内作出决定", await seen.InnerTextAsync());
        Assert.DoesNotContain("待承办部门答复", await seen.InnerTextAsync());
        await AssertNoPersonalNumberAsync(supervisor);

        if (device == "phone")
        {
            foreach (var page in new[] { supervisor, officer })
            {
                var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= PortalBrowser.Phone.Width, $"{page.Url} is {scrollWidth}px wide at {PortalBrowser.Phone.Width}px");
            }
        }
    }

    /// <summary>A case of 公安局 (an item asking for no material): submitted by zhangsan, accepted by gongan, extended by its head.</summary>
    async Task<string> ExtendedPoliceCaseAsync(string name)
    {
        var catalog = new CatalogService.CatalogServiceClient(await hall.GrpcAs(DemoCounty.Gongan));
        var guide = SampleGuide.ForEveryone(name + Guid.NewGuid().ToString("N")[..4], SampleGuide.Police);
        guide.Materials.Clear();
        guide.NoMaterialsReason = "申请人在线填写申请内容即可，无需提交材料";
        var item = await catalog.CreateItemAsync(new CreateItemRequest { Guide = guide });
        await catalog.PublishItemAsync(new ChangeItemRequest { Id = item.Id });
        var application = await new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Zhangsan)).SubmitApplicationAsync(new SubmitApplicationRequest
        {
            ItemId = item.Id, ApplicantName = "张三", IdempotencyKey = Guid.NewGuid().ToString(),
            ApplicantIdNumber = TestCodes.DemoResidentId, ApplicantPhone = TestCodes.DemoMobile,
        });
        await new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Gongan))
            .AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = application.TrackingNumber, Opinion = "予以受理" });
        await new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.GonganHead))
            .ExtendDeadlineAsync(new ExtendDeadlineRequest { TrackingNumber = application.TrackingNumber, WorkingDays = 2, Reason = "需现场核查" });
        return application.TrackingNumber;
    }
}
