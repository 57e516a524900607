using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Messaging;
using ServiceHall.Testing;
using static ServiceHall.Applications.Tests.Callers;

namespace ServiceHall.Applications.Tests;

/// <summary>我的消息 and the SMS: each step that concerns the applicant, once, to them only; every step as an event.</summary>
public sealed class NotificationTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    /// <summary>Submitted, accepted, asked for 补正, answered, decided, completed: the applicant hears of four.</summary>
    static async Task<string> WorkACaseAsync(ApplicationsHost host) => await WorkACaseAsync(host, ZhangSan, Submit("key-1"));

    static async Task<string> WorkACaseAsync(ApplicationsHost host, TestUser applicant, SubmitApplicationRequest submit)
    {
        var number = (await host.As(applicant).SubmitApplicationAsync(submit, cancellationToken: Cancel)).TrackingNumber;
        var shichang = host.As(Shichang);
        await shichang.AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = number }, cancellationToken: Cancel);
        await shichang.RequestCorrectionAsync(new RequestCorrectionRequest
        {
            TrackingNumber = number, Items = { new CorrectionItem { Material = "营业执照", Problem = $"不清晰，有疑问请拨 {ZhangSanPhone}" } },
        }, cancellationToken: Cancel);
        await host.As(applicant).SubmitCorrectionAsync(new SubmitCorrectionRequest { TrackingNumber = number, Response = "已补充" }, cancellationToken: Cancel);
        await shichang.DecideApplicationAsync(new DecideApplicationRequest
        {
            TrackingNumber = number, Decision = Decision.Approve, Opinion = "准予许可", DocumentNumber = "镇市监食许〔2026〕12号", DocumentTitle = "食品经营许可证",
        }, cancellationToken: Cancel);
        await shichang.CompleteApplicationAsync(new CompleteApplicationRequest { TrackingNumber = number }, cancellationToken: Cancel);
        return number;
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_applicant_reads_each_step_that_concerns_them_and_marks_them_read(string database)
    {
        await using var host = new ApplicationsHost(database, new FakeCatalog().With("food-licence", ItemStatus.Published));
        var number = await WorkACaseAsync(host);
        var zhangsan = host.As(ZhangSan);

        var feed = await zhangsan.ListMyNotificationsAsync(new ListMyNotificationsRequest(), cancellationToken: Cancel);
        Assert.Equal(["申请已办结", "准予许可", "需要补正材料", "申请已受理"], feed.Notifications.Select(n => n.Title));
        Assert.Equal(4, feed.UnreadCount);
        Assert.All(feed.Notifications, n => Assert.Equal(number, n.TrackingNumber));
        Assert.Contains("办理期限至2026-03-16", feed.Notifications[3].Body);
        Assert.Contains("《食品经营许可证》（镇市监食许〔2026〕12号）", feed.Notifications[1].Body);

        // Another applicant sees none of them and cannot mark them.
        Assert.Empty((await host.As(LiSi).ListMyNotificationsAsync(new ListMyNotificationsRequest(), cancellationToken: Cancel)).Notifications);
        await host.As(LiSi).MarkNotificationsReadAsync(new MarkNotificationsReadRequest { Ids = { feed.Notifications[0].Id } }, cancellationToken: Cancel);
        Assert.Equal(4, (await zhangsan.ListMyNotificationsAsync(new ListMyNotificationsRequest(), cancellationToken: Cancel)).UnreadCount);

        var one = await zhangsan.MarkNotificationsReadAsync(new MarkNotificationsReadRequest { Ids = { feed.Notifications[0].Id } }, cancellationToken: Cancel);
        Assert.Equal(3, one.UnreadCount);
        var unread = await zhangsan.ListMyNotificationsAsync(new ListMyNotificationsRequest { UnreadOnly = true }, cancellationToken: Cancel);
        Assert.Equal(["准予许可", "需要补正材料", "申请已受理"], unread.Notifications.Select(n => n.Title));
        var all = await zhangsan.MarkNotificationsReadAsync(new MarkNotificationsReadRequest(), cancellationToken: Cancel);
        Assert.Equal(0, all.UnreadCount);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Each_notification_is_sent_once_to_the_applicants_mobile_and_a_failed_send_is_tried_again(string database)
    {
        await using var host = new ApplicationsHost(database, new FakeCatalog().With("food-licence", ItemStatus.Published));
        host.Sent.FailuresToCome = 1;
        var number = await WorkACaseAsync(host);

        Assert.Equal(3, await host.SendNotificationsAsync()); // the first send failed
        Assert.Equal(1, await host.SendNotificationsAsync()); // and goes out in the next round
        Assert.Equal(0, await host.SendNotificationsAsync()); // nothing twice
        Assert.Equal(4, host.Sent.Messages.Count);
        Assert.All(host.Sent.Messages, m => Assert.Equal((ZhangSanPhone, number), (m.Mobile, m.TrackingNumber)));
        Assert.Equal(4, host.Sent.Messages.Select(m => m.Title).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Every_step_goes_out_as_a_case_changed_event_without_personal_numbers(string database)
    {
        await using var host = new ApplicationsHost(database, new FakeCatalog().With("food-licence", ItemStatus.Published));
        var number = await WorkACaseAsync(host);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDb>();

        var events = await db.Outbox.AsNoTracking().Where(m => m.Topic == Topics.ApplicationsCaseChanged).OrderBy(m => m.Sequence).ToListAsync(Cancel);

        var payloads = events.Select(e => JsonDocument.Parse(e.Payload).RootElement).ToList();
        Assert.Equal(["submitted", "accepted", "correction_requested", "correction_submitted", "decided", "completed"],
            payloads.Select(p => p.GetProperty("action").GetString()));
        Assert.All(payloads, p => Assert.Equal(number, p.GetProperty("trackingNumber").GetString()));
        Assert.Equal(("approve", "镇市监食许〔2026〕12号"), (payloads[4].GetProperty("decision").GetString(), payloads[4].GetProperty("documentNumber").GetString()));
        // What credit needs for the licence record, copied at submission; a person's name leaves masked only.
        Assert.All(payloads, p => Assert.Equal(("行政许可", "县市场监督管理局"), (p.GetProperty("itemType").GetString(), p.GetProperty("department").GetString())));
        Assert.All(payloads, p => Assert.Equal("张*", p.GetProperty("applicantName").GetString()));
        Assert.All(events, e => Assert.False(PersonalNumbers.Found(e.Payload), e.Payload));
        Assert.DoesNotContain(events, e => e.Payload.Contains("张三", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_business_case_carries_the_business_name_and_code_and_the_item_type(string database)
    {
        await using var host = new ApplicationsHost(database, new FakeCatalog()
            .With("shop-sign", ItemStatus.Published, "户外招牌设置备案", "县城市管理局", itemType: "公共服务", audiences: ["法人"]));
        var submit = Submit("key-1", "shop-sign");
        submit.ApplicantName = "镇康县好滋味餐饮管理有限公司";
        submit.ApplicantIdNumber = "";
        var number = await WorkACaseAsync(host, Qiye, submit);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDb>();

        Assert.Equal("公共服务", (await db.Applications.AsNoTracking().SingleAsync(a => a.TrackingNumber == number, Cancel)).ItemType);
        var decided = (await db.Outbox.AsNoTracking().Where(m => m.Topic == Topics.ApplicationsCaseChanged).OrderBy(m => m.Sequence).ToListAsync(Cancel))
            .Select(e => CaseChanged.Parser.ParseJson(e.Payload)).Single(e => e.Action == "decided");
        Assert.Equal(("公共服务", "县城市管理局", "business", QiyeCode, "镇康县好滋味餐饮管理有限公司"),
            (decided.ItemType, decided.Department, decided.ApplicantKind, decided.ApplicantCreditCode, decided.ApplicantName));
    }
}
