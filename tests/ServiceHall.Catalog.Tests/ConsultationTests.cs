using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.Messaging;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>
/// 在线咨询 on a fixed clock: reply deadlines on the working-day calendar, answers, public Q&amp;A. An applicant asks
/// and reads their question, the item's officer answers and publishes, anyone reads the public Q&amp;A.
/// </summary>
public sealed class ConsultationTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    // 2026-09-30, 10:00 in the county (UTC+8): the eve of the National Day holiday.
    static readonly DateTimeOffset EveOfNationalDay = new(2026, 9, 30, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_question_is_due_in_working_days_answered_and_published_as_item_QA(string database)
    {
        var clock = new FakeTimeProvider(EveOfNationalDay);
        await using var host = new ServiceHost<Program>("catalog", database, services: s => s.AddSingleton<TimeProvider>(clock));
        var catalog = Sample.Catalog(host, Sample.PoliceOfficer);
        var asker = Sample.Consultations(host, Sample.Zhangsan);
        var consultations = Sample.Consultations(host, Sample.PoliceOfficer);
        await Sample.AddDepartmentsAsync(host);
        var item = await catalog.CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() });
        await catalog.PublishItemAsync(new ChangeItemRequest { Id = item.Id });

        var asked = await asker.AskQuestionAsync(new AskQuestionRequest { ItemId = item.Id, Question = "身份证过期了，可以在乡镇办理换领吗？" });
        // Three working days after 30 September: 1–7 October are holidays; 8, 9 and the working Saturday 10 October count.
        Assert.Equal((ConsultationStatus.Open, "2026-10-10", 3, false), (asked.Status, asked.ReplyDeadline, asked.ReplyWorkingDays, asked.Overdue));

        clock.Advance(TimeSpan.FromDays(1));
        var later = await asker.AskQuestionAsync(new AskQuestionRequest { ItemId = item.Id, Question = "补领需要带照片吗？" });
        Assert.Equal("2026-10-10", later.ReplyDeadline);
        var open = await consultations.ListOpenConsultationsAsync(new ListOpenConsultationsRequest { DepartmentCode = Sample.PoliceCode });
        Assert.Equal([asked.Id, later.Id], open.Consultations.Select(c => c.Id));

        clock.Advance(TimeSpan.FromDays(11)); // 12 October: past the deadline
        Assert.True((await asker.GetConsultationAsync(new GetConsultationRequest { Id = asked.Id })).Overdue);

        var answered = await consultations.AnswerConsultationAsync(new AnswerConsultationRequest
        {
            Id = asked.Id, Answer = "可以。本县各乡镇便民服务中心均可受理换领。", AnsweredBy = "县公安局户政科",
        });
        Assert.Equal((ConsultationStatus.Answered, true), (answered.Status, answered.Overdue));
        Assert.Equal([later.Id], (await consultations.ListOpenConsultationsAsync(new ListOpenConsultationsRequest { DepartmentCode = Sample.PoliceCode })).Consultations.Select(c => c.Id));

        var withPersonalNumber = await Assert.ThrowsAsync<RpcException>(() => consultations.PublishConsultationAsync(new PublishConsultationRequest
        {
            Id = asked.Id, PublicQuestion = "我的身份证号11010519491231002X过期了，能换吗？",
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, withPersonalNumber.StatusCode);
        Assert.Contains("public_question", withPersonalNumber.Violations());

        var published = await consultations.PublishConsultationAsync(new PublishConsultationRequest { Id = asked.Id });
        Assert.Equal(ConsultationStatus.Published, published.Status);
        var questions = await Sample.Consultations(host).ListItemQuestionsAsync(new ListItemQuestionsRequest { ItemId = item.Id });
        var qa = Assert.Single(questions.Questions);
        Assert.Equal(("身份证过期了，可以在乡镇办理换领吗？", "可以。本县各乡镇便民服务中心均可受理换领。"), (qa.Question, qa.Answer));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        var events = await db.Set<OutboxMessage>().Where(m => m.Topic == Topics.CatalogQuestionPublished).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(asked.Id, Assert.Single(events).Payload);
    }

    [Fact]
    public async Task Questions_need_a_published_item_and_answers_come_once()
    {
        await using var host = new ServiceHost<Program>("catalog", Testing.Databases.Sqlite);
        var catalog = Sample.Catalog(host, Sample.PoliceOfficer);
        var asker = Sample.Consultations(host, Sample.Zhangsan);
        var consultations = Sample.Consultations(host, Sample.PoliceOfficer);
        await Sample.AddDepartmentsAsync(host);
        var draft = await catalog.CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() });

        var notPublished = await Assert.ThrowsAsync<RpcException>(() => asker.AskQuestionAsync(new AskQuestionRequest { ItemId = draft.Id, Question = "能办吗？" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notPublished.StatusCode);
        await catalog.PublishItemAsync(new ChangeItemRequest { Id = draft.Id });

        var empty = await Assert.ThrowsAsync<RpcException>(() => asker.AskQuestionAsync(new AskQuestionRequest { ItemId = draft.Id, Question = " " }).ResponseAsync);
        Assert.Contains("question", empty.Violations());
        var tooLong = await Assert.ThrowsAsync<RpcException>(() => asker.AskQuestionAsync(new AskQuestionRequest { ItemId = draft.Id, Question = new string('问', 1001) }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);

        var asked = await asker.AskQuestionAsync(new AskQuestionRequest { ItemId = draft.Id, Question = "能办吗？" });
        var early = await Assert.ThrowsAsync<RpcException>(() => consultations.PublishConsultationAsync(new PublishConsultationRequest { Id = asked.Id }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        await consultations.AnswerConsultationAsync(new AnswerConsultationRequest { Id = asked.Id, Answer = "能。", AnsweredBy = "户政科" });
        var twice = await Assert.ThrowsAsync<RpcException>(() => consultations.AnswerConsultationAsync(new AnswerConsultationRequest { Id = asked.Id, Answer = "不能。", AnsweredBy = "户政科" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);

        // Supervision may name any department, so the code itself is what is refused.
        var unknownDepartment = await Assert.ThrowsAsync<RpcException>(() => Sample.Consultations(host, Sample.Supervisor).ListOpenConsultationsAsync(new ListOpenConsultationsRequest { DepartmentCode = "91350100M000100Y43" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, unknownDepartment.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Late_replies_are_the_departments_red_cards_on_the_supervisors_board(string database)
    {
        var clock = new FakeTimeProvider(EveOfNationalDay);
        await using var host = new ServiceHost<Program>("catalog", database, services: s => s.AddSingleton<TimeProvider>(clock));
        var catalog = Sample.Catalog(host, Sample.PoliceOfficer);
        var asker = Sample.Consultations(host, Sample.Zhangsan);
        var police = Sample.Consultations(host, Sample.PoliceOfficer);
        var supervisor = Sample.Consultations(host, Sample.Supervisor);
        await Sample.AddDepartmentsAsync(host);
        var item = await catalog.CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() });
        await catalog.PublishItemAsync(new ChangeItemRequest { Id = item.Id });
        var first = await asker.AskQuestionAsync(new AskQuestionRequest { ItemId = item.Id, Question = "身份证过期了怎么办？" });
        var second = await asker.AskQuestionAsync(new AskQuestionRequest { ItemId = item.Id, Question = "补领需要带照片吗？" });
        var third = await asker.AskQuestionAsync(new AskQuestionRequest { ItemId = item.Id, Question = "可以邮寄吗？" });
        async Task<(int Open, int OverdueOpen, int AnsweredLate)> PoliceLineAsync()
        {
            var line = Assert.Single((await supervisor.GetConsultationBoardAsync(new GetConsultationBoardRequest())).Departments);
            Assert.Equal((Sample.PoliceCode, "镇康县公安局"), (line.DepartmentCode, line.Department));
            return (line.Open, line.OverdueOpen, line.AnsweredLate);
        }
        async Task<string[]> OverdueAsync() =>
            [.. (await supervisor.ListOpenConsultationsAsync(new ListOpenConsultationsRequest { OverdueOnly = true })).Consultations.Select(c => c.Id)];

        // On time: answered on the deadline's day (10 October, a working Saturday) is not late.
        await police.AnswerConsultationAsync(new AnswerConsultationRequest { Id = first.Id, Answer = "到窗口换领。", AnsweredBy = "户政科" });
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 10, 15, 0, 0, TimeSpan.Zero)); // 23:00 on the 10th in the county
        Assert.Equal((2, 0, 0), await PoliceLineAsync());
        Assert.Empty(await OverdueAsync());

        // One minute past the county's midnight the two open questions are red cards.
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 10, 16, 1, 0, TimeSpan.Zero));
        Assert.Equal((2, 2, 0), await PoliceLineAsync());
        Assert.Equal(new[] { second.Id, third.Id }.Order(), (await OverdueAsync()).Order());

        // Answered late: no longer open, still a red card; the list of open overdue ones shrinks.
        await police.AnswerConsultationAsync(new AnswerConsultationRequest { Id = second.Id, Answer = "需要。", AnsweredBy = "户政科" });
        Assert.Equal((1, 1, 1), await PoliceLineAsync());
        Assert.Equal([third.Id], await OverdueAsync());

        var byOfficer = await Assert.ThrowsAsync<RpcException>(() => police.GetConsultationBoardAsync(new GetConsultationBoardRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, byOfficer.StatusCode);
    }
}
