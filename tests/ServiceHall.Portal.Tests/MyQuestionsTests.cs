using System.Net;
using Google.Protobuf.WellKnownTypes;
using ServiceHall.Catalog.V1;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

public sealed class MyQuestionsTests
{
    static ListConsultationsResponse Mine() => new()
    {
        Consultations =
        {
            new Consultation
            {
                Id = "c2", ItemId = SampleHall.IdCardItem, ItemName = "居民身份证申领", Question = "可以委托他人代办吗？", Status = ConsultationStatus.Open,
                AskedAt = Timestamp.FromDateTime(new DateTime(2026, 11, 27, 1, 0, 0, DateTimeKind.Utc)), ReplyDeadline = "2026-12-02", ReplyWorkingDays = 3,
            },
            new Consultation
            {
                Id = "c1", ItemId = "other", ItemName = "户口迁移", Question = "需要带什么？", Status = ConsultationStatus.Answered, Overdue = true,
                AskedAt = Timestamp.FromDateTime(new DateTime(2026, 11, 1, 1, 0, 0, DateTimeKind.Utc)), ReplyDeadline = "2026-11-04", ReplyWorkingDays = 3,
                Answer = "请带户口簿和身份证。", AnsweredAt = Timestamp.FromDateTime(new DateTime(2026, 11, 6, 1, 0, 0, DateTimeKind.Utc)),
            },
        },
    };

    [Fact]
    public async Task My_questions_show_each_question_its_item_status_and_deadline_in_Chinese()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListMyConsultationsRequest, ListConsultationsResponse>("ListMyConsultations", _ => Mine());

        var (status, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync("/my/questions");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<ol class=\"questions\">", html);
        var questions = Elements(html, "li", "question");
        Assert.Equal(2, questions.Count);
        Assert.Contains("可以委托他人代办吗？", questions[0]);
        Assert.Contains("<a href=\"/items/" + SampleHall.IdCardItem + "\">居民身份证申领</a>", questions[0]);
        Assert.Contains("<time class=\"deadline\" datetime=\"2026-12-02\">2026年12月2日（星期三）</time>", questions[0]);
        Assert.Contains("待答复", questions[0]);
        Assert.Contains("<time datetime=\"2026-11-27\">2026年11月27日（星期五）</time>", questions[0]);
        Assert.DoesNotContain("已超期", questions[0]);
        Assert.Contains("已答复", questions[1]);
        Assert.Contains("<strong class=\"overdue\">已超期</strong>", questions[1]);
        Assert.Contains("请带户口簿和身份证。", questions[1]);
        Assert.Equal("Bearer " + TestSignIn.AccessTokenOf(TestUser.Zhangsan.Subject), Assert.Single(host.Hall.CallsTo("ListMyConsultations")).Authorization);
    }

    [Fact]
    public async Task My_questions_need_a_signed_in_citizen()
    {
        await using var host = new PortalHost();

        var (status, _) = await host.Browser().GetPageAsync("/my/questions");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(host.Hall.Calls);
    }

    [Fact]
    public async Task An_expired_sign_in_offers_signing_in_again()
    {
        await using var host = new PortalHost();
        host.Hall.Fail("ListMyConsultations", Grpc.Core.StatusCode.Unauthenticated);

        var (_, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync("/my/questions");

        Assert.Contains("登录已过期", html);
        Assert.Contains("<a href=\"/signin?returnUrl=%2Fmy%2Fquestions\">重新登录</a>", html);
    }
}
