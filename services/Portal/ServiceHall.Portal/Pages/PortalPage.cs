using Grpc.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceHall.Portal.Pages;

/// <summary>
/// A page that reads from the hall's services and degrades instead of failing: a read that is slow or unavailable
/// leaves its part of the page empty and a notice saying so; the rest of the page still shows.
/// </summary>
public abstract class PortalPage : PageModel
{
    public SortedSet<ServiceTrouble> Troubles { get; } = [];

    protected async Task<T?> ReadAsync<T>(AsyncUnaryCall<T> call) where T : class
    {
        try
        {
            return await call.ResponseAsync;
        }
        catch (RpcException e) when (ServiceTroubles.Of(e) is { } trouble)
        {
            Troubles.Add(trouble);
            return null;
        }
    }
}
