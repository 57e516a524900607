using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

/// <summary>
/// The credit lists on a fake clock: an entry added by the deciding department's credit editor is on its public list
/// and the entity's page from its date in, leaves both on its date out, and the list sweep announces the entity once
/// however often and on however many replicas it runs.
/// </summary>
public sealed class CreditListTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string Code = "91350100M000100Y43";
    static readonly TestUser Xinyong = TestUser.CreditEditor(DemoCounty.MarketRegulation, DemoCounty.Xinyong);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static ListEntry Entry(CreditListKind kind, string dateIn, string dateOut, string decidingBodyCode = DemoCounty.MarketRegulation) => new()
    {
        Code = Code, Kind = kind, DecidingBody = "县市场监督管理局", DecidingBodyCode = decidingBodyCode,
        Reason = "通过登记的住所无法联系", DateIn = dateIn, DateOut = dateOut,
    };

    static async Task<List<OutboxMessage>> EventsAsync(ServiceHost<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Data.CreditDb>().Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Sequence).ToListAsync(Ct);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_entry_is_public_from_its_date_in_and_leaves_the_list_and_the_entity_on_its_date_out(string database)
    {
        // 2026-06-15 in the county (UTC+8); the sweep's own timer is set far off so only the test runs it.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 4, 0, 0, TimeSpan.Zero));
        await using var host = new ServiceHost<Program>("credit", database,
            new Dictionary<string, string?> { [ListSweep.IntervalKey] = "30.00:00:00", [PublicitySweep.IntervalKey] = "30.00:00:00" },
            services => services.AddSingleton<TimeProvider>(clock));
        await new V1.CreditService.CreditServiceClient(host.As(Xinyong))
            .RegisterEntityAsync(new RegisterEntityRequest { Code = Code, Name = "福州示范食品有限公司", EntityCategory = "法人及非法人组织" }, cancellationToken: Ct);
        var lists = new V1.CreditListsService.CreditListsServiceClient(host.As(Xinyong));
        var ending = await lists.AddListEntryAsync(new AddListEntryRequest { Entry = Entry(CreditListKind.AbnormalOperation, "2026-06-01", "2026-06-16") }, cancellationToken: Ct);
        var lasting = await lists.AddListEntryAsync(new AddListEntryRequest { Entry = Entry(CreditListKind.Red, "2026-06-10", "") }, cancellationToken: Ct);
        Assert.Equal(("福州示范食品有限公司", CreditListKind.AbnormalOperation, "2026-06-16"), (ending.EntityName, ending.Kind, ending.DateOut));

        var publicLists = new V1.CreditListsService.CreditListsServiceClient(host.Channel);
        var lookup = new V1.CreditService.CreditServiceClient(host.Channel);
        var sweep = host.Services.GetRequiredService<ListSweep>();
        Assert.Equal([ending.Id], (await publicLists.ListEntriesAsync(new ListEntriesRequest { Kind = CreditListKind.AbnormalOperation }, cancellationToken: Ct)).Entries.Select(e => e.Id));
        Assert.Equal([lasting.Id], (await publicLists.ListEntriesAsync(new ListEntriesRequest { Kind = CreditListKind.Red }, cancellationToken: Ct)).Entries.Select(e => e.Id));
        Assert.Empty((await publicLists.ListEntriesAsync(new ListEntriesRequest { Kind = CreditListKind.Black }, cancellationToken: Ct)).Entries);
        var shown = await lookup.GetEntityAsync(new GetEntityRequest { Code = Code }, cancellationToken: Ct);
        Assert.Equal([lasting.Id, ending.Id], shown.ListMemberships.Select(m => m.Id));
        Assert.Equal(0, await sweep.SweepAsync(Ct));

        // 2026-06-16: the date out of the 经营异常名录 entry.
        clock.Advance(TimeSpan.FromDays(1));

        Assert.Empty((await publicLists.ListEntriesAsync(new ListEntriesRequest { Kind = CreditListKind.AbnormalOperation }, cancellationToken: Ct)).Entries);
        var after = await lookup.GetEntityAsync(new GetEntityRequest { Code = Code }, cancellationToken: Ct);
        Assert.Equal([lasting.Id], after.ListMemberships.Select(m => m.Id));
        var before = await EventsAsync(host);
        // Two replicas sweeping at once, then again: the entity is announced exactly once, with a higher version.
        var swept = await Task.WhenAll(sweep.SweepAsync(Ct), sweep.SweepAsync(Ct));
        Assert.Equal(1, swept.Sum());
        Assert.Equal(0, await sweep.SweepAsync(Ct));
        var announced = Assert.Single((await EventsAsync(host)).Skip(before.Count));
        Assert.Equal(Topics.CreditEntityChanged, announced.Topic);
        Assert.True(EntityChanged.Parser.ParseJson(announced.Payload).Version > EntityChanged.Parser.ParseJson(before[^1].Payload).Version);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_entry_is_checked_and_only_the_deciding_department_adds_it(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        await new V1.CreditService.CreditServiceClient(host.As(Xinyong))
            .RegisterEntityAsync(new RegisterEntityRequest { Code = Code, Name = "福州示范食品有限公司", EntityCategory = "法人及非法人组织" }, cancellationToken: Ct);
        var lists = new V1.CreditListsService.CreditListsServiceClient(host.As(Xinyong));
        var today = PublicityPeriod.Today(TimeProvider.System);

        var refused = await Assert.ThrowsAsync<RpcException>(() => lists.AddListEntryAsync(new AddListEntryRequest
        {
            Entry = new ListEntry { Code = Code, DecidingBodyCode = DemoCounty.MarketRegulation, DateIn = "2026-06-10", DateOut = "2026-06-10" },
        }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("名单类别：请选择名单类别", refused.Status.Detail);
        Assert.Contains("认定部门：必填", refused.Status.Detail);
        Assert.Contains("列入事由：必填", refused.Status.Detail);
        Assert.Contains("移出日期：2026-06-10 应晚于列入日期 2026-06-10", refused.Status.Detail);

        var future = today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var late = await Assert.ThrowsAsync<RpcException>(() => lists.AddListEntryAsync(new AddListEntryRequest { Entry = Entry(CreditListKind.Black, future, "") }, cancellationToken: Ct).ResponseAsync);
        Assert.Contains("列入日期：" + future + " 晚于今天", late.Status.Detail);

        var other = await Assert.ThrowsAsync<RpcException>(() => lists.AddListEntryAsync(new AddListEntryRequest { Entry = Entry(CreditListKind.Black, "2026-01-05", "", DemoCounty.PublicSecurity) }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);

        var anonymous = await Assert.ThrowsAsync<RpcException>(() => new V1.CreditListsService.CreditListsServiceClient(host.Channel)
            .AddListEntryAsync(new AddListEntryRequest { Entry = Entry(CreditListKind.Black, "2026-01-05", "") }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

        var unknownKind = await Assert.ThrowsAsync<RpcException>(() => new V1.CreditListsService.CreditListsServiceClient(host.Channel)
            .ListEntriesAsync(new ListEntriesRequest(), cancellationToken: Ct).ResponseAsync);
        Assert.Contains("名单类别：请选择名单类别", unknownKind.Status.Detail);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<Data.CreditDb>().Set<Data.CreditListEntry>().CountAsync(Ct));
    }
}
