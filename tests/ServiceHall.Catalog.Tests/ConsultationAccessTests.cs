using System.Net;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>
/// A question is the asker's: they, the item's department (which answers it) and supervision read it, with the
/// personal numbers in it masked for all three; nobody else reads it at all.
/// </summary>
public sealed class ConsultationAccessTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string Mobile = "13812345678";
    const string ResidentId = "11010519491231002X";
    const string WithNumbers = "我的手机" + Mobile + "，身份证号" + ResidentId + "，身份证丢了能在乡镇补领吗？";
    const string Masked = "我的手机138****5678，身份证号110***********002X，身份证丢了能在乡镇补领吗？";

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Only_the_asker_the_items_department_and_supervision_read_a_question(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        var (policeItem, townItem) = await PublishItemsAsync(host);
        var asked = await Sample.Consultations(host, Sample.Zhangsan).AskQuestionAsync(new AskQuestionRequest { ItemId = policeItem, Question = "能办吗？" });
        var townQuestion = await Sample.Consultations(host, Sample.Lisi).AskQuestionAsync(new AskQuestionRequest { ItemId = townItem, Question = "高龄津贴几岁起领？" });
        var read = new GetConsultationRequest { Id = asked.Id };

        foreach (var stranger in new[] { Sample.Lisi, TestUser.Business(DemoCounty.Business, DemoCounty.Qiye), Sample.TownOfficer })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => Sample.Consultations(host, stranger).GetConsultationAsync(read).ResponseAsync);
            Assert.True(refused.StatusCode == StatusCode.PermissionDenied, $"{stranger.Subject}: {refused.Status}");
        }
        var wrongDepartment = await Assert.ThrowsAsync<RpcException>(() => Sample.Consultations(host, Sample.TownOfficer).GetConsultationAsync(read).ResponseAsync);
        Assert.Contains(Sample.PoliceCode, wrongDepartment.Status.Detail);
        foreach (var reader in new[] { Sample.Zhangsan, Sample.PoliceOfficer, Sample.Supervisor })
        {
            Assert.Equal("能办吗？", (await Sample.Consultations(host, reader).GetConsultationAsync(read)).Question);
        }

        // The town's officer neither answers, publishes nor lists the police's questions.
        var town = Sample.Consultations(host, Sample.TownOfficer);
        var answer = await Assert.ThrowsAsync<RpcException>(() => town.AnswerConsultationAsync(new AnswerConsultationRequest { Id = asked.Id, Answer = "能。" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, answer.StatusCode);
        Assert.Contains(Sample.PoliceCode, answer.Status.Detail);
        Assert.Equal(ConsultationStatus.Open, (await Sample.Consultations(host, Sample.Zhangsan).GetConsultationAsync(read)).Status);
        await Sample.Consultations(host, Sample.PoliceOfficer).AnswerConsultationAsync(new AnswerConsultationRequest { Id = asked.Id, Answer = "能。" });
        var publish = await Assert.ThrowsAsync<RpcException>(() => town.PublishConsultationAsync(new PublishConsultationRequest { Id = asked.Id }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, publish.StatusCode);
        Assert.Empty((await Sample.Consultations(host).ListItemQuestionsAsync(new ListItemQuestionsRequest { ItemId = policeItem })).Questions);
        var list = await Assert.ThrowsAsync<RpcException>(() => town.ListOpenConsultationsAsync(new ListOpenConsultationsRequest { DepartmentCode = Sample.PoliceCode }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
        Assert.Contains(Sample.PoliceCode, list.Status.Detail);

        // An officer's open list is their own department's; supervision's, without a department, every one.
        var police = Sample.Consultations(host, Sample.PoliceOfficer);
        var second = await Sample.Consultations(host, Sample.Zhangsan).AskQuestionAsync(new AskQuestionRequest { ItemId = policeItem, Question = "要带照片吗？" });
        Assert.Equal([second.Id], (await police.ListOpenConsultationsAsync(new ListOpenConsultationsRequest())).Consultations.Select(c => c.Id));
        Assert.Equal([townQuestion.Id], (await town.ListOpenConsultationsAsync(new ListOpenConsultationsRequest())).Consultations.Select(c => c.Id));
        var everywhere = await Sample.Consultations(host, Sample.Supervisor).ListOpenConsultationsAsync(new ListOpenConsultationsRequest());
        Assert.Equal(new[] { townQuestion.Id, second.Id }.Order(), everywhere.Consultations.Select(c => c.Id).Order());

        var audit = host.Services.GetRequiredService<AuditTrail>();
        var records = await audit.RecentAsync(100, TestContext.Current.CancellationToken);
        Assert.Contains(records, r => r.Action.EndsWith("ConsultationService/GetConsultation", StringComparison.Ordinal) && r.Result == "PermissionDenied"
            && r.Actor.StartsWith("lisi [applicant]", StringComparison.Ordinal) && r.Target == $"id={asked.Id}");
        Assert.Contains(records, r => r.Action.EndsWith("ConsultationService/AnswerConsultation", StringComparison.Ordinal) && r.Result == "PermissionDenied"
            && r.Actor.StartsWith("mengpeng [officer]", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Action.EndsWith("ConsultationService/ListOpenConsultations", StringComparison.Ordinal) && r.Result == "PermissionDenied");
        Assert.True((await audit.VerifyAsync(TestContext.Current.CancellationToken)).Intact);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task My_questions_are_only_mine_newest_first_with_deadline_status_and_answer(string database)
    {
        // Friday 27 November 2026, 10:00 in the county: three working days later is Wednesday 2 December.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
        await using var host = new ServiceHost<Program>("catalog", database, services: s => s.AddSingleton<TimeProvider>(clock));
        var (policeItem, townItem) = await PublishItemsAsync(host);
        var zhangsan = Sample.Consultations(host, Sample.Zhangsan);
        var first = await zhangsan.AskQuestionAsync(new AskQuestionRequest { ItemId = policeItem, Question = "身份证丢了怎么补？" });
        await Sample.Consultations(host, Sample.Lisi).AskQuestionAsync(new AskQuestionRequest { ItemId = policeItem, Question = "李四的问题" });
        clock.Advance(TimeSpan.FromDays(3)); // Monday 30 November: due Thursday 3 December
        var second = await zhangsan.AskQuestionAsync(new AskQuestionRequest { ItemId = townItem, Question = "高龄津贴几岁起领？" });
        await Sample.Consultations(host, Sample.PoliceOfficer).AnswerConsultationAsync(new AnswerConsultationRequest { Id = first.Id, Answer = "带户口簿到窗口补领。", AnsweredBy = "户政科" });
        clock.Advance(TimeSpan.FromDays(4)); // Friday 4 December: the town's reply is overdue

        var mine = (await zhangsan.ListMyConsultationsAsync(new ListMyConsultationsRequest())).Consultations;

        Assert.Equal([second.Id, first.Id], mine.Select(c => c.Id));
        Assert.Equal(("高龄津贴申领", "2026-12-03", ConsultationStatus.Open, true, ""), (mine[0].ItemName, mine[0].ReplyDeadline, mine[0].Status, mine[0].Overdue, mine[0].Answer));
        Assert.Equal(("居民身份证申领", "2026-12-02", ConsultationStatus.Answered, false, "带户口簿到窗口补领。"), (mine[1].ItemName, mine[1].ReplyDeadline, mine[1].Status, mine[1].Overdue, mine[1].Answer));
        Assert.Equal(["李四的问题"], (await Sample.Consultations(host, Sample.Lisi).ListMyConsultationsAsync(new ListMyConsultationsRequest())).Consultations.Select(c => c.Question));
        Assert.Empty((await Sample.Consultations(host, TestUser.Person("wangwu")).ListMyConsultationsAsync(new ListMyConsultationsRequest())).Consultations);

        var page = await zhangsan.ListMyConsultationsAsync(new ListMyConsultationsRequest { PageSize = 1 });
        Assert.Equal([second.Id], page.Consultations.Select(c => c.Id));
        var next = await zhangsan.ListMyConsultationsAsync(new ListMyConsultationsRequest { PageSize = 1, PageToken = page.NextPageToken });
        Assert.Equal([first.Id], next.Consultations.Select(c => c.Id));
        Assert.Empty(next.NextPageToken);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Personal_numbers_in_a_question_are_kept_as_asked_and_masked_for_every_reader(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        var (policeItem, _) = await PublishItemsAsync(host);
        var zhangsan = Sample.Consultations(host, Sample.Zhangsan);
        var police = Sample.Consultations(host, Sample.PoliceOfficer);

        var asked = await zhangsan.AskQuestionAsync(new AskQuestionRequest { ItemId = policeItem, Question = WithNumbers });
        Assert.Equal(Masked, asked.Question); // not echoed back whole

        Assert.Equal(Masked, (await police.GetConsultationAsync(new GetConsultationRequest { Id = asked.Id })).Question);
        Assert.Equal([Masked], (await police.ListOpenConsultationsAsync(new ListOpenConsultationsRequest())).Consultations.Select(c => c.Question));
        Assert.Equal(Masked, (await Sample.Consultations(host, Sample.Supervisor).GetConsultationAsync(new GetConsultationRequest { Id = asked.Id })).Question);
        var answered = await police.AnswerConsultationAsync(new AnswerConsultationRequest { Id = asked.Id, Answer = "可以。已回电13812345678确认。" });
        Assert.Equal((Masked, "可以。已回电138****5678确认。"), (answered.Question, answered.Answer));

        var own = await zhangsan.GetConsultationAsync(new GetConsultationRequest { Id = asked.Id });
        Assert.Equal((Masked, "可以。已回电138****5678确认。"), (own.Question, own.Answer));
        Assert.Equal([Masked], (await zhangsan.ListMyConsultationsAsync(new ListMyConsultationsRequest())).Consultations.Select(c => c.Question));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<CatalogDb>().Consultations.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal((WithNumbers, DemoCounty.Zhangsan), (stored.Question, stored.AskedBy));
        }

        // Public Q&A still refuses the numbers; the audit trail never holds them.
        var publish = await Assert.ThrowsAsync<RpcException>(() => police.PublishConsultationAsync(new PublishConsultationRequest { Id = asked.Id, PublicAnswer = "可以。" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, publish.StatusCode);
        Assert.Contains("public_question", publish.Violations());
        var audit = host.Services.GetRequiredService<AuditTrail>();
        var records = await audit.RecentAsync(100, TestContext.Current.CancellationToken);
        Assert.Contains(records, r => r.Action.EndsWith("/PublishConsultation", StringComparison.Ordinal) && r.Result == "InvalidArgument");
        Assert.DoesNotContain(records, r => new[] { r.Actor, r.Action, r.Target, r.Detail }.Any(field => field.Contains(Mobile) || field.Contains(ResidentId)));
        Assert.True((await audit.VerifyAsync(TestContext.Current.CancellationToken)).Intact);
    }

    [Fact]
    public async Task An_answer_is_signed_with_the_officers_name_unless_a_post_is_given()
    {
        await using var host = new ServiceHost<Program>("catalog", Testing.Databases.Sqlite);
        var (policeItem, _) = await PublishItemsAsync(host);
        var zhangsan = Sample.Consultations(host, Sample.Zhangsan);
        var police = Sample.Consultations(host, Sample.PoliceOfficer);
        var unsigned = await zhangsan.AskQuestionAsync(new AskQuestionRequest { ItemId = policeItem, Question = "能办吗？" });
        var signed = await zhangsan.AskQuestionAsync(new AskQuestionRequest { ItemId = policeItem, Question = "要多久？" });

        Assert.Equal(DemoCounty.Gongan, (await police.AnswerConsultationAsync(new AnswerConsultationRequest { Id = unsigned.Id, Answer = "能。" })).AnsweredBy);
        Assert.Equal("户政科", (await police.AnswerConsultationAsync(new AnswerConsultationRequest { Id = signed.Id, Answer = "十五天。", AnsweredBy = "户政科" })).AnsweredBy);
    }

    [Fact]
    public async Task My_questions_over_HTTP_need_a_signed_in_applicant()
    {
        await using var host = new ServiceHost<Program>("catalog", Testing.Databases.Sqlite);
        var (policeItem, _) = await PublishItemsAsync(host);
        await Sample.Consultations(host, Sample.Zhangsan).AskQuestionAsync(new AskQuestionRequest { ItemId = policeItem, Question = "能办吗？" });
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync("/api/catalog/my/consultations", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.ClientAs(Sample.PoliceOfficer).GetAsync("/api/catalog/my/consultations", ct)).StatusCode);
        var response = await host.ClientAs(Sample.Zhangsan).GetAsync("/api/catalog/my/consultations?pageSize=5", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync(ct);
        Assert.Contains("能办吗？", json);
        Assert.Contains("\"replyDeadline\"", json);
    }

    /// <summary>One published item of the police and one of the town, each by its own officer.</summary>
    static async Task<(string Police, string Town)> PublishItemsAsync(ServiceHost<Program> host)
    {
        await Sample.AddDepartmentsAsync(host);
        var ids = new List<string>();
        foreach (var guide in new[] { Sample.Guide(), Sample.Guide("000100000002", "高龄津贴申领", Sample.TownCode) })
        {
            var catalog = Sample.Catalog(host, Sample.OfficerOf(guide.DepartmentCode));
            var item = await catalog.CreateItemAsync(new CreateItemRequest { Guide = guide });
            await catalog.PublishItemAsync(new ChangeItemRequest { Id = item.Id });
            ids.Add(item.Id);
        }
        return (ids[0], ids[1]);
    }
}
