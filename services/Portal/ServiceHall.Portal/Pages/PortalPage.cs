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

    /// <summary>
    /// Sends a change the reader asked for: null once the service took it, else its refusal for the page to show
    /// beside the form (a slow or unavailable service gets its notice as well). A request the reader abandoned
    /// (cancelled) is not caught: there is nobody to show the page to.
    /// </summary>
    protected async Task<ServiceRefusal?> SendAsync(Func<Task> change)
    {
        try
        {
            await change();
            return null;
        }
        catch (RpcException e) when (e.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            if (ServiceTroubles.Of(e) is { } trouble)
            {
                Troubles.Add(trouble);
            }
            return ServiceRefusal.Of(e);
        }
    }

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
