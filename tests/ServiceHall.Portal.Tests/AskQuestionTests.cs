using System.Net;
using ServiceHall.Catalog.V1;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

public sealed class AskQuestionTests
{
    static readonly string ItemPage = "/items/" + SampleHall.IdCardItem;

    static async Task<HttpResponseMessage> AskAsync(HttpClient browser, string question, bool withToken = true)
    {
        var (_, page) = await browser.GetPageAsync(ItemPage);
        var fields = new Dictionary<string, string> { ["question"] = question };
        if (withToken)
        {
            fields["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(page);
        }
        return await browser.PostAsync(ItemPage + "/ask", new FormUrlEncodedContent(fields), Ct);
    }

    static Consultation Taken(AskQuestionRequest request) => new()
    {
        Id = "c1", ItemId = request.ItemId, Question = request.Question, Status = ConsultationStatus.Open, ReplyDeadline = "2026-12-02", ReplyWorkingDays = 3,
    };

    [Fact]
    public async Task A_question_is_asked_with_the_citizens_token_and_leads_to_my_questions()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog().On<AskQuestionRequest, Consultation>("AskQuestion", Taken);

        using var response = await AskAsync(host.Browser(TestUser.Zhangsan), "  可以委托他人代办吗？ ");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/my/questions", response.Headers.Location?.OriginalString);
        var call = Assert.Single(host.Hall.CallsTo("AskQuestion"));
        var request = (AskQuestionRequest)call.Request;
        Assert.Equal((SampleHall.IdCardItem, "可以委托他人代办吗？"), (request.ItemId, request.Question));
        Assert.Equal("Bearer " + TestSignIn.AccessTokenOf(TestUser.Zhangsan.Subject), call.Authorization);
        Assert.NotNull(call.Options.Deadline);
        // Public reads go without the citizen's token.
        Assert.All(host.Hall.CallsTo("GetItem"), c => Assert.Null(c.Authorization));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog().On<AskQuestionRequest, Consultation>("AskQuestion", Taken);

        using var response = await AskAsync(host.Browser(TestUser.Zhangsan), "问题", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Hall.CallsTo("AskQuestion"));
        Assert.Contains("<h1>请求无法处理</h1>", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task An_empty_question_comes_back_with_the_reason_and_is_not_sent()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog().On<AskQuestionRequest, Consultation>("AskQuestion", Taken);

        using var response = await AskAsync(host.Browser(TestUser.Zhangsan), "   ");
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<p class=\"error\" id=\"question-error\" role=\"alert\">请填写咨询内容。", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Empty(host.Hall.CallsTo("AskQuestion"));
        Assert.Contains("<h1>居民身份证申领</h1>", html);
    }

    [Fact]
    public async Task A_too_long_question_comes_back_with_the_text_kept()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog().On<AskQuestionRequest, Consultation>("AskQuestion", Taken);
        var question = new string('问', 1001);

        using var response = await AskAsync(host.Browser(TestUser.Zhangsan), question);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("咨询内容不能超过1000个字。", html);
        Assert.Contains(">" + question + "</textarea>", html);
        Assert.Empty(host.Hall.CallsTo("AskQuestion"));
    }

    [Fact]
    public async Task A_non_applicant_is_told_why_on_the_item_page_with_the_text_kept()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog().Fail("AskQuestion", Grpc.Core.StatusCode.PermissionDenied);

        using var response = await AskAsync(host.Browser(TestUser.Officer), "窗口人员能提问吗？");
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("只有个人或企业申请人账号可以提交咨询", html);
        Assert.Contains(">窗口人员能提问吗？</textarea>", html);
        Assert.Equal("Bearer " + TestSignIn.AccessTokenOf(TestUser.Officer.Subject), Assert.Single(host.Hall.CallsTo("AskQuestion")).Authorization);
    }

    [Fact]
    public async Task A_consultation_service_that_is_down_keeps_the_question_for_another_try()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog().Fail("AskQuestion", Grpc.Core.StatusCode.Unavailable);

        using var response = await AskAsync(host.Browser(TestUser.Zhangsan), "什么时候能办好？");
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("服务暂时不可用，请稍后再试。", html);
        Assert.Contains(">什么时候能办好？</textarea>", html);
    }
}
