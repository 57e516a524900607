using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceHall.Data;

public static class AuditRegistration
{
    /// <summary>The service's audit trail in its own database, the audited-calls interceptor and audited refusals.</summary>
    public static WebApplicationBuilder AddAuditTrail(this WebApplicationBuilder builder, string serviceName)
    {
        var connectionString = ServiceDatabase.ConnectionStringFor(builder.Configuration, serviceName);
        builder.Services.AddSingleton(s => new AuditTrail(connectionString, s.GetService<TimeProvider>() ?? TimeProvider.System, s.GetRequiredService<ILogger<AuditTrail>>()));
        builder.Services.AddSingleton<AuditedCalls>();
        builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<AuditedCalls>());
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedDenials>();
        return builder;
    }

    /// <summary>
    /// <c>&lt;service&gt; audit verify</c>: checks this service's audit chain, prints what it found and gives the exit
    /// code (0 intact, 1 broken); null when the arguments ask for something else (run the service).
    /// </summary>
    public static async Task<int?> RunAuditCommandAsync(this IConfiguration configuration, string serviceName, string[] args)
    {
        if (args is not ["audit", "verify", ..])
        {
            return null;
        }
        using var logging = LoggerFactory.Create(_ => { });
        var trail = new AuditTrail(ServiceDatabase.ConnectionStringFor(configuration, serviceName), TimeProvider.System, logging.CreateLogger<AuditTrail>());
        var result = await trail.VerifyAsync();
        Console.WriteLine(result.Intact
            ? $"{serviceName} audit trail: {result.Records} records, chain intact"
            : $"{serviceName} audit trail: BROKEN at record {result.BrokenAt}: {result.Problem}");
        return result.Intact ? 0 : 1;
    }
}
