using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceHall.Common.V1;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

/// <summary>
/// A penalty leaves public view the day after its publicity ends (公示截止期), on a fake clock: the lookup stops
/// showing it, the sweep announces the entity without it once (however often and on however many replicas it
/// runs), and the public export, replayed to rebuild search, no longer carries it in any event.
/// </summary>
public sealed class PublicitySweepTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string Code = "91350100M000100Y43";
    static readonly TestUser Xinyong = TestUser.CreditEditor(DemoCounty.MarketRegulation, DemoCounty.Xinyong);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_ended_penalty_leaves_the_lookup_the_event_stream_and_the_export(string database)
    {
        // 2026-06-15 in the county (UTC+8); the sweep's own timer is set far off so only the test runs it.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 4, 0, 0, TimeSpan.Zero));
        await using var host = new ServiceHost<Program>("credit", database,
            new Dictionary<string, string?> { [PublicitySweep.IntervalKey] = "30.00:00:00" },
            services => services.AddSingleton<TimeProvider>(clock));
        var credit = new V1.CreditService.CreditServiceClient(host.As(Xinyong));
        await credit.RegisterEntityAsync(new RegisterEntityRequest { Code = Code, Name = "福州示范食品有限公司", EntityCategory = "法人及非法人组织" }, cancellationToken: Ct);
        var ending = await credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = Penalty("榕市监罚〔2026〕1号", "2026-06-15") }, cancellationToken: Ct);
        var lasting = await credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = Penalty("榕市监罚〔2026〕2号", "2027-03-10") }, cancellationToken: Ct);
        // A licence has no publicity end: the sweep's announcement and the export keep it.
        (await CloudEvents.PostAsync(host.CreateClient(), LicenceEvents.CaseChangedRoute, Topics.ApplicationsCaseChanged, new Applications.V1.CaseChanged
        {
            TrackingNumber = "SH20260615K7M2Q9XB", Action = "decided", Decision = "approve", ItemType = "行政许可", ItemName = "食品经营许可",
            ApplicantKind = "business", ApplicantCreditCode = Code, DocumentNumber = "榕市监食许〔2026〕8号", DocumentTitle = "食品经营许可证",
            Department = "县市场监督管理局", DepartmentCode = DemoCounty.MarketRegulation, OccurredOn = "2026-06-15",
        })).EnsureSuccessStatusCode();
        var licence = Assert.Single((await new V1.CreditService.CreditServiceClient(host.Channel).GetEntityAsync(new GetEntityRequest { Code = Code }, cancellationToken: Ct)).Licences);
        var lookup = new V1.CreditService.CreditServiceClient(host.Channel);
        var sweep = host.Services.GetRequiredService<PublicitySweep>();

        Assert.Equal(2, (await lookup.GetEntityAsync(new GetEntityRequest { Code = Code }, cancellationToken: Ct)).Penalties.Count);
        Assert.Equal(0, await sweep.SweepAsync(Ct));  // nothing has ended yet
        Assert.Contains(ending.Id, await ExportedAsync(host));

        clock.Advance(TimeSpan.FromDays(1));

        var entity = await lookup.GetEntityAsync(new GetEntityRequest { Code = Code }, cancellationToken: Ct);
        Assert.Equal([lasting.Id], entity.Penalties.Select(p => p.Id));
        Assert.Equal([licence.Id], entity.Licences.Select(l => l.Id));
        var before = await EventsAsync(host);
        // Two replicas sweeping at once, then again: the entity is announced exactly once.
        var swept = await Task.WhenAll(sweep.SweepAsync(Ct), sweep.SweepAsync(Ct));
        Assert.Equal(1, swept.Sum());
        Assert.Equal(0, await sweep.SweepAsync(Ct));
        var announced = Assert.Single((await EventsAsync(host)).Skip(before.Count));
        var changed = EntityChanged.Parser.ParseJson(announced.Payload);
        Assert.Equal([lasting.Id, licence.Id], changed.Records.Select(r => r.Id));
        Assert.Equal(("2027-03-10", ""), (changed.Records[0].PublicUntil, changed.Records[1].PublicUntil));
        Assert.True(changed.Version > EntityChanged.Parser.ParseJson(before[^1].Payload).Version);

        // The log still holds the old events that showed the ended penalty; the export serves none of it.
        Assert.Contains(before, e => e.Payload.Contains(ending.Id, StringComparison.Ordinal));
        var exported = await ExportedAsync(host);
        Assert.DoesNotContain(ending.Id, exported);
        Assert.Contains(lasting.Id, exported);
        Assert.Contains(licence.Id, exported);
    }

    static V1.PenaltyRecord Penalty(string number, string publicUntil) => new()
    {
        DecisionNumber = number,
        Category = "罚款",
        Content = "罚款人民币5万元",
        FineAmountWan = "5",
        DecisionDate = "2026-03-10",
        Authority = "县市场监督管理局",
        AuthorityCode = DemoCounty.MarketRegulation,
        PublicityUntil = publicUntil,
    };

    static async Task<List<OutboxMessage>> EventsAsync(ServiceHost<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreditDb>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Topic == Topics.CreditEntityChanged).OrderBy(m => m.Sequence).ToListAsync(Ct);
    }

    /// <summary>Everything the public export streams from the start, as a rebuild reads it.</summary>
    static async Task<string> ExportedAsync(ServiceHost<Program> host)
    {
        using var call = new PublicExport.PublicExportClient(host.Channel).Export(new ExportRequest(), cancellationToken: Ct);
        var payloads = new List<string>();
        await foreach (var exported in call.ResponseStream.ReadAllAsync(Ct))
        {
            payloads.Add(exported.PayloadJson);
        }
        Assert.NotEmpty(payloads);
        return string.Join("\n", payloads);
    }
}
