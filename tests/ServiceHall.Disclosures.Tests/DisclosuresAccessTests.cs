using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Disclosures.Data;
using ServiceHall.Disclosures.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Disclosures.Tests;

/// <summary>Anyone reads; administrators register units; a publisher publishes for their own organisation only.</summary>
public sealed class DisclosuresAccessTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string Hospital = DemoCounty.Hospital;
    const string School = DemoCounty.School;

    static readonly TestUser Admin = TestUser.Administrator(DemoCounty.Admin);
    static readonly TestUser Yiyuan = TestUser.Publisher(Hospital, DemoCounty.Yiyuan);
    static readonly TestUser Xuexiao = TestUser.Publisher(School, DemoCounty.Xuexiao);
    /// <summary>Everyone but an administrator and a publisher.</summary>
    static readonly TestUser[] Others =
    [
        TestUser.Person(DemoCounty.Zhangsan), TestUser.Business(DemoCounty.Business, DemoCounty.Qiye), TestUser.Officer(DemoCounty.MarketRegulation, DemoCounty.Shichang),
        TestUser.CreditEditor(DemoCounty.MarketRegulation, DemoCounty.Xinyong), TestUser.Supervisor(DemoCounty.Jiancha), TestUser.Machine("bank-credit-check"),
    ];

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    static V1.DisclosuresService.DisclosuresServiceClient As(ServiceHost<Program> host, TestUser user) => new(host.As(user));

    static V1.DisclosuresService.DisclosuresServiceClient Expired(ServiceHost<Program> host, TestUser user) =>
        new(host.Channel.CreateCallInvoker().Intercept(m =>
        {
            m.Add("authorization", "Bearer " + TestIdentity.Token(user, TimeSpan.FromMinutes(-5)));
            return m;
        }));

    static RegisterOrganizationRequest Unit(string id, string name, Sector sector) => new() { Id = id, Name = name, Sector = sector };

    static PublishDisclosureRequest Notice(string organizationId, string body = "本院门诊时间调整为 8:00—17:00。咨询电话 0883-6310000，或拨打 12345。") =>
        new() { OrganizationId = organizationId, Kind = DisclosureKind.Notice, Title = "门诊时间调整公告", Body = body };

    static async Task<RpcException> RefusedAsync<T>(AsyncUnaryCall<T> call) => await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    static async Task RegisterUnitsAsync(ServiceHost<Program> host)
    {
        await As(host, Admin).RegisterOrganizationAsync(Unit(Hospital, "县人民医院", Sector.Health), cancellationToken: Cancel);
        await As(host, Admin).RegisterOrganizationAsync(Unit(School, "县实验小学", Sector.Education), cancellationToken: Cancel);
    }

    static async Task<(int Disclosures, int Events)> StoredAsync(ServiceHost<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosuresDb>();
        return (await db.Disclosures.CountAsync(Cancel), await db.Set<OutboxMessage>().CountAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Anyone_reads_disclosures_signed_in_or_not(string database)
    {
        await using var host = new ServiceHost<Program>("disclosures", database);
        await RegisterUnitsAsync(host);
        var published = await As(host, Yiyuan).PublishDisclosureAsync(Notice(Hospital), cancellationToken: Cancel);

        var readers = new List<V1.DisclosuresService.DisclosuresServiceClient> { new(host.Channel) };
        readers.AddRange(Others.Append(Admin).Append(Xuexiao).Select(u => As(host, u)));
        foreach (var reader in readers)
        {
            var listed = await reader.ListDisclosuresAsync(new ListDisclosuresRequest { OrganizationId = Hospital }, cancellationToken: Cancel);
            Assert.Equal(published.Id, Assert.Single(listed.Disclosures).Id);
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Only_an_administrator_registers_organisations(string database)
    {
        await using var host = new ServiceHost<Program>("disclosures", database);
        var unit = Unit(Hospital, "县人民医院", Sector.Health);

        var anonymous = await RefusedAsync(new V1.DisclosuresService.DisclosuresServiceClient(host.Channel).RegisterOrganizationAsync(unit, cancellationToken: Cancel));
        var expired = await RefusedAsync(Expired(host, Admin).RegisterOrganizationAsync(unit, cancellationToken: Cancel));
        foreach (var user in Others.Append(Yiyuan))
        {
            var error = await RefusedAsync(As(host, user).RegisterOrganizationAsync(unit, cancellationToken: Cancel));
            Assert.True(error.StatusCode == StatusCode.PermissionDenied, $"{user.Subject}: {error.StatusCode}");
        }
        var registered = await As(host, Admin).RegisterOrganizationAsync(unit, cancellationToken: Cancel);

        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, expired.StatusCode);
        Assert.Equal(Hospital, registered.Id);
        var audit = host.Services.GetRequiredService<AuditTrail>();
        var records = await audit.RecentAsync(100, Cancel);
        Assert.Equal(2, records.Count(r => r.Result == "Unauthenticated"));
        Assert.Equal(Others.Length + 1, records.Count(r => r.Result == "PermissionDenied"));
        var written = Assert.Single(records, r => r.Result == "OK");
        Assert.StartsWith("admin [administrator]", written.Actor);
        Assert.Equal($"id={Hospital}", written.Target);
        Assert.True((await audit.VerifyAsync(Cancel)).Intact);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Only_publishers_publish_and_only_for_their_own_organisation(string database)
    {
        await using var host = new ServiceHost<Program>("disclosures", database);
        await RegisterUnitsAsync(host);

        var anonymous = await RefusedAsync(new V1.DisclosuresService.DisclosuresServiceClient(host.Channel).PublishDisclosureAsync(Notice(Hospital), cancellationToken: Cancel));
        var expired = await RefusedAsync(Expired(host, Yiyuan).PublishDisclosureAsync(Notice(Hospital), cancellationToken: Cancel));
        foreach (var user in Others.Append(Admin))
        {
            var error = await RefusedAsync(As(host, user).PublishDisclosureAsync(Notice(Hospital), cancellationToken: Cancel));
            Assert.True(error.StatusCode == StatusCode.PermissionDenied, $"{user.Subject}: {error.StatusCode}");
        }
        // Publisher A (the school) publishing for organisation B (the hospital).
        var otherOrganisation = await RefusedAsync(As(host, Xuexiao).PublishDisclosureAsync(Notice(Hospital), cancellationToken: Cancel));
        // Not even whether an organisation exists is told to another's publisher, nor what is wrong with their text for it.
        var unregistered = await RefusedAsync(As(host, Xuexiao).PublishDisclosureAsync(Notice("county-gas-company"), cancellationToken: Cancel));
        var badText = await RefusedAsync(As(host, Xuexiao).PublishDisclosureAsync(new PublishDisclosureRequest { OrganizationId = Hospital }, cancellationToken: Cancel));

        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, expired.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, otherOrganisation.StatusCode);
        Assert.Equal($"单位：您只能为本单位（{School}）发布，不能为 {Hospital} 发布", otherOrganisation.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, unregistered.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, badText.StatusCode);
        Assert.Equal((0, 0), await StoredAsync(host));

        var own = await As(host, Xuexiao).PublishDisclosureAsync(Notice(School, "本校新生报名时间为 6 月 1 日至 6 月 5 日，咨询电话 0576-12345678。"), cancellationToken: Cancel);
        Assert.Equal("县实验小学", own.OrganizationName);
        Assert.Equal((1, 1), await StoredAsync(host));

        var audit = host.Services.GetRequiredService<AuditTrail>();
        var records = await audit.RecentAsync(100, Cancel);
        var denials = records.Where(r => r.Result == "PermissionDenied" && r.Target == $"organization_id={Hospital}").ToList();
        Assert.Equal(2, denials.Count);
        var denial = denials[0];
        Assert.StartsWith($"xuexiao [publisher] of {School}", denial.Actor);
        Assert.EndsWith("/PublishDisclosure", denial.Action);
        Assert.Contains(records, r => r.Result == "OK" && r.Action.EndsWith("/PublishDisclosure", StringComparison.Ordinal) && r.Target.Contains($"id={own.Id}", StringComparison.Ordinal));
        Assert.True((await audit.VerifyAsync(Cancel)).Intact);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Public_text_with_a_personal_number_is_refused_by_field_without_repeating_it(string database)
    {
        await using var host = new ServiceHost<Program>("disclosures", database);
        await RegisterUnitsAsync(host);
        var yiyuan = As(host, Yiyuan);
        var withMobile = Notice(Hospital, "预约请联系王医生 13812345678。");
        var withId = Notice(Hospital);
        withId.Title = "关于患者 11010519491231002X 的费用退还公告";

        var mobile = await RefusedAsync(yiyuan.PublishDisclosureAsync(withMobile, cancellationToken: Cancel));
        var id = await RefusedAsync(yiyuan.PublishDisclosureAsync(withId, cancellationToken: Cancel));
        var unit = await RefusedAsync(As(host, Admin).RegisterOrganizationAsync(Unit("county-gas-company", "县燃气公司（联系人 15957812345）", Sector.Gas), cancellationToken: Cancel));
        // Hotlines and short numbers are the institution's, not a person's.
        var hotlines = await yiyuan.PublishDisclosureAsync(Notice(Hospital, "投诉电话 0883-6310000、0576-12345678，便民热线 12345，急救 120。"), cancellationToken: Cancel);

        Assert.Equal(StatusCode.InvalidArgument, mobile.StatusCode);
        Assert.StartsWith("body: 正文：含有手机号码", mobile.Violations());
        Assert.DoesNotContain("13812345678", mobile.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, id.StatusCode);
        Assert.StartsWith("title: 标题：含有居民身份证号码", id.Violations());
        Assert.DoesNotContain("11010519491231002X", id.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, unit.StatusCode);
        Assert.Contains("name: 单位名称：含有手机号码", unit.Violations());
        Assert.Contains("12345", hotlines.Body);
        Assert.Equal((1, 1), await StoredAsync(host));
        // The refusals went into the audit trail, and no whole number with them.
        var records = await host.Services.GetRequiredService<AuditTrail>().RecentAsync(100, Cancel);
        Assert.Equal(3, records.Count(r => r.Result == "InvalidArgument"));
        Assert.All(records, r => Assert.False(PersonalNumbers.Found(r.Detail + r.Target), r.Detail));
    }

    [Fact]
    public async Task Json_transcoding_refuses_publishing_without_a_token_or_for_another_organisation()
    {
        await using var host = new ServiceHost<Program>("disclosures", Testing.Databases.Sqlite);
        await RegisterUnitsAsync(host);
        var body = new { kind = "DISCLOSURE_KIND_NOTICE", title = "公告", body = "本院门诊时间调整。" };

        var anonymous = await host.CreateClient().PostAsJsonAsync($"/api/disclosures/organizations/{Hospital}/disclosures", body, Cancel);
        var otherOrganisation = await host.ClientAs(Xuexiao).PostAsJsonAsync($"/api/disclosures/organizations/{Hospital}/disclosures", body, Cancel);
        var own = await host.ClientAs(Yiyuan).PostAsJsonAsync($"/api/disclosures/organizations/{Hospital}/disclosures", body, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherOrganisation.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal((1, 1), await StoredAsync(host));
    }
}
