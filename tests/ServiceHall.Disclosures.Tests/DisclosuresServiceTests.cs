using System.Net;
using System.Text.Json;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Disclosures.Data;
using ServiceHall.Disclosures.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Disclosures.Tests;

/// <summary>The disclosures service in-process over gRPC, against SQLite and PostgreSQL alike.</summary>
public sealed class DisclosuresServiceTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    static RegisterOrganizationRequest Hospital() => new() { Id = DemoCounty.Hospital, Name = "县人民医院", Sector = Sector.Health };

    /// <summary>The administrator who registers units, and the hospital's own publisher (who also reads, as anyone may).</summary>
    static (V1.DisclosuresService.DisclosuresServiceClient Admin, V1.DisclosuresService.DisclosuresServiceClient Hospital) Clients(ServiceHost<Program> host) =>
        (new(host.As(TestUser.Administrator(DemoCounty.Admin))), new(host.As(TestUser.Publisher(DemoCounty.Hospital, DemoCounty.Yiyuan))));

    static PublishDisclosureRequest FeeSchedule(string title) => new()
    {
        OrganizationId = DemoCounty.Hospital,
        Kind = DisclosureKind.FeeSchedule,
        Title = title,
        Body = "普通门诊诊察费 15 元/次。收费依据：省医疗服务价格项目目录。",
        EffectiveDate = "2025-01-01",
    };

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Register_publish_and_list_newest_first_in_pages(string database)
    {
        await using var host = new ServiceHost<Program>("disclosures", database);
        var (admin, disclosures) = Clients(host);

        var organization = await admin.RegisterOrganizationAsync(Hospital(), cancellationToken: Cancel);
        Assert.Equal(new Organization { Id = DemoCounty.Hospital, Name = "县人民医院", Sector = Sector.Health }, organization);
        var published = new List<Disclosure>();
        foreach (var title in new[] { "门诊收费 一", "门诊收费 二", "门诊收费 三" })
        {
            published.Add(await disclosures.PublishDisclosureAsync(FeeSchedule(title), cancellationToken: Cancel));
        }
        var first = published[0];
        Assert.Equal(1, first.Version);
        Assert.Equal("县人民医院", first.OrganizationName);
        Assert.Equal(Sector.Health, first.Sector);
        Assert.Equal("2025-01-01", first.EffectiveDate);
        Assert.NotNull(first.PublishedAt);

        // Anyone reads, without signing in.
        var reader = new V1.DisclosuresService.DisclosuresServiceClient(host.Channel);
        var page1 = await reader.ListDisclosuresAsync(new ListDisclosuresRequest { OrganizationId = organization.Id, PageSize = 2 }, cancellationToken: Cancel);
        Assert.Equal(["门诊收费 三", "门诊收费 二"], page1.Disclosures.Select(d => d.Title));
        Assert.NotEqual("", page1.NextPageToken);
        var page2 = await reader.ListDisclosuresAsync(
            new ListDisclosuresRequest { OrganizationId = organization.Id, PageSize = 2, PageToken = page1.NextPageToken }, cancellationToken: Cancel);
        Assert.Equal(first, Assert.Single(page2.Disclosures));
        Assert.Equal("", page2.NextPageToken);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Each_publication_writes_its_event_to_the_outbox_with_it(string database)
    {
        await using var host = new ServiceHost<Program>("disclosures", database);
        var (admin, disclosures) = Clients(host);
        await admin.RegisterOrganizationAsync(Hospital(), cancellationToken: Cancel);

        var published = await disclosures.PublishDisclosureAsync(FeeSchedule("门诊收费"), cancellationToken: Cancel);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosuresDb>();
        var message = Assert.Single(await db.Set<OutboxMessage>().ToListAsync(Cancel));
        Assert.Equal(Topics.DisclosurePublished, message.Topic);
        var announced = DisclosurePublished.Parser.ParseJson(message.Payload);
        Assert.Equal(message.EventId, announced.EventId);
        Assert.Equal(published.Id, announced.DisclosureId);
        Assert.Equal(1, announced.Version);
        Assert.Equal(DemoCounty.Hospital, announced.OrganizationId);
        Assert.Equal("县人民医院", announced.OrganizationName);
        Assert.Equal(Sector.Health, announced.Sector);
        Assert.Equal(DisclosureKind.FeeSchedule, announced.Kind);
        Assert.Equal(published.Title, announced.Title);
        Assert.Equal(published.Body, announced.Body);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_unregistered_organization_is_not_found(string database)
    {
        await using var host = new ServiceHost<Program>("disclosures", database);
        var (_, disclosures) = Clients(host);

        var publish = await Assert.ThrowsAsync<RpcException>(() => disclosures.PublishDisclosureAsync(FeeSchedule("门诊收费"), cancellationToken: Cancel).ResponseAsync);
        var list = await Assert.ThrowsAsync<RpcException>(() => disclosures.ListDisclosuresAsync(
            new ListDisclosuresRequest { OrganizationId = DemoCounty.Hospital }, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, publish.StatusCode);
        Assert.Contains(DemoCounty.Hospital, publish.Status.Detail);
        Assert.Equal(StatusCode.NotFound, list.StatusCode);
        Assert.Contains(DemoCounty.Hospital, list.Status.Detail);
        await AssertNothingPublishedAsync(host);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_bad_organization_is_refused_with_every_field_named_and_nothing_saved(string database)
    {
        await using var host = new ServiceHost<Program>("disclosures", database);
        var (admin, _) = Clients(host);

        var error = await Assert.ThrowsAsync<RpcException>(() => admin.RegisterOrganizationAsync(
            new RegisterOrganizationRequest { Id = "County Hospital", Name = " ", Sector = (Sector)99 }, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("id: 单位标识：须为2至63位的小写字母", error.Violations());
        Assert.Contains("name: 单位名称：必填", error.Violations());
        // The refusal tells the publisher what would have been accepted.
        Assert.Contains("sector: 行业：“99”不是SECTOR_EDUCATION、SECTOR_HEALTH、SECTOR_WATER", error.Violations());
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DisclosuresDb>().Organizations.CountAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_bad_disclosure_is_refused_with_every_field_named_and_nothing_saved(string database)
    {
        await using var host = new ServiceHost<Program>("disclosures", database);
        var (admin, disclosures) = Clients(host);
        await admin.RegisterOrganizationAsync(Hospital(), cancellationToken: Cancel);

        var error = await Assert.ThrowsAsync<RpcException>(() => disclosures.PublishDisclosureAsync(new PublishDisclosureRequest
        {
            OrganizationId = DemoCounty.Hospital,
            Kind = (DisclosureKind)99,
            Title = "",
            Body = new string('字', DisclosureRules.MaxBodyLength + 1),
            EffectiveDate = "2025/01/01",
        }, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("kind: 公开类别：“99”不是DISCLOSURE_KIND_SERVICE_GUIDE、DISCLOSURE_KIND_FEE_SCHEDULE", error.Violations());
        Assert.Contains("title: 标题：必填", error.Violations());
        Assert.Contains("body: 正文：不能超过20000个字", error.Violations());
        Assert.Contains("effective_date: 生效日期：须为yyyy-MM-dd格式的日期", error.Violations());
        await AssertNothingPublishedAsync(host);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_organization_registers_once(string database)
    {
        await using var host = new ServiceHost<Program>("disclosures", database);
        var (admin, _) = Clients(host);
        await admin.RegisterOrganizationAsync(Hospital(), cancellationToken: Cancel);

        var again = Hospital();
        again.Name = "县第一人民医院";
        var error = await Assert.ThrowsAsync<RpcException>(() => admin.RegisterOrganizationAsync(again, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        await using var scope = host.Services.CreateAsyncScope();
        var stored = Assert.Single(await scope.ServiceProvider.GetRequiredService<DisclosuresDb>().Organizations.ToListAsync(Cancel));
        Assert.Equal("县人民医院", stored.Name);
    }

    [Fact]
    public async Task Without_an_effective_date_a_disclosure_takes_effect_today_in_the_county()
    {
        await using var host = new ServiceHost<Program>("disclosures", Testing.Databases.Sqlite);
        var (admin, disclosures) = Clients(host);
        await admin.RegisterOrganizationAsync(Hospital(), cancellationToken: Cancel);
        var request = FeeSchedule("门诊收费");
        request.EffectiveDate = "";

        var before = DisclosureRules.Format(CountyClock.Today(DateTime.UtcNow));
        var published = await disclosures.PublishDisclosureAsync(request, cancellationToken: Cancel);
        var after = DisclosureRules.Format(CountyClock.Today(DateTime.UtcNow));

        Assert.Contains(published.EffectiveDate, new[] { before, after });
    }

    [Fact]
    public void China_standard_time_decides_the_day()
    {
        Assert.Equal(new DateOnly(2025, 1, 2), CountyClock.Today(new DateTime(2025, 1, 1, 16, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2025, 1, 1), CountyClock.Today(new DateTime(2025, 1, 1, 15, 59, 59, DateTimeKind.Utc)));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Json_transcoding_lists_an_organizations_disclosures(string database)
    {
        await using var host = new ServiceHost<Program>("disclosures", database);
        var (admin, disclosures) = Clients(host);
        await admin.RegisterOrganizationAsync(Hospital(), cancellationToken: Cancel);
        var published = await disclosures.PublishDisclosureAsync(FeeSchedule("门诊收费"), cancellationToken: Cancel);
        var http = host.CreateClient();

        var response = await http.GetAsync($"/api/disclosures/organizations/{DemoCounty.Hospital}/disclosures?pageSize=10", Cancel);
        var missing = await http.GetAsync("/api/disclosures/organizations/no-such-unit/disclosures", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var listed = Assert.Single(json.RootElement.GetProperty("disclosures").EnumerateArray());
        Assert.Equal(published.Id, listed.GetProperty("id").GetString());
        Assert.Equal("县人民医院", listed.GetProperty("organizationName").GetString());
        Assert.Equal("DISCLOSURE_KIND_FEE_SCHEDULE", listed.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_demo_seeds_three_units_through_the_outbox_once()
    {
        await using var host = new ServiceHost<Program>("disclosures", Testing.Databases.Sqlite, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        // Read as the public does, without signing in.
        var disclosures = new V1.DisclosuresService.DisclosuresServiceClient(host.Channel);

        var water = await disclosures.ListDisclosuresAsync(new ListDisclosuresRequest { OrganizationId = DemoCounty.WaterCompany }, cancellationToken: Cancel);
        Assert.Contains(water.Disclosures, d => d.Kind == DisclosureKind.FeeSchedule && d.Body.Contains("收费依据", StringComparison.Ordinal));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosuresDb>();
        Assert.Equal([Sector.Education, Sector.Health, Sector.Water], (await db.Organizations.Select(o => o.Sector).ToListAsync(Cancel)).Order());
        // Stored as the words they were stored as before the enums, so older rows need no migration.
        Assert.Equal(["education", "health", "water"], (await db.Database.SqlQueryRaw<string>("SELECT \"Sector\" AS \"Value\" FROM organizations").ToListAsync(Cancel)).Order());
        Assert.Equal(["commitment", "complaint_channel", "fee_schedule"], (await db.Database.SqlQueryRaw<string>("SELECT DISTINCT \"Kind\" AS \"Value\" FROM disclosures").ToListAsync(Cancel)).Order());
        var units = await db.Organizations.OrderBy(o => o.Id).Select(o => new { o.Id, o.Name }).ToListAsync(Cancel);
        Assert.Equal([DemoCounty.School, DemoCounty.Hospital, DemoCounty.WaterCompany], units.Select(u => u.Id).Order(StringComparer.Ordinal));
        Assert.All(units, u => Assert.StartsWith(DemoCounty.Name, u.Name, StringComparison.Ordinal));
        Assert.Equal(await db.Disclosures.CountAsync(Cancel), await db.Set<OutboxMessage>().CountAsync(m => m.Topic == Topics.DisclosurePublished, Cancel));

        await DemoDisclosures.SeedAsync(host.Services);
        Assert.Equal(3, await db.Organizations.CountAsync(Cancel));
    }

    /// <summary>A refused request left neither a disclosure nor an event behind.</summary>
    static async Task AssertNothingPublishedAsync(ServiceHost<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosuresDb>();
        Assert.Equal(0, await db.Disclosures.CountAsync(Cancel));
        Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(Cancel));
    }
}
