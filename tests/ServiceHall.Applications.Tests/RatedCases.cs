using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;
using static ServiceHall.Applications.Tests.Callers;

namespace ServiceHall.Applications.Tests;

/// <summary>What the rating tests share: the rating client as a user, and cases worked to where they can be rated.</summary>
static class RatedCases
{
    public static FakeCatalog RatingCatalog() => new FakeCatalog().With("food-licence", ItemStatus.Published);

    public static V1.RatingService.RatingServiceClient Ratings(this ApplicationsHost host, TestUser user) => new(host.Channel.CreateCallInvoker().As(user));

    public static V1.RatingService.RatingServiceClient AnonymousRatings(this ApplicationsHost host) => new(host.Channel);

    /// <summary>张三's case, accepted only (not completed, so not rateable).</summary>
    public static async Task<string> AcceptedAsync(ApplicationsHost host, string key = "key-1")
    {
        var number = (await host.As(ZhangSan).SubmitApplicationAsync(Submit(key), cancellationToken: Cancel)).TrackingNumber;
        await host.As(Shichang).AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = number }, cancellationToken: Cancel);
        return number;
    }

    /// <summary>张三's case, accepted, approved and completed (办结) by 县市场监督管理局.</summary>
    public static async Task<string> CompletedAsync(ApplicationsHost host, string key = "key-1")
    {
        var number = await AcceptedAsync(host, key);
        var shichang = host.As(Shichang);
        await shichang.DecideApplicationAsync(new DecideApplicationRequest
        {
            TrackingNumber = number, Decision = Decision.Approve, Opinion = "准予许可", DocumentNumber = "镇市监食许〔2026〕12号", DocumentTitle = "食品经营许可证",
        }, cancellationToken: Cancel);
        await shichang.CompleteApplicationAsync(new CompleteApplicationRequest { TrackingNumber = number, DeliveryNote = "已在窗口领取" }, cancellationToken: Cancel);
        return number;
    }

    public static RateCaseRequest Rate(string number, RatingLevel level, string comment = "", RatingChannel channel = RatingChannel.Online, params RatingReason[] reasons) =>
        new() { TrackingNumber = number, Channel = channel, Level = level, Comment = comment, Reasons = { reasons } };

    /// <summary>A bad rating of a completed case by 张三: its follow-up is open.</summary>
    public static async Task<Rating> BadRatingAsync(ApplicationsHost host, string key = "key-1") =>
        await host.Ratings(ZhangSan).RateCaseAsync(Rate(await CompletedAsync(host, key), RatingLevel.Dissatisfied, "等了很久", RatingChannel.Online, RatingReason.Efficiency),
            cancellationToken: Cancel);
}
