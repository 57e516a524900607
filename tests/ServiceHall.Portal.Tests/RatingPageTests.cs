using System.Net;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using ServiceHall.Applications.V1;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

/// <summary>好差评 in the portal: the rating form on a completed case, the follow-up's close form, 整改回访 and 评价审核.</summary>
public sealed class RatingPageTests
{
    static readonly string CasePage = "/my/applications/" + SampleCases.Number;
    static readonly string RatingPost = CasePage + "/rating?handler=";
    static readonly TestUser Admin = new("admin-sub", "系统管理员", "administrator");

    static Rating BadRating(FollowUpStatus status) => new()
    {
        RatingId = "r1", TrackingNumber = SampleCases.Number, Channel = RatingChannel.Online, Level = RatingLevel.VeryDissatisfied,
        Reasons = { RatingReason.Efficiency }, Comment = "等了很久", CommentStatus = CommentStatus.Pending, ItemName = "居民身份证申领", Department = "县公安局",
        FollowUp = new FollowUp
        {
            Status = status, DueOn = "2026-12-14", Overdue = status == FollowUpStatus.Open,
            Rectification = status == FollowUpStatus.Open ? "" : "已压缩办理环节", RectifiedBy = "公安窗口",
            CallBack = status == FollowUpStatus.CalledBack ? "已电话回访" : "", CalledBackBy = "公安窗口",
        },
    };

    static async Task<(HttpResponseMessage Response, string Html)> PostAsync(HttpClient browser, string page, string action, Dictionary<string, string> form)
    {
        var (_, html) = await browser.GetPageAsync(page);
        form["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(html);
        var response = await browser.PostAsync(action, new FormUrlEncodedContent(form), Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_completed_case_offers_the_rating_form_and_the_rating_goes_to_the_service_for_the_online_channel()
    {
        await using var host = new PortalHost();
        host.Hall.WithCase(SampleCases.Case(ApplicationStatus.Completed))
            .On<ListCaseRatingsRequest, ListRatingsResponse>("ListCaseRatings", _ => new())
            .On<RateCaseRequest, Rating>("RateCase", _ => BadRating(FollowUpStatus.Open));
        var browser = host.Browser(TestUser.Zhangsan);

        var (status, html) = await browser.GetPageAsync(CasePage);
        Assert.Equal(HttpStatusCode.OK, status);
        var rating = Section(html, "rating");
        Assert.Equal(5, Count(rating, "name=\"Input.Level\""));
        Assert.Equal(8, Count(rating, "name=\"Input.Reasons\""));
        Assert.Contains("非常不满意", rating);

        var (response, _) = await PostAsync(browser, CasePage, RatingPost + "rate", new()
        {
            ["Input.Level"] = "VeryDissatisfied", ["Input.Reasons"] = "Efficiency", ["Input.Comment"] = " 等了很久 ",
        });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(CasePage + "#rating", response.Headers.Location?.OriginalString);
        var request = (RateCaseRequest)Assert.Single(host.Hall.CallsTo("RateCase")).Request;
        Assert.Equal((RatingChannel.Online, RatingLevel.VeryDissatisfied, "等了很久", RatingReason.Efficiency),
            (request.Channel, request.Level, request.Comment, Assert.Single(request.Reasons)));
    }

    [Fact]
    public async Task A_refused_rating_shows_the_problem_beside_its_field_and_keeps_what_was_typed()
    {
        await using var host = new PortalHost();
        host.Hall.WithCase(SampleCases.Case(ApplicationStatus.Completed))
            .On<ListCaseRatingsRequest, ListRatingsResponse>("ListCaseRatings", _ => new())
            .On<RateCaseRequest, Rating>("RateCase", _ => throw new Google.Rpc.Status
            {
                Code = (int)Grpc.Core.StatusCode.InvalidArgument, Message = "评价等级：必填",
                Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "level", Description = "评价等级：必填" } } }) },
            }.ToRpcException());
        var browser = host.Browser(TestUser.Zhangsan);

        var (response, html) = await PostAsync(browser, CasePage, RatingPost + "rate", new() { ["Input.Comment"] = "很好" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"level-error\">评价等级：必填</p>", html);
        Assert.Contains(">很好</textarea>", html);
    }

    [Fact]
    public async Task After_the_call_back_the_rater_reads_what_was_done_and_must_say_whether_it_was_resolved_to_close_it()
    {
        await using var host = new PortalHost();
        host.Hall.WithCase(SampleCases.Case(ApplicationStatus.Completed))
            .On<ListCaseRatingsRequest, ListRatingsResponse>("ListCaseRatings", _ => new() { Ratings = { BadRating(FollowUpStatus.CalledBack) } })
            .On<CloseFollowUpRequest, Rating>("CloseFollowUp", _ => BadRating(FollowUpStatus.Closed));
        var browser = host.Browser(TestUser.Zhangsan);

        var (_, page) = await browser.GetPageAsync(CasePage);
        var rating = Section(page, "rating");
        Assert.Contains("已压缩办理环节", rating);
        Assert.Contains("已电话回访", rating);
        Assert.DoesNotContain("name=\"Input.Level\"", rating);
        Assert.Contains("id=\"close-follow-up\"", rating);

        var (unanswered, html) = await PostAsync(browser, CasePage, RatingPost + "close", new() { ["RatingId"] = "r1" });
        Assert.Equal(HttpStatusCode.BadRequest, unanswered.StatusCode);
        Assert.Contains("问题是否解决：请选择已解决或未解决", html);
        Assert.Empty(host.Hall.CallsTo("CloseFollowUp"));

        var (closed, _) = await PostAsync(browser, CasePage, RatingPost + "close", new() { ["RatingId"] = "r1", ["Input.Resolved"] = "true", ["Input.Remark"] = "满意" });
        Assert.Equal(HttpStatusCode.SeeOther, closed.StatusCode);
        var request = (CloseFollowUpRequest)Assert.Single(host.Hall.CallsTo("CloseFollowUp")).Request;
        Assert.Equal(("r1", true, "满意"), (request.RatingId, request.Resolved, request.Remark));
    }

    [Fact]
    public async Task The_department_records_the_rectification_on_its_follow_up_page_and_the_supervisor_only_reads()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListFollowUpsRequest, ListRatingsResponse>("ListFollowUps", _ => new() { Ratings = { BadRating(FollowUpStatus.Open) } })
            .On<RecordRectificationRequest, Rating>("RecordRectification", _ => BadRating(FollowUpStatus.Rectified));
        var officer = host.Browser(TestUser.Officer);

        var (status, html) = await officer.GetPageAsync("/work/follow-ups");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("（已超期）", html);
        Assert.Contains("2026-12-14", html);
        Assert.Contains("handler=rectify", html);

        var (response, _) = await PostAsync(officer, "/work/follow-ups", "/work/follow-ups?handler=rectify", new() { ["RatingId"] = "r1", ["Text"] = " 已整改 " });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var request = (RecordRectificationRequest)Assert.Single(host.Hall.CallsTo("RecordRectification")).Request;
        Assert.Equal(("r1", "已整改"), (request.RatingId, request.Rectification));

        var (_, supervised) = await host.Browser(TestUser.Supervisor).GetPageAsync("/work/follow-ups");
        Assert.Contains("等了很久", supervised);
        Assert.DoesNotContain("handler=rectify", supervised);
    }

    [Fact]
    public async Task The_administrator_approves_a_pending_comment_with_a_reason()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListPendingCommentsRequest, ListRatingsResponse>("ListPendingComments", _ => new() { Ratings = { BadRating(FollowUpStatus.Open) } })
            .On<ModerateCommentRequest, Rating>("ModerateComment", _ => BadRating(FollowUpStatus.Open));
        var admin = host.Browser(Admin);

        var (status, html) = await admin.GetPageAsync("/admin/comments");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("等了很久", html);

        var (response, _) = await PostAsync(admin, "/admin/comments", "/admin/comments?handler=moderate", new() { ["RatingId"] = "r1", ["Approve"] = "true", ["Reason"] = "属实" });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var request = (ModerateCommentRequest)Assert.Single(host.Hall.CallsTo("ModerateComment")).Request;
        Assert.Equal(("r1", true, "属实"), (request.RatingId, request.Approve, request.Reason));
    }
}
