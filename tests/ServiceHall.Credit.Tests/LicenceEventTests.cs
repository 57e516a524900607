using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceHall.Applications.V1;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

/// <summary>
/// 双公示 without retyping: the applications service's CaseChanged, delivered as the bus delivers it (a CloudEvent
/// with the app token), makes an approved 行政许可 of a registered business its licence record, once, announced to
/// search in the same save; everything else is taken and ignored, and nobody but the bus may deliver.
/// </summary>
public sealed class LicenceEventTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string Code = "91350100M000100Y43";
    const string BusToken = "bus-secret";
    static readonly TestUser Xinyong = TestUser.CreditEditor(DemoCounty.MarketRegulation, DemoCounty.Xinyong);
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static string Today => PublicityPeriod.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static ServiceHost<Program> NewHost(string database, LogCapture? logs = null) =>
        new("credit", database, new Dictionary<string, string?> { [EventSenders.TokenKey] = BusToken },
            logs is null ? null : services => services.AddSingleton<ILoggerProvider>(logs));

    /// <summary>The event bus: it shows the app token, as Dapr's sidecar and the local bus do.</summary>
    static HttpClient Bus(ServiceHost<Program> host)
    {
        var http = host.CreateClient();
        http.DefaultRequestHeaders.Add(MessagingOptions.AppApiTokenHeader, BusToken);
        return http;
    }

    static async Task RegisterAsync(ServiceHost<Program> host, string code = Code) =>
        await new V1.CreditService.CreditServiceClient(host.As(Xinyong)).RegisterEntityAsync(new RegisterEntityRequest
        {
            Code = code, Name = "福州示范食品有限公司", EntityCategory = "法人及非法人组织", LegalRepresentative = "张伟",
        }, cancellationToken: Ct);

    /// <summary>As the applications service announces the approval of a 食品经营许可 applied for by the business.</summary>
    static CaseChanged Approved(string trackingNumber = "SH20261207K7M2Q9XB", string code = Code) => new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        TrackingNumber = trackingNumber,
        Sequence = 5,
        Action = "decided",
        Status = "approved",
        ItemId = "food-licence",
        ItemName = "食品经营许可",
        ItemType = "行政许可",
        DepartmentCode = DemoCounty.MarketRegulation,
        Department = "镇康县市场监督管理局",
        ApplicantKind = "business",
        ApplicantCreditCode = code.ToLowerInvariant(),
        ApplicantName = "福州示范食品有限公司",
        Decision = "approve",
        DocumentNumber = "镇市监食许〔2026〕12号",
        DocumentTitle = "食品经营许可证",
        OccurredOn = Today,
    };

    static async Task<JsonElement> TakenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal("SUCCESS", answer.GetProperty("status").GetString());
        return answer.GetProperty("recorded");
    }

    static Task<HttpResponseMessage> DeliverAsync(HttpClient http, CaseChanged changed) =>
        CloudEvents.PostAsync(http, LicenceEvents.CaseChangedRoute, Topics.ApplicationsCaseChanged, changed);

    static async Task<(int Licences, List<EntityChanged> Events)> StoredAsync(ServiceHost<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CreditDb>();
        var events = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Topic == Topics.CreditEntityChanged)
            .OrderBy(m => m.Sequence).Select(m => m.Payload).ToListAsync(Ct);
        return (await db.Licences.CountAsync(Ct), [.. events.Select(EntityChanged.Parser.ParseJson)]);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_approved_licence_of_a_registered_business_becomes_one_public_record_announced_to_search(string database)
    {
        await using var host = NewHost(database);
        await RegisterAsync(host);
        var bus = Bus(host);

        Assert.True((await TakenAsync(await DeliverAsync(bus, Approved()))).GetBoolean());

        var entity = await new V1.CreditService.CreditServiceClient(host.Channel).GetEntityAsync(new GetEntityRequest { Code = Code }, cancellationToken: Ct);
        var licence = Assert.Single(entity.Licences);
        Assert.Equal(("镇市监食许〔2026〕12号", "食品经营许可证", "普通", "食品经营许可", Today),
            (licence.DecisionNumber, licence.DocumentTitle, licence.Category, licence.Content, licence.DecisionDate));
        Assert.Equal(("镇康县市场监督管理局", DemoCounty.MarketRegulation, "SH20261207K7M2Q9XB"), (licence.Authority, licence.AuthorityCode, licence.Source));
        Assert.Equal(2, entity.Version);
        var (count, events) = await StoredAsync(host);
        Assert.Equal(1, count);
        var announced = events[^1];
        Assert.Equal((Code, 2L), (announced.Code, announced.Version));
        var record = Assert.Single(announced.Records);
        Assert.Equal((licence.Id, RecordKind.Licence, ""), (record.Id, record.Kind, record.PublicUntil));
        Assert.Equal("行政许可：食品经营许可证（镇市监食许〔2026〕12号）", record.Title);

        // The same event again (at least once), and another event of the same case: still one record, nothing announced.
        Assert.False((await TakenAsync(await DeliverAsync(bus, Approved()))).GetBoolean());
        var again = Approved();
        again.Sequence = 6;
        again.DocumentNumber = "镇市监食许〔2026〕13号";
        Assert.False((await TakenAsync(await DeliverAsync(bus, again))).GetBoolean());
        Assert.Equal((1, events.Count), ((await StoredAsync(host)).Licences, (await StoredAsync(host)).Events.Count));

        // A later penalty's announcement keeps the licence: every announcement is the whole public view.
        await new V1.CreditService.CreditServiceClient(host.As(Xinyong)).AddPenaltyAsync(new AddPenaltyRequest
        {
            Code = Code,
            Penalty = new V1.PenaltyRecord
            {
                DecisionNumber = "镇市监罚〔2026〕3号", Category = "警告", Content = "警告", DecisionDate = Today,
                Authority = "镇康县市场监督管理局", AuthorityCode = DemoCounty.MarketRegulation,
            },
        }, cancellationToken: Ct);
        Assert.Equal([RecordKind.Penalty, RecordKind.Licence], (await StoredAsync(host)).Events[^1].Records.Select(r => r.Kind));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_denial_another_step_another_item_type_or_an_unregistered_entity_is_taken_and_records_nothing(string database)
    {
        var logs = new LogCapture();
        await using var host = NewHost(database, logs);
        await RegisterAsync(host);
        var bus = Bus(host);
        var before = await StoredAsync(host);

        var denied = Approved("SH20261207AAAAAAA1");
        denied.Decision = "deny";
        denied.Status = "denied";
        var completed = Approved("SH20261207AAAAAAA2");
        completed.Action = "completed";
        var service = Approved("SH20261207AAAAAAA3");
        service.ItemType = "公共服务";
        var unknownKind = Approved("SH20261207AAAAAAA4");
        unknownKind.ApplicantKind = "agency";
        unknownKind.ApplicantCreditCode = "";
        var unregistered = Approved("SH20261207AAAAAAA5", "91530924MA6C1D6P2M");

        foreach (var changed in new[] { denied, completed, service, unknownKind, unregistered })
        {
            Assert.False((await TakenAsync(await DeliverAsync(bus, changed))).GetBoolean());
        }

        var after = await StoredAsync(host);
        Assert.Equal((0, before.Events.Count), (after.Licences, after.Events.Count));
        Assert.Contains(logs.Lines, l => l.Contains("Warning", StringComparison.Ordinal) && l.Contains("91530924MA6C1D6P2M", StringComparison.Ordinal)
            && l.Contains("SH20261207AAAAAAA5", StringComparison.Ordinal));
    }

    /// <summary>As the applications service announces the approval of a natural person's 行政许可: no code, the name masked.</summary>
    static CaseChanged ApprovedForPerson(string trackingNumber = "SH20261207P3RS0N01")
    {
        var changed = Approved(trackingNumber);
        changed.ApplicantKind = "person";
        changed.ApplicantCreditCode = "";
        changed.ApplicantName = "张*";
        changed.ItemName = "建设用地规划许可";
        changed.DocumentNumber = "镇自然资规许〔2026〕7号";
        changed.DocumentTitle = "建设用地规划许可证";
        return changed;
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_natural_persons_approved_licence_is_published_once_under_the_masked_name_on_its_own_topic(string database)
    {
        await using var host = NewHost(database);
        var bus = Bus(host);

        Assert.True((await TakenAsync(await DeliverAsync(bus, ApprovedForPerson()))).GetBoolean());
        // Delivered again (at least once), and a sender that left the name whole: one record, the name masked regardless.
        Assert.False((await TakenAsync(await DeliverAsync(bus, ApprovedForPerson()))).GetBoolean());
        var unmasked = ApprovedForPerson("SH20261207P3RS0N02");
        unmasked.ApplicantName = "李小明";
        Assert.True((await TakenAsync(await DeliverAsync(bus, unmasked))).GetBoolean());

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CreditDb>();
        var stored = await db.Licences.AsNoTracking().OrderBy(l => l.SourceTrackingNumber).ToListAsync(Ct);
        Assert.Equal([("张*", (string?)null), ("李**", null)], stored.Select(l => (l.HolderName, l.EntityCode)));
        var published = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Topic == Topics.CreditPersonLicencePublished)
            .OrderBy(m => m.Sequence).Select(m => m.Payload).ToListAsync(Ct)).Select(PersonLicencePublished.Parser.ParseJson).ToList();
        Assert.Equal([("张*", 1L), ("李**", 1L)], published.Select(p => (p.HolderName, p.Version)));
        Assert.Equal((stored[0].Id, RecordKind.Licence, ""), (published[0].Record.Id, published[0].Record.Kind, published[0].Record.PublicUntil));
        Assert.Equal("行政许可：建设用地规划许可证（镇自然资规许〔2026〕7号）", published[0].Record.Title);
        Assert.Empty(await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Topic == Topics.CreditEntityChanged).ToListAsync(Ct));
        Assert.DoesNotContain(published, p => p.ToString().Contains("李小明", StringComparison.Ordinal));

        // The public lookup by id, signed in or not: the holder by masked name, no code, the record's fields.
        var licence = await new V1.CreditService.CreditServiceClient(host.Channel).GetLicenceAsync(new GetLicenceRequest { Id = stored[0].Id }, cancellationToken: Ct);
        Assert.Equal((HolderKind.NaturalPerson, "张*", ""), (licence.HolderKind, licence.HolderName, licence.HolderCode));
        Assert.Equal(("镇自然资规许〔2026〕7号", "建设用地规划许可证", "建设用地规划许可", "SH20261207P3RS0N01"),
            (licence.DecisionNumber, licence.DocumentTitle, licence.Content, licence.Source));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_licence_lookup_names_an_entitys_holder_and_refuses_an_unknown_or_missing_id_by_field(string database)
    {
        await using var host = NewHost(database);
        await RegisterAsync(host);
        Assert.True((await TakenAsync(await DeliverAsync(Bus(host), Approved()))).GetBoolean());
        var credit = new V1.CreditService.CreditServiceClient(host.Channel);
        var id = (await credit.GetEntityAsync(new GetEntityRequest { Code = Code }, cancellationToken: Ct)).Licences.Single().Id;

        var licence = await credit.GetLicenceAsync(new GetLicenceRequest { Id = id }, cancellationToken: Ct);
        Assert.Equal((HolderKind.Entity, "福州示范食品有限公司", Code), (licence.HolderKind, licence.HolderName, licence.HolderCode));

        var unknown = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => credit.GetLicenceAsync(new GetLicenceRequest { Id = "0123456789abcdef" }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("0123456789abcdef", unknown.Status.Detail);
        var missing = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => credit.GetLicenceAsync(new GetLicenceRequest(), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, missing.StatusCode);
        Assert.Contains("许可编号", missing.Status.Detail);
    }

    [Fact]
    public async Task Only_the_event_bus_may_deliver_and_a_broken_approval_is_refused_not_retried()
    {
        await using var host = NewHost(Testing.Databases.Sqlite);
        await RegisterAsync(host);

        // No token, even from this machine, and a wrong one: refused, nothing recorded.
        Assert.Equal(HttpStatusCode.Forbidden, (await DeliverAsync(host.CreateClient(), Approved())).StatusCode);
        var forger = host.CreateClient();
        forger.DefaultRequestHeaders.Add(MessagingOptions.AppApiTokenHeader, "guessed");
        Assert.Equal(HttpStatusCode.Forbidden, (await DeliverAsync(forger, Approved())).StatusCode);
        Assert.Equal(0, (await StoredAsync(host)).Licences);

        // A payload that can never become a record is a 400 (the bus drops it), never a 500 retried for ever.
        var bus = Bus(host);
        var unnumbered = Approved();
        unnumbered.DocumentNumber = "";
        Assert.Equal(HttpStatusCode.BadRequest, (await DeliverAsync(bus, unnumbered)).StatusCode);
        var nameless = ApprovedForPerson();
        nameless.ApplicantName = " ";
        Assert.Equal(HttpStatusCode.BadRequest, (await DeliverAsync(bus, nameless)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await CloudEvents.PostRawAsync(bus, LicenceEvents.CaseChangedRoute, Topics.ApplicationsCaseChanged, """{"trackingNumber":7}""")).StatusCode);
        Assert.Equal(0, (await StoredAsync(host)).Licences);

        // The sidecar and the local bus learn the route from /dapr/subscribe, which needs no token.
        var subscriptions = await host.CreateClient().GetStringAsync("/dapr/subscribe", Ct);
        Assert.Contains(Topics.ApplicationsCaseChanged, subscriptions);
        Assert.Contains(LicenceEvents.CaseChangedRoute.TrimStart('/'), subscriptions);
    }
}
