using System.Text.Json;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;
using ServiceHall.Messaging;
using ServiceHall.Testing;
using static ServiceHall.Applications.Tests.Callers;
using static ServiceHall.Applications.Tests.RatedCases;

namespace ServiceHall.Applications.Tests;

/// <summary>好差评 over gRPC on a fake clock (Monday 2 March 2026), against SQLite and PostgreSQL alike.</summary>
public sealed class RatingTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    static void ToDay(ApplicationsHost host, int year, int month, int day) =>
        host.Clock.SetUtcNow(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.FromHours(8)));

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_good_rating_counts_at_once_opens_no_follow_up_and_goes_out_as_an_event_without_its_comment(string database)
    {
        await using var host = new ApplicationsHost(database, RatingCatalog());
        var number = await CompletedAsync(host);

        var rating = await host.Ratings(ZhangSan).RateCaseAsync(
            Rate(number, RatingLevel.VerySatisfied, $"很快办好了，我的身份证 {ZhangSanId}，电话 {ZhangSanPhone}", RatingChannel.Online, RatingReason.Efficiency, RatingReason.Attitude),
            cancellationToken: Cancel);

        Assert.Equal((RatingLevel.VerySatisfied, RatingChannel.Online, CommentStatus.Pending), (rating.Level, rating.Channel, rating.CommentStatus));
        Assert.Equal([RatingReason.Efficiency, RatingReason.Attitude], rating.Reasons);
        Assert.Null(rating.FollowUp);
        // Masked before it is stored: not even moderation reads the whole numbers.
        Assert.Contains(ZhangSanIdMasked, rating.Comment);
        Assert.Contains(ZhangSanPhoneMasked, rating.Comment);
        Assert.DoesNotContain(ZhangSanId, rating.Comment);
        Assert.Equal(("县市场监督管理局", FakeCatalog.MarketRegulation), (rating.Department, rating.DepartmentCode));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDb>();
        Assert.DoesNotContain(ZhangSanId, (await db.Ratings.AsNoTracking().SingleAsync(Cancel)).Comment);
        var rated = JsonDocument.Parse((await db.Outbox.AsNoTracking().SingleAsync(m => m.Topic == Topics.ApplicationsCaseRated, Cancel)).Payload).RootElement;
        Assert.Equal((number, "very_satisfied", "online", false, "2026-03-02"),
            (rated.GetProperty("trackingNumber").GetString(), rated.GetProperty("level").GetString(), rated.GetProperty("channel").GetString(),
             rated.TryGetProperty("bad", out var bad) && bad.GetBoolean(), rated.GetProperty("ratedOn").GetString()));
        Assert.DoesNotContain("身份证", rated.GetRawText());
        Assert.DoesNotContain("很快办好了", rated.GetRawText());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_case_is_rated_once_per_channel(string database)
    {
        await using var host = new ApplicationsHost(database, RatingCatalog());
        var number = await CompletedAsync(host);
        var zhangsan = host.Ratings(ZhangSan);
        await zhangsan.RateCaseAsync(Rate(number, RatingLevel.Satisfied), cancellationToken: Cancel);

        var again = await RefusedAsync(zhangsan.RateCaseAsync(Rate(number, RatingLevel.VeryDissatisfied), cancellationToken: Cancel));
        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        Assert.Contains("每个渠道只能评价一次", again.Status.Detail);

        var atWindow = await zhangsan.RateCaseAsync(Rate(number, RatingLevel.FairlySatisfied, channel: RatingChannel.Window), cancellationToken: Cancel);
        Assert.Equal(RatingChannel.Window, atWindow.Channel);
        var all = await zhangsan.ListCaseRatingsAsync(new ListCaseRatingsRequest { TrackingNumber = number }, cancellationToken: Cancel);
        Assert.Equal([RatingLevel.Satisfied, RatingLevel.FairlySatisfied], all.Ratings.Select(r => r.Level));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_case_not_completed_cannot_be_rated_and_the_refusal_names_its_state(string database)
    {
        await using var host = new ApplicationsHost(database, RatingCatalog());
        var number = await AcceptedAsync(host);

        var refused = await RefusedAsync(host.Ratings(ZhangSan).RateCaseAsync(Rate(number, RatingLevel.Satisfied), cancellationToken: Cancel));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("已受理", refused.Status.Detail);
        Assert.Contains("办结后才能评价", refused.Status.Detail);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_each_field()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, RatingCatalog());
        var number = await CompletedAsync(host);
        var zhangsan = host.Ratings(ZhangSan);

        var empty = await RefusedAsync(zhangsan.RateCaseAsync(new RateCaseRequest { TrackingNumber = number, Reasons = { RatingReason.Efficiency, RatingReason.Efficiency }, Comment = new string('差', 501) }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        foreach (var label in new[] { "评价渠道：必填", "评价等级：必填", "评价原因：每个原因只能选一次", "评价内容：不能超过500个字" })
        {
            Assert.Contains(label, empty.Status.Detail);
        }
        var unknownReason = await RefusedAsync(zhangsan.RateCaseAsync(Rate(number, RatingLevel.Satisfied, reasons: (RatingReason)99), cancellationToken: Cancel));
        Assert.Contains("评价原因：含有不在列表中的原因", unknownReason.Status.Detail);
        var noCase = await RefusedAsync(zhangsan.RateCaseAsync(Rate("SH20260302AAAAAAAA", RatingLevel.Satisfied), cancellationToken: Cancel));
        Assert.Equal(StatusCode.NotFound, noCase.StatusCode);
        var notANumber = await RefusedAsync(zhangsan.RateCaseAsync(Rate("abc", RatingLevel.Satisfied), cancellationToken: Cancel));
        Assert.Contains("申请编号", notANumber.Status.Detail);

        var rating = await BadRatingAsync(host, "key-2");
        var officer = host.Ratings(Shichang);
        var noText = await RefusedAsync(officer.RecordRectificationAsync(new RecordRectificationRequest { RatingId = rating.RatingId }, cancellationToken: Cancel));
        Assert.Contains("整改情况：必填", noText.Status.Detail);
        var noCallBack = await RefusedAsync(officer.RecordCallBackAsync(new RecordCallBackRequest { RatingId = rating.RatingId, CallBack = new string('回', 2001) }, cancellationToken: Cancel));
        Assert.Contains("回访情况：不能超过2000个字", noCallBack.Status.Detail);
        var noReason = await RefusedAsync(host.Ratings(Admin).ModerateCommentAsync(new ModerateCommentRequest { RatingId = rating.RatingId, Approve = true }, cancellationToken: Cancel));
        Assert.Contains("审核理由：必填", noReason.Status.Detail);
        var noRating = await RefusedAsync(officer.RecordRectificationAsync(new RecordRectificationRequest { RatingId = "nope", Rectification = "已改" }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.NotFound, noRating.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_comment_is_public_only_after_a_moderator_approves_it_and_is_moderated_once(string database)
    {
        await using var host = new ApplicationsHost(database, RatingCatalog());
        var good = await host.Ratings(ZhangSan).RateCaseAsync(Rate(await CompletedAsync(host), RatingLevel.Satisfied, "窗口人员很耐心"), cancellationToken: Cancel);
        var bad = await BadRatingAsync(host, "key-2");
        var silent = await host.Ratings(ZhangSan).RateCaseAsync(Rate(await CompletedAsync(host, "key-3"), RatingLevel.Satisfied), cancellationToken: Cancel);
        var admin = host.Ratings(Admin);

        var pending = await admin.ListPendingCommentsAsync(new ListPendingCommentsRequest(), cancellationToken: Cancel);
        // Rated at the same instant on the fake clock: their order is not the point here.
        Assert.Equal(new[] { good.RatingId, bad.RatingId }.Order(), pending.Ratings.Select(r => r.RatingId).Order());
        Assert.Equal(CommentStatus.Unspecified, silent.CommentStatus);

        // The public figures (no token) carry approved comments only: none yet.
        var figures = new V1.PublicFiguresService.PublicFiguresServiceClient(host.Channel);
        Assert.Empty((await figures.GetPublicFiguresAsync(new GetPublicFiguresRequest(), cancellationToken: Cancel)).Comments);

        var approved = await admin.ModerateCommentAsync(new ModerateCommentRequest { RatingId = good.RatingId, Approve = true, Reason = "内容属实，无不当言论" }, cancellationToken: Cancel);
        Assert.Equal((CommentStatus.Approved, "内容属实，无不当言论"), (approved.CommentStatus, approved.ModerationReason));
        var published = Assert.Single((await figures.GetPublicFiguresAsync(new GetPublicFiguresRequest(), cancellationToken: Cancel)).Comments);
        Assert.Equal(("窗口人员很耐心", RatingLevel.Satisfied, good.ItemName, good.Department), (published.Comment, published.Level, published.ItemName, published.Department));
        Assert.DoesNotContain(ZhangSan.Subject, published.ToString());
        var rejected = await admin.ModerateCommentAsync(new ModerateCommentRequest { RatingId = bad.RatingId, Approve = false, Reason = "含有与办件无关的内容" }, cancellationToken: Cancel);
        Assert.Equal(CommentStatus.Rejected, rejected.CommentStatus);
        // The rating itself still counts, and its follow-up is untouched by moderation.
        Assert.Equal((RatingLevel.Dissatisfied, FollowUpStatus.Open), (rejected.Level, rejected.FollowUp.Status));
        Assert.Empty((await admin.ListPendingCommentsAsync(new ListPendingCommentsRequest(), cancellationToken: Cancel)).Ratings);
        Assert.Equal(["窗口人员很耐心"], (await figures.GetPublicFiguresAsync(new GetPublicFiguresRequest(), cancellationToken: Cancel)).Comments.Select(c => c.Comment));

        var twice = await RefusedAsync(admin.ModerateCommentAsync(new ModerateCommentRequest { RatingId = good.RatingId, Approve = false, Reason = "改主意" }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
        Assert.Contains("已通过", twice.Status.Detail);
        var none = await RefusedAsync(admin.ModerateCommentAsync(new ModerateCommentRequest { RatingId = silent.RatingId, Approve = true, Reason = "无" }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.FailedPrecondition, none.StatusCode);
        Assert.Contains("没有评价内容", none.Status.Detail);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_bad_rating_is_rectified_called_back_and_closed_by_the_rater_in_that_order_only(string database)
    {
        await using var host = new ApplicationsHost(database, RatingCatalog());
        var rating = await BadRatingAsync(host);
        Assert.Equal((FollowUpStatus.Open, "2026-03-09", false), (rating.FollowUp.Status, rating.FollowUp.DueOn, rating.FollowUp.Overdue));
        var officer = host.Ratings(Shichang);
        var zhangsan = host.Ratings(ZhangSan);
        var id = rating.RatingId;

        var callBackFirst = await RefusedAsync(officer.RecordCallBackAsync(new RecordCallBackRequest { RatingId = id, CallBack = "已电话回访" }, cancellationToken: Cancel));
        var closeFirst = await RefusedAsync(zhangsan.CloseFollowUpAsync(new CloseFollowUpRequest { RatingId = id, Resolved = true }, cancellationToken: Cancel));
        Assert.All([callBackFirst, closeFirst], e => Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode));
        Assert.Contains("待整改", callBackFirst.Status.Detail);
        Assert.Contains("待整改", closeFirst.Status.Detail);

        var rectified = await officer.RecordRectificationAsync(new RecordRectificationRequest { RatingId = id, Rectification = $"已约谈经办人，申请人电话 {ZhangSanPhone} 已登记" }, cancellationToken: Cancel);
        Assert.Equal((FollowUpStatus.Rectified, DemoCounty.Shichang), (rectified.FollowUp.Status, rectified.FollowUp.RectifiedBy));
        Assert.Contains(ZhangSanPhoneMasked, rectified.FollowUp.Rectification);
        var rectifyTwice = await RefusedAsync(officer.RecordRectificationAsync(new RecordRectificationRequest { RatingId = id, Rectification = "再改" }, cancellationToken: Cancel));
        Assert.Contains("已整改", rectifyTwice.Status.Detail);
        var closeEarly = await RefusedAsync(zhangsan.CloseFollowUpAsync(new CloseFollowUpRequest { RatingId = id, Resolved = true }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.FailedPrecondition, closeEarly.StatusCode);

        var calledBack = await officer.RecordCallBackAsync(new RecordCallBackRequest { RatingId = id, CallBack = "3月4日电话回访，申请人表示理解" }, cancellationToken: Cancel);
        Assert.Equal(FollowUpStatus.CalledBack, calledBack.FollowUp.Status);
        var callBackTwice = await RefusedAsync(officer.RecordCallBackAsync(new RecordCallBackRequest { RatingId = id, CallBack = "再访" }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.FailedPrecondition, callBackTwice.StatusCode);

        // The rater reads what was done before closing.
        var seen = (await zhangsan.ListCaseRatingsAsync(new ListCaseRatingsRequest { TrackingNumber = rating.TrackingNumber }, cancellationToken: Cancel)).Ratings.Single();
        Assert.Equal(("3月4日电话回访，申请人表示理解", FollowUpStatus.CalledBack), (seen.FollowUp.CallBack, seen.FollowUp.Status));
        var closed = await zhangsan.CloseFollowUpAsync(new CloseFollowUpRequest { RatingId = id, Resolved = false, Remark = "仍希望缩短办理时间" }, cancellationToken: Cancel);
        Assert.Equal((FollowUpStatus.Closed, false, "仍希望缩短办理时间"), (closed.FollowUp.Status, closed.FollowUp.Resolved, closed.FollowUp.Remark));
        Assert.NotNull(closed.FollowUp.ClosedAt);

        var afterClose = await RefusedAsync(officer.RecordRectificationAsync(new RecordRectificationRequest { RatingId = id, Rectification = "补充整改" }, cancellationToken: Cancel));
        Assert.Contains("已关闭", afterClose.Status.Detail);
        var closeTwice = await RefusedAsync(zhangsan.CloseFollowUpAsync(new CloseFollowUpRequest { RatingId = id, Resolved = true }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.FailedPrecondition, closeTwice.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_good_rating_has_no_follow_up_to_work(string database)
    {
        await using var host = new ApplicationsHost(database, RatingCatalog());
        var good = await host.Ratings(ZhangSan).RateCaseAsync(Rate(await CompletedAsync(host), RatingLevel.FairlySatisfied), cancellationToken: Cancel);

        var refused = await RefusedAsync(host.Ratings(Shichang).RecordRectificationAsync(new RecordRectificationRequest { RatingId = good.RatingId, Rectification = "无" }, cancellationToken: Cancel));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("不是差评", refused.Status.Detail);
        Assert.Empty((await host.Ratings(Shichang).ListFollowUpsAsync(new ListFollowUpsRequest(), cancellationToken: Cancel)).Ratings);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_follow_up_is_due_in_working_days_on_the_county_calendar_and_overdue_after(string database)
    {
        // Wednesday 4 March 2026 a holiday here: 5 working days from Monday 2 March end on Tuesday 10 March.
        var calendar = new FakeCalendar().Set(new CalendarYearDays(2026, [new DateOnly(2026, 3, 4)], []));
        await using var host = new ApplicationsHost(database, RatingCatalog(), calendar, settings: new Dictionary<string, string?> { ["Applications:Ratings:FollowUpDays"] = "5" });
        var rating = await BadRatingAsync(host);
        Assert.Equal("2026-03-10", rating.FollowUp.DueOn);
        var jiancha = host.Ratings(Jiancha);

        // The board: the department's overdue follow-ups, the department listed although its one case is completed.
        async Task<int?> OnTheBoardAsync() => (await host.Supervision(Jiancha).GetSupervisionBoardAsync(new GetSupervisionBoardRequest(), cancellationToken: Cancel))
            .Departments.SingleOrDefault(d => d.DepartmentCode == FakeCatalog.MarketRegulation)?.OverdueFollowUps;

        ToDay(host, 2026, 3, 10);
        Assert.Empty((await jiancha.ListFollowUpsAsync(new ListFollowUpsRequest { OverdueOnly = true }, cancellationToken: Cancel)).Ratings);
        Assert.Null(await OnTheBoardAsync());
        ToDay(host, 2026, 3, 11);
        var overdue = await jiancha.ListFollowUpsAsync(new ListFollowUpsRequest { OverdueOnly = true }, cancellationToken: Cancel);
        Assert.True(overdue.Ratings.Single().FollowUp.Overdue);
        Assert.Equal(1, await OnTheBoardAsync());
        var ofDepartment = await host.Ratings(Shichang).ListFollowUpsAsync(new ListFollowUpsRequest { OpenOnly = true }, cancellationToken: Cancel);
        Assert.True(ofDepartment.Ratings.Single().FollowUp.Overdue);

        // Rectified late is still owed the call-back, so still overdue; called back, the department's part is done.
        await host.Ratings(Shichang).RecordRectificationAsync(new RecordRectificationRequest { RatingId = rating.RatingId, Rectification = "已整改" }, cancellationToken: Cancel);
        Assert.Single((await jiancha.ListFollowUpsAsync(new ListFollowUpsRequest { OverdueOnly = true }, cancellationToken: Cancel)).Ratings);
        var calledBack = await host.Ratings(Shichang).RecordCallBackAsync(new RecordCallBackRequest { RatingId = rating.RatingId, CallBack = "已回访" }, cancellationToken: Cancel);
        Assert.False(calledBack.FollowUp.Overdue);
        Assert.Empty((await jiancha.ListFollowUpsAsync(new ListFollowUpsRequest { OverdueOnly = true }, cancellationToken: Cancel)).Ratings);
        Assert.Null(await OnTheBoardAsync());
    }

    [Fact]
    public async Task The_number_of_follow_up_days_is_configurable()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, RatingCatalog(), settings: new Dictionary<string, string?> { ["Applications:Ratings:FollowUpDays"] = "10" });
        var rating = await BadRatingAsync(host);
        Assert.Equal("2026-03-16", rating.FollowUp.DueOn);
    }
}
