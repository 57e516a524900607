using Grpc.Core;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;
using static ServiceHall.Applications.Tests.Callers;
using static ServiceHall.Applications.Tests.RatedCases;

namespace ServiceHall.Applications.Tests;

/// <summary>
/// Who may call each rating operation: the applicant who owns the case, another applicant, an officer of the case's
/// department and of another, a supervisor, an administrator and nobody signed in.
/// </summary>
public sealed class RatingAccessTests
{
    /// <summary>Officer of 县公安局: not the department of the fake catalog's items.</summary>
    static readonly TestUser OtherDepartment = Gongan;

    static async Task<StatusCode> CodeAsync<T>(AsyncUnaryCall<T> call)
    {
        try
        {
            await call.ResponseAsync;
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    [Fact]
    public async Task Only_the_owner_rates_a_case()
    {
        await using var host = new ApplicationsHost(Databases.Sqlite, RatingCatalog());
        var number = await CompletedAsync(host);
        var rate = Rate(number, RatingLevel.Satisfied);

        Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(host.Ratings(LiSi).RateCaseAsync(rate, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(host.Ratings(Shichang).RateCaseAsync(rate, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(host.Ratings(OtherDepartment).RateCaseAsync(rate, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(host.Ratings(Jiancha).RateCaseAsync(rate, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.Unauthenticated, await CodeAsync(host.AnonymousRatings().RateCaseAsync(rate, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.OK, await CodeAsync(host.Ratings(ZhangSan).RateCaseAsync(rate, cancellationToken: Cancel)));
    }

    [Fact]
    public async Task A_cases_ratings_are_read_by_the_owner_the_department_and_supervisors_only()
    {
        await using var host = new ApplicationsHost(Databases.Sqlite, RatingCatalog());
        var rating = await BadRatingAsync(host);
        var list = new ListCaseRatingsRequest { TrackingNumber = rating.TrackingNumber };

        Assert.Equal(StatusCode.OK, await CodeAsync(host.Ratings(ZhangSan).ListCaseRatingsAsync(list, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.OK, await CodeAsync(host.Ratings(Shichang).ListCaseRatingsAsync(list, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.OK, await CodeAsync(host.Ratings(Jiancha).ListCaseRatingsAsync(list, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(host.Ratings(LiSi).ListCaseRatingsAsync(list, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(host.Ratings(OtherDepartment).ListCaseRatingsAsync(list, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(host.Ratings(Admin).ListCaseRatingsAsync(list, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.Unauthenticated, await CodeAsync(host.AnonymousRatings().ListCaseRatingsAsync(list, cancellationToken: Cancel)));
    }

    [Fact]
    public async Task Only_administrators_moderate_comments()
    {
        await using var host = new ApplicationsHost(Databases.Sqlite, RatingCatalog());
        var rating = await BadRatingAsync(host);
        var moderate = new ModerateCommentRequest { RatingId = rating.RatingId, Approve = true, Reason = "属实" };
        var pending = new ListPendingCommentsRequest();

        foreach (var user in new[] { ZhangSan, LiSi, Shichang, OtherDepartment, Jiancha })
        {
            Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(host.Ratings(user).ListPendingCommentsAsync(pending, cancellationToken: Cancel)));
            Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(host.Ratings(user).ModerateCommentAsync(moderate, cancellationToken: Cancel)));
        }
        Assert.Equal(StatusCode.Unauthenticated, await CodeAsync(host.AnonymousRatings().ListPendingCommentsAsync(pending, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.Unauthenticated, await CodeAsync(host.AnonymousRatings().ModerateCommentAsync(moderate, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.OK, await CodeAsync(host.Ratings(Admin).ListPendingCommentsAsync(pending, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.OK, await CodeAsync(host.Ratings(Admin).ModerateCommentAsync(moderate, cancellationToken: Cancel)));
    }

    [Fact]
    public async Task Only_officers_of_the_cases_department_rectify_and_call_back_and_only_the_rater_closes()
    {
        await using var host = new ApplicationsHost(Databases.Sqlite, RatingCatalog());
        var rating = await BadRatingAsync(host);
        var rectify = new RecordRectificationRequest { RatingId = rating.RatingId, Rectification = "已整改" };
        var callBack = new RecordCallBackRequest { RatingId = rating.RatingId, CallBack = "已回访" };
        var close = new CloseFollowUpRequest { RatingId = rating.RatingId, Resolved = true };

        foreach (var user in new[] { ZhangSan, LiSi, OtherDepartment, Jiancha, Admin })
        {
            Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(host.Ratings(user).RecordRectificationAsync(rectify, cancellationToken: Cancel)));
        }
        Assert.Equal(StatusCode.Unauthenticated, await CodeAsync(host.AnonymousRatings().RecordRectificationAsync(rectify, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.OK, await CodeAsync(host.Ratings(Shichang).RecordRectificationAsync(rectify, cancellationToken: Cancel)));

        foreach (var user in new[] { ZhangSan, LiSi, OtherDepartment, Jiancha, Admin })
        {
            Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(host.Ratings(user).RecordCallBackAsync(callBack, cancellationToken: Cancel)));
        }
        Assert.Equal(StatusCode.Unauthenticated, await CodeAsync(host.AnonymousRatings().RecordCallBackAsync(callBack, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.OK, await CodeAsync(host.Ratings(Shichang).RecordCallBackAsync(callBack, cancellationToken: Cancel)));

        foreach (var user in new[] { LiSi, Shichang, OtherDepartment, Jiancha, Admin })
        {
            Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(host.Ratings(user).CloseFollowUpAsync(close, cancellationToken: Cancel)));
        }
        Assert.Equal(StatusCode.Unauthenticated, await CodeAsync(host.AnonymousRatings().CloseFollowUpAsync(close, cancellationToken: Cancel)));
        Assert.Equal(StatusCode.OK, await CodeAsync(host.Ratings(ZhangSan).CloseFollowUpAsync(close, cancellationToken: Cancel)));
    }

    [Fact]
    public async Task Follow_ups_are_listed_for_the_departments_officers_and_supervisors_only()
    {
        await using var host = new ApplicationsHost(Databases.Sqlite, RatingCatalog());
        await BadRatingAsync(host);
        var own = new ListFollowUpsRequest();

        Assert.Single((await host.Ratings(Shichang).ListFollowUpsAsync(own, cancellationToken: Cancel)).Ratings);
        Assert.Empty((await host.Ratings(OtherDepartment).ListFollowUpsAsync(own, cancellationToken: Cancel)).Ratings);
        Assert.Single((await host.Ratings(Jiancha).ListFollowUpsAsync(own, cancellationToken: Cancel)).Ratings);
        Assert.Single((await host.Ratings(Jiancha).ListFollowUpsAsync(new ListFollowUpsRequest { DepartmentCode = FakeCatalog.MarketRegulation }, cancellationToken: Cancel)).Ratings);
        Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(host.Ratings(OtherDepartment).ListFollowUpsAsync(
            new ListFollowUpsRequest { DepartmentCode = FakeCatalog.MarketRegulation }, cancellationToken: Cancel)));
        foreach (var user in new[] { ZhangSan, LiSi, Admin })
        {
            Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(host.Ratings(user).ListFollowUpsAsync(own, cancellationToken: Cancel)));
        }
        Assert.Equal(StatusCode.Unauthenticated, await CodeAsync(host.AnonymousRatings().ListFollowUpsAsync(own, cancellationToken: Cancel)));
    }

    [Fact]
    public async Task Ratings_answer_over_json_transcoding_under_api_ratings()
    {
        await using var host = new ApplicationsHost(Databases.Sqlite, RatingCatalog());
        var number = await CompletedAsync(host);
        using var http = host.Http(ZhangSan);

        var rated = await http.PostAsync("/api/ratings", new StringContent(
            $$"""{"trackingNumber":"{{number}}","channel":"RATING_CHANNEL_ONLINE","level":"RATING_LEVEL_VERY_DISSATISFIED","reasons":["RATING_REASON_PROCESS"]}""",
            System.Text.Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(System.Net.HttpStatusCode.OK, rated.StatusCode);
        var again = await http.PostAsync("/api/ratings", new StringContent(
            $$"""{"trackingNumber":"{{number}}","channel":"RATING_CHANNEL_ONLINE","level":"RATING_LEVEL_SATISFIED"}""", System.Text.Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
        var read = await http.GetAsync($"/api/ratings/cases/{number}", Cancel);
        Assert.Contains("FOLLOW_UP_STATUS_OPEN", await read.Content.ReadAsStringAsync(Cancel));
        using var anonymous = host.Http(null);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/ratings/follow-ups", Cancel)).StatusCode);
    }
}
