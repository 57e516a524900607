using System.Net;
using ServiceHall.Applications.V1;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

/// <summary>我的办件, the applicant's case page and 我的消息.</summary>
public sealed class MyApplicationsTests
{
    static readonly string CasePage = "/my/applications/" + SampleCases.Number;

    [Fact]
    public async Task My_applications_show_each_case_with_the_clock_figures_the_service_gave()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListMyApplicationsRequest, ListApplicationsResponse>("ListMyApplications", _ => new() { Applications = { SampleCases.Case(ApplicationStatus.MaterialsRequested) } });

        var (status, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync("/my/applications");

        Assert.Equal(HttpStatusCode.OK, status);
        var item = Assert.Single(Elements(html, "li", "case"));
        Assert.Contains($"<a href=\"{CasePage}\">居民身份证申领</a>", item);
        Assert.Contains("待补正", item);
        Assert.Contains("<span class=\"days-used\">3</span>", item);
        Assert.Contains("<span class=\"days-left\">17</span>", item);
        Assert.Contains("已暂停", item);
        Assert.Contains("等待申请人补正材料", item);
        Assert.Contains("<time class=\"deadline\" datetime=\"2026-12-29\">2026年12月29日（星期二）</time>", item);
    }

    [Fact]
    public async Task A_case_waiting_for_correction_shows_the_list_and_the_answer_form_and_the_answer_goes_to_the_service()
    {
        await using var host = new PortalHost();
        host.Hall.WithCase(SampleCases.Case(ApplicationStatus.MaterialsRequested))
            .On<SubmitCorrectionRequest, Application>("SubmitCorrection", _ => SampleCases.Case());
        var browser = host.Browser(TestUser.Zhangsan);

        var (status, html) = await browser.GetPageAsync(CasePage);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("照片背景应为白色", Section(html, "correction"));
        Assert.Contains("材料齐全，予以受理", Section(html, "trail"));
        Assert.Contains("<form class=\"case-form\" method=\"post\" action=\"" + CasePage + "?handler=withdraw\">", html);

        using var response = await browser.PostAsync(CasePage + "?handler=correct", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(html), ["CorrectionResponse"] = " 已重新上传白底照片 ",
        }), Ct);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(CasePage, response.Headers.Location?.OriginalString);
        var request = (SubmitCorrectionRequest)Assert.Single(host.Hall.CallsTo("SubmitCorrection")).Request;
        Assert.Equal((SampleCases.Number, "已重新上传白底照片"), (request.TrackingNumber, request.Response));
    }

    [Fact]
    public async Task A_step_the_case_no_longer_allows_shows_the_services_refusal_and_keeps_the_text()
    {
        await using var host = new PortalHost();
        host.Hall.WithCase(SampleCases.Case(ApplicationStatus.MaterialsRequested))
            .On<SubmitCorrectionRequest, Application>("SubmitCorrection", _ => throw new Grpc.Core.RpcException(new Grpc.Core.Status(
                Grpc.Core.StatusCode.FailedPrecondition, "申请 SH20261207K7M2Q9XB 当前状态为“已撤回”，不能提交补正")));
        var browser = host.Browser(TestUser.Zhangsan);
        var (_, page) = await browser.GetPageAsync(CasePage);

        using var response = await browser.PostAsync(CasePage + "?handler=correct", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(page), ["CorrectionResponse"] = "已重新上传",
        }), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("当前状态为“已撤回”，不能提交补正", html);
        Assert.Contains(">已重新上传</textarea>", html);
    }

    [Fact]
    public async Task A_running_case_has_no_correction_form_and_a_completed_one_no_withdraw_form()
    {
        await using var host = new PortalHost();
        var completed = SampleCases.Case(ApplicationStatus.Completed);
        completed.Clock = new CaseClock { State = ClockState.Stopped, LimitDays = 20, DaysUsed = 5, DaysLeft = 15, StoppedOn = "2026-12-07" };
        host.Hall.WithCase(completed);

        var (_, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync(CasePage);

        Assert.DoesNotContain("id=\"correction\"", html);
        Assert.DoesNotContain("handler=withdraw", html);
        Assert.Contains("已办结", html);
        Assert.Contains("已停止", html);
    }

    [Fact]
    public async Task Withdrawing_posts_the_reason_and_returns_to_the_case()
    {
        await using var host = new PortalHost();
        host.Hall.WithCase(SampleCases.Case(ApplicationStatus.Submitted))
            .On<WithdrawApplicationRequest, Application>("WithdrawApplication", _ => SampleCases.Case(ApplicationStatus.Withdrawn));
        var browser = host.Browser(TestUser.Zhangsan);
        var (_, page) = await browser.GetPageAsync(CasePage);

        using var response = await browser.PostAsync(CasePage + "?handler=withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(page), ["WithdrawReason"] = "已在窗口办理",
        }), Ct);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var request = (WithdrawApplicationRequest)Assert.Single(host.Hall.CallsTo("WithdrawApplication")).Request;
        Assert.Equal((SampleCases.Number, "已在窗口办理"), (request.TrackingNumber, request.Reason));
    }

    [Fact]
    public async Task A_case_page_with_an_expired_sign_in_offers_signing_in_again()
    {
        await using var host = new PortalHost();
        host.Hall.Fail("GetApplication", Grpc.Core.StatusCode.Unauthenticated).On<GetCaseTrailRequest, CaseTrail>("GetCaseTrail", _ => new());

        var (status, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync(CasePage);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("<a href=\"/signin?returnUrl=%2Fmy%2Fapplications%2F" + SampleCases.Number + "\">重新登录</a>", html);
    }

    [Fact]
    public async Task Another_persons_case_is_not_found()
    {
        await using var host = new PortalHost();
        host.Hall.Fail("GetApplication", Grpc.Core.StatusCode.PermissionDenied).On<GetCaseTrailRequest, CaseTrail>("GetCaseTrail", _ => new());

        var (status, _) = await host.Browser(TestUser.Zhangsan).GetPageAsync(CasePage);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    static ListNotificationsResponse Feed() => new()
    {
        UnreadCount = 1,
        Notifications =
        {
            new Notification { Id = "n2", TrackingNumber = SampleCases.Number, Action = CaseAction.CorrectionRequested, Title = "需要补正材料", Body = "请补正：近期免冠照片", Read = false },
            new Notification { Id = "n1", TrackingNumber = SampleCases.Number, Action = CaseAction.Accepted, Title = "申请已受理", Body = "您的申请已受理", Read = true },
        },
    };

    [Fact]
    public async Task My_messages_show_the_unread_count_in_the_header_and_mark_one_or_all_read()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListMyNotificationsRequest, ListNotificationsResponse>("ListMyNotifications", _ => Feed())
            .On<MarkNotificationsReadRequest, MarkNotificationsReadResponse>("MarkNotificationsRead", _ => new() { UnreadCount = 0 });
        var browser = host.Browser(TestUser.Zhangsan);

        var (status, html) = await browser.GetPageAsync("/my/messages");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("未读消息：1条", html);
        Assert.Contains("<span class=\"unread-badge\">（1条未读）</span>", html);
        // The page's own read is the header's: one call, not two.
        Assert.Single(host.Hall.CallsTo("ListMyNotifications"));
        var messages = Elements(html, "li", "message unread");
        Assert.Contains("需要补正材料", Assert.Single(messages));

        using var one = await browser.PostAsync("/my/messages", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(html), ["Id"] = "n2",
        }), Ct);
        using var all = await browser.PostAsync("/my/messages", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(html),
        }), Ct);

        Assert.Equal((HttpStatusCode.SeeOther, HttpStatusCode.SeeOther), (one.StatusCode, all.StatusCode));
        var marks = host.Hall.CallsTo("MarkNotificationsRead").Select(c => string.Join(",", ((MarkNotificationsReadRequest)c.Request).Ids)).ToList();
        Assert.Equal(["n2", ""], marks);
    }

    [Fact]
    public async Task Any_page_shows_the_unread_count_and_a_failing_feed_only_leaves_it_out()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog().On<ListMyNotificationsRequest, ListNotificationsResponse>("ListMyNotifications", _ => Feed());
        var (_, withCount) = await host.Browser(TestUser.Zhangsan).GetPageAsync("/browse");
        Assert.Contains("<a href=\"/my/messages\" class=\"messages-link\">我的消息<span class=\"unread-badge\">（1条未读）</span></a>", withCount);

        host.Hall.Fail("ListMyNotifications", Grpc.Core.StatusCode.Unavailable);
        var (status, without) = await host.Browser(TestUser.Zhangsan).GetPageAsync("/browse");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<a href=\"/my/messages\" class=\"messages-link\">我的消息</a>", without);
    }
}
