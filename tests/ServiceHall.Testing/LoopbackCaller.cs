using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ServiceHall.Testing;

/// <summary>
/// The in-process test server gives requests no remote address; its client runs on this machine, so say so
/// (loopback), as a socket would. A test that needs a remote caller sets its own address after this one.
/// </summary>
public sealed class CallerAddress(IPAddress address, bool onlyWhenUnset = false) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (!onlyWhenUnset || context.Connection.RemoteIpAddress is null)
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}
