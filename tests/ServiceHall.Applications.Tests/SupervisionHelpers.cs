using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.Supervision;
using ServiceHall.Applications.V1;
using ServiceHall.Messaging;
using ServiceHall.Testing;
using static ServiceHall.Applications.Tests.Callers;

namespace ServiceHall.Applications.Tests;

/// <summary>What the supervision tests share: a host whose own sweep never runs by itself, and ways to look inside.</summary>
static class SupervisionHelpers
{
    /// <summary>The sweep's own timer is 40 days away on the fake clock: it runs only when a test asks (as in ApplicationsHost).</summary>
    public static ApplicationsHost Host(string database, FakeCatalog catalog, int batchSize = 1000) => new(database, catalog, settings: new Dictionary<string, string?>
    {
        ["Applications:Supervision:SweepInterval"] = "40.00:00:00",
        ["Applications:Supervision:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public static V1.SupervisionService.SupervisionServiceClient Supervision(this ApplicationsHost host, TestUser user) =>
        new(host.Channel.CreateCallInvoker().As(user));

    public static V1.SupervisionService.SupervisionServiceClient AnonymousSupervision(this ApplicationsHost host) => new(host.Channel);

    /// <summary>One round of the supervision sweep, as its timer would run it.</summary>
    public static Task<int> SweepAsync(this ApplicationsHost host) =>
        host.Services.GetRequiredService<SupervisionSweep>().SweepAsync(Cancel);

    public static void ToDay(this ApplicationsHost host, int month, int day) =>
        host.Clock.SetUtcNow(new DateTimeOffset(2026, month, day, 9, 0, 0, TimeSpan.FromHours(8)));

    /// <summary>A case submitted by 张三 and accepted by 市场监管局 today: 10 promised working days, 20 statutory.</summary>
    public static async Task<string> AcceptedCaseAsync(ApplicationsHost host, string key)
    {
        var submitted = await host.As(ZhangSan).SubmitApplicationAsync(Submit(key), cancellationToken: Cancel);
        await host.As(Shichang).AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = submitted.TrackingNumber }, cancellationToken: Cancel);
        return submitted.TrackingNumber;
    }

    public static async Task<List<CaseWarningRecord>> WarningsAsync(ApplicationsHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationsDb>().CaseWarnings.AsNoTracking().ToListAsync(Cancel);
    }

    public static async Task<List<CaseWarned>> WarnedEventsAsync(ApplicationsHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var payloads = await scope.ServiceProvider.GetRequiredService<ApplicationsDb>().Outbox.AsNoTracking()
            .Where(m => m.Topic == Topics.ApplicationsCaseWarned).Select(m => m.Payload).ToListAsync(Cancel);
        return [.. payloads.Select(p => CaseWarned.Parser.ParseJson(p))];
    }

    public static async Task<WarningLevel> LevelAsync(ApplicationsHost host, string trackingNumber) =>
        (await host.As(Shichang).GetApplicationAsync(new GetApplicationRequest { TrackingNumber = trackingNumber }, cancellationToken: Cancel)).WarningLevel;
}
