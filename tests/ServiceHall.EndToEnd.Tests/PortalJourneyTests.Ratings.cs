using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceHall.Applications.V1;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// 好差评 in three browsers through the gateway: zhangsan rates a completed case 非常不满意 on its case page, which
/// opens a follow-up; the department's officer (ziranziyuan) records the rectification and then the call-back on the
/// 整改回访 page; zhangsan reads both and closes it; the administrator approves the comment on 评价审核. With and
/// without JavaScript (forms only, no script needed).
/// </summary>
public sealed partial class PortalJourneyTests
{
    [Theory]
    [InlineData("desktop", true)]
    [InlineData("phone", false)]
    public async Task A_bad_rating_opens_a_follow_up_the_officer_rectifies_and_calls_back_and_the_rater_closes_it(string device, bool javaScript)
    {
        var number = await CompletedCaseAsync($"临时用地审批（评价，{device}{(javaScript ? "" : "，无脚本")}）");
        var before = await DepartmentRatingFiguresAsync();
        await using var citizenBrowser = await browser.NewContextAsync(Viewport(device), javaScript);
        await using var officerBrowser = await browser.NewContextAsync(Viewport(device), javaScript);
        await using var adminBrowser = await browser.NewContextAsync(Viewport(device), javaScript);
        var citizen = await citizenBrowser.NewPageAsync();
        var officer = await officerBrowser.NewPageAsync();
        var admin = await adminBrowser.NewPageAsync();

        // The completed case offers the rating form: five levels, the reasons, a comment.
        await citizen.GotoAsync(Portal($"/my/applications/{number}"));
        await SignInAsync(citizen, DemoCounty.Zhangsan);
        await citizen.WaitForURLAsync(new Regex($"/my/applications/{number}$"), Rendered);
        Assert.Equal(5, await citizen.Locator("#rate input[name='Input.Level']").CountAsync());
        await AssertNoSeriousAxeViolationsAsync(citizen, "my-case-rating-form", javaScript);
        await citizen.CheckAsync("#rate input[name='Input.Level'][value=VeryDissatisfied]");
        await citizen.CheckAsync("#rate input[name='Input.Reasons'][value=Efficiency]");
        await citizen.CheckAsync("#rate input[name='Input.Reasons'][value=Process]");
        await citizen.FillAsync("#rating-comment", $"等了很久才办好，请回电 {TestCodes.DemoMobile}");
        await citizen.ClickAsync("#rate button[type=submit]");
        await citizen.WaitForURLAsync(new Regex($"/my/applications/{number}(#rating)?$"), Rendered);
        var rated = await citizen.InnerTextAsync("#rating");
        Assert.Contains("网上办事大厅评价：非常不满意", rated);
        Assert.Contains("办事效率、流程繁琐", rated);
        Assert.Contains("待审核", rated);
        Assert.Contains("待整改", rated);
        Assert.Equal(0, await citizen.Locator("#rate").CountAsync());
        await AssertNoPersonalNumberAsync(citizen);

        var ratingId = await RatingIdAsync(number);
        // The public figures count the rating at once (other tests only ever add to the department's).
        Assert.True((await DepartmentRatingFiguresAsync()).VeryDissatisfied >= before.VeryDissatisfied + 1);

        // The department's 整改回访 page: the follow-up with its deadline; rectified, then called back.
        await officer.GotoAsync(Portal("/work/follow-ups"));
        await SignInAsync(officer, DemoCounty.Ziranziyuan);
        await officer.WaitForURLAsync(new Regex("/work/follow-ups"), Rendered);
        var followUp = officer.Locator($"#follow-up-{ratingId}");
        Assert.Contains("待整改", await followUp.InnerTextAsync());
        Assert.Matches(@"\d{4}-\d{2}-\d{2}", await followUp.Locator(".follow-up").InnerTextAsync());
        await AssertNoSeriousAxeViolationsAsync(officer, "work-follow-ups", javaScript);
        await followUp.Locator("textarea[name=Text]").FillAsync("已约谈经办窗口，压缩审批环节，承诺时限缩短为5个工作日");
        await followUp.Locator("button[type=submit]").ClickAsync();
        await officer.WaitForURLAsync(new Regex("/work/follow-ups"), Rendered);
        followUp = officer.Locator($"#follow-up-{ratingId}");
        await followUp.Locator(".status", new LocatorLocatorOptions { HasTextString = "已整改" }).WaitForAsync();
        await followUp.Locator("textarea[name=Text]").FillAsync("12月7日电话回访申请人，已说明整改措施");
        await followUp.Locator("button[type=submit]").ClickAsync();
        await officer.WaitForURLAsync(new Regex("/work/follow-ups"), Rendered);
        await officer.Locator($"#follow-up-{ratingId} .status", new PageLocatorOptions { HasTextString = "已回访" }).WaitForAsync();
        // Called back before its due day: a follow-up done on time in the public figures, read through the gateway.
        var calledBack = await DepartmentRatingFiguresAsync();
        Assert.True(calledBack.FollowUpsOnTime >= before.FollowUpsOnTime + 1, $"{before} → {calledBack}");

        // The rater reads what was done and closes it.
        await citizen.GotoAsync(Portal($"/my/applications/{number}"));
        var seen = await citizen.InnerTextAsync("#rating");
        Assert.Contains("压缩审批环节", seen);
        Assert.Contains("电话回访申请人", seen);
        await AssertNoSeriousAxeViolationsAsync(citizen, "my-case-follow-up-called-back", javaScript);
        await citizen.CheckAsync("#close-follow-up input[name='Input.Resolved'][value=true]");
        await citizen.FillAsync("#follow-up-remark", "满意整改结果");
        await citizen.ClickAsync("#close-follow-up button[type=submit]");
        await citizen.WaitForURLAsync(new Regex($"/my/applications/{number}(#rating)?$"), Rendered);
        var closed = await citizen.InnerTextAsync("#rating");
        Assert.Contains("已关闭", closed);
        Assert.Contains("已解决", closed);
        Assert.Equal(0, await citizen.Locator("#close-follow-up").CountAsync());

        // The administrator approves the comment, which was masked before anyone read it.
        await admin.GotoAsync(Portal("/admin/comments"));
        await SignInWithCodeAsync(admin, DemoCounty.Admin);
        await admin.WaitForURLAsync(new Regex("/admin/comments"), Rendered);
        var comment = admin.Locator($"#comment-{ratingId}");
        Assert.Contains("等了很久才办好", await comment.InnerTextAsync());
        await AssertNoPersonalNumberAsync(admin);
        await AssertNoSeriousAxeViolationsAsync(admin, "admin-comments", javaScript);
        await comment.Locator("input[name=Approve][value=true]").CheckAsync();
        await comment.Locator("textarea[name=Reason]").FillAsync("内容属实，无不当言论");
        await comment.Locator("button[type=submit]").ClickAsync();
        await admin.WaitForURLAsync(new Regex("/admin/comments$"), Rendered);
        Assert.Equal(0, await admin.Locator($"#comment-{ratingId}").CountAsync());

        if (device == "phone")
        {
            foreach (var page in new[] { citizen, officer, admin })
            {
                var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= PortalBrowser.Phone.Width, $"{page.Url} is {scrollWidth}px wide at {PortalBrowser.Phone.Width}px");
            }
        }

        var (status, list) = await (await hall.HttpAs(DemoCounty.Zhangsan)).SendAsync(HttpMethod.Get, $"/api/ratings/cases/{number}");
        Assert.Equal(200, status);
        var rating = list!["ratings"]!.AsArray().Single()!;
        Assert.Equal(("COMMENT_STATUS_APPROVED", "FOLLOW_UP_STATUS_CLOSED", true),
            ((string?)rating["commentStatus"], (string?)rating["followUp"]!["status"], (bool?)rating["followUp"]!["resolved"] ?? false));
    }

    /// <summary>zhangsan's case of a new item of 自然资源和规划局, accepted, approved and completed by ziranziyuan over gRPC.</summary>
    /// <summary>
    /// 自然资源和规划局's public figures from this month to the next (a follow-up may fall due next month), read
    /// through the gateway without signing in: the ratings 非常不满意 and the follow-ups called back on time.
    /// </summary>
    async Task<(int VeryDissatisfied, int FollowUpsOnTime)> DepartmentRatingFiguresAsync()
    {
        var today = DateTime.UtcNow.AddHours(8);
        var (status, figures) = await hall.Http.SendAsync(HttpMethod.Get,
            $"/api/figures?departmentCode={SampleGuide.NaturalResources}&fromMonth={today:yyyy-MM}&toMonth={today.AddMonths(1):yyyy-MM}");
        Assert.Equal(200, status);
        var total = figures!["total"]!;
        return ((int?)total["ratings"]?["veryDissatisfied"] ?? 0, (int?)total["followUpsOnTime"] ?? 0);
    }

    async Task<string> CompletedCaseAsync(string name)
    {
        var itemId = await NoMaterialItemAsync(name);
        var zhangsan = new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Zhangsan));
        var number = (await zhangsan.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            ItemId = itemId, ApplicantName = "张三", IdempotencyKey = Guid.NewGuid().ToString(),
            ApplicantIdNumber = TestCodes.DemoResidentId, ApplicantPhone = TestCodes.DemoMobile,
        })).TrackingNumber;
        var officer = new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Ziranziyuan));
        await officer.AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = number });
        await officer.DecideApplicationAsync(new DecideApplicationRequest
        {
            TrackingNumber = number, Decision = Decision.Approve, Opinion = "准予", DocumentNumber = $"镇自然资〔2026〕{Random.Shared.Next(100, 999)}号", DocumentTitle = "准予决定书",
        });
        await officer.CompleteApplicationAsync(new CompleteApplicationRequest { TrackingNumber = number, DeliveryNote = "已电子送达" });
        return number;
    }

    /// <summary>The administrator signs in with password and then the authenticator's code, which the sign-in page asks for.</summary>
    static async Task SignInWithCodeAsync(IPage page, string account)
    {
        await SignInAsync(page, account);
        await page.WaitForSelectorAsync("#totp");
        await page.FillAsync("input[name=password]", HallSignIn.DemoPassword);
        await page.FillAsync("#totp", Totp.Code(HallSignIn.DemoAdminTotpKey, DateTimeOffset.UtcNow));
        await page.ClickAsync("button[type=submit]");
    }

    async Task<string> RatingIdAsync(string number)
    {
        var ratings = new RatingService.RatingServiceClient(await hall.GrpcAs(DemoCounty.Zhangsan));
        return (await ratings.ListCaseRatingsAsync(new ListCaseRatingsRequest { TrackingNumber = number })).Ratings.Single().RatingId;
    }
}
