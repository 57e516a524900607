using Grpc.Core;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;
using ApplicationsClient = ServiceHall.Applications.V1.ApplicationsService.ApplicationsServiceClient;

namespace ServiceHall.Portal;

/// <summary>
/// The signed-in applicant's unread count for the header's 我的消息 link. Only decoration: when the service is slow,
/// down or refuses, the header shows the link without a count rather than the page failing. A page that read the
/// feed itself (我的消息) sets the count it got, so the header does not ask again.
/// </summary>
public sealed class UnreadMessages(ApplicationsClient applications, HallCalls calls)
{
    const string Key = "servicehall.unread";

    public static void Remember(HttpContext http, int unread) => http.Items[Key] = unread;

    public async Task<int?> CountAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(Key, out var known))
        {
            return (int?)known;
        }
        if (http.User.Identity?.IsAuthenticated != true || !http.User.IsInRole(HallRoles.Applicant))
        {
            return null;
        }
        try
        {
            var feed = await applications.ListMyNotificationsAsync(new ListMyNotificationsRequest { UnreadOnly = true, PageSize = 1 }, await calls.AsUserAsync(http));
            Remember(http, feed.UnreadCount);
            return feed.UnreadCount;
        }
        catch (RpcException)
        {
            http.Items[Key] = null;
            return null;
        }
    }
}
