using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

/// <summary>Who may look up, register and penalise: the lookup is public, writes need the role and, for penalties, the department.</summary>
public sealed class CreditAccessTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string Code = "91350100M000100Y43";
    const string MarketRegulation = DemoCounty.MarketRegulation;
    const string PublicSecurity = DemoCounty.PublicSecurity;

    static readonly TestUser Xinyong = TestUser.CreditEditor(MarketRegulation, DemoCounty.Xinyong);
    static readonly TestUser PoliceCreditEditor = TestUser.CreditEditor(PublicSecurity, "police-credit");
    static readonly TestUser[] NotCreditEditors =
    [
        TestUser.Person(DemoCounty.Zhangsan), TestUser.Business(DemoCounty.Business, DemoCounty.Qiye), TestUser.Officer(MarketRegulation, DemoCounty.Shichang),
        TestUser.Publisher(DemoCounty.Hospital, DemoCounty.Yiyuan), TestUser.Supervisor(DemoCounty.Jiancha), TestUser.Machine("bank-credit-check"),
    ];

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    static string Today => PublicityPeriod.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static RegisterEntityRequest Registration() => new() { Code = Code, Name = "福州示范食品有限公司", EntityCategory = "法人及非法人组织", LegalRepresentative = "张伟" };

    static AddPenaltyRequest Penalty(string number, string authorityCode = MarketRegulation) => new()
    {
        Code = Code,
        Penalty = new V1.PenaltyRecord
        {
            DecisionNumber = number,
            Category = "警告",
            Content = "警告",
            DecisionDate = Today,
            Authority = "县市场监督管理局",
            AuthorityCode = authorityCode,
        },
    };

    static V1.CreditService.CreditServiceClient As(ServiceHost<Program> host, TestUser user) => new(host.As(user));

    static async Task<RpcException> RefusedAsync<T>(AsyncUnaryCall<T> call) => await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    static async Task<int> StoredPenaltiesAsync(ServiceHost<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreditDb>().Penalties.CountAsync(Cancel);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Anyone_looks_an_entity_up_signed_in_or_not(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        await As(host, Xinyong).RegisterEntityAsync(Registration(), cancellationToken: Cancel);
        var expired = new V1.CreditService.CreditServiceClient(host.Channel.CreateCallInvoker().Intercept(m =>
        {
            m.Add("authorization", "Bearer " + TestIdentity.Token(TestUser.Machine(), TimeSpan.FromMinutes(-5)));
            return m;
        }));

        var callers = new List<V1.CreditService.CreditServiceClient> { new(host.Channel) };
        callers.AddRange(NotCreditEditors.Append(Xinyong).Append(TestUser.Administrator()).Select(u => As(host, u)));
        foreach (var caller in callers)
        {
            Assert.Equal("福州示范食品有限公司", (await caller.GetEntityAsync(new GetEntityRequest { Code = Code }, cancellationToken: Cancel)).Name);
        }
        // A public method does not look at the token at all: even an expired one does not stand in the way.
        Assert.Equal(Code, (await expired.GetEntityAsync(new GetEntityRequest { Code = Code }, cancellationToken: Cancel)).Code);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Writes_without_a_valid_token_are_unauthenticated(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        var anonymous = new V1.CreditService.CreditServiceClient(host.Channel);
        var expired = new V1.CreditService.CreditServiceClient(host.Channel.CreateCallInvoker().Intercept(m =>
        {
            m.Add("authorization", "Bearer " + TestIdentity.Token(Xinyong, TimeSpan.FromMinutes(-5)));
            return m;
        }));

        foreach (var client in new[] { anonymous, expired })
        {
            Assert.Equal(StatusCode.Unauthenticated, (await RefusedAsync(client.RegisterEntityAsync(Registration(), cancellationToken: Cancel))).StatusCode);
            Assert.Equal(StatusCode.Unauthenticated, (await RefusedAsync(client.AddPenaltyAsync(Penalty("A"), cancellationToken: Cancel))).StatusCode);
        }

        var audit = host.Services.GetRequiredService<AuditTrail>();
        var records = await audit.RecentAsync(100, Cancel);
        Assert.Equal(4, records.Count(r => r.Result == "Unauthenticated" && r.Actor == "anonymous"));
        Assert.True((await audit.VerifyAsync(Cancel)).Intact);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Only_credit_editors_and_administrators_register_entities(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);

        foreach (var user in NotCreditEditors)
        {
            var error = await RefusedAsync(As(host, user).RegisterEntityAsync(Registration(), cancellationToken: Cancel));
            Assert.True(error.StatusCode == StatusCode.PermissionDenied, $"{user.Subject}: {error.StatusCode}");
        }
        // Any department's credit editor may register: registration facts belong to no one department.
        var byPoliceEditor = await As(host, PoliceCreditEditor).RegisterEntityAsync(Registration(), cancellationToken: Cancel);
        var other = Registration();
        other.Code = DemoCounty.Machinery;
        var byAdministrator = await As(host, TestUser.Administrator()).RegisterEntityAsync(other, cancellationToken: Cancel);

        Assert.Equal(Code, byPoliceEditor.Code);
        Assert.Equal(DemoCounty.Machinery, byAdministrator.Code);
        var audit = host.Services.GetRequiredService<AuditTrail>();
        var records = await audit.RecentAsync(100, Cancel);
        Assert.Equal(NotCreditEditors.Length, records.Count(r => r.Result == "PermissionDenied"));
        Assert.Contains(records, r => r.Result == "OK" && r.Target == $"code={Code}" && r.Actor.StartsWith("police-credit [credit_editor]", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Result == "OK" && r.Target == "code=" + DemoCounty.Machinery && r.Actor.StartsWith("administrator-a [administrator]", StringComparison.Ordinal));
        Assert.True((await audit.VerifyAsync(Cancel)).Intact);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_credit_editor_records_only_the_penalties_of_their_own_department(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        await As(host, Xinyong).RegisterEntityAsync(Registration(), cancellationToken: Cancel);

        var foreign = await RefusedAsync(As(host, PoliceCreditEditor).AddPenaltyAsync(Penalty("县市监罚〔2026〕1号"), cancellationToken: Cancel));
        // Refused for the department before anything else is looked at: a broken record of another department is still not theirs.
        var broken = Penalty("");
        broken.Penalty.DecisionDate = "tomorrow";
        var foreignAndBroken = await RefusedAsync(As(host, PoliceCreditEditor).AddPenaltyAsync(broken, cancellationToken: Cancel));
        // The same editor records a penalty decided by its own department.
        var own = await As(host, PoliceCreditEditor).AddPenaltyAsync(Penalty("缙公罚〔2026〕8号", PublicSecurity), cancellationToken: Cancel);
        var byRightDepartment = await As(host, Xinyong).AddPenaltyAsync(Penalty("县市监罚〔2026〕1号"), cancellationToken: Cancel);

        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        Assert.Contains($"本部门（{PublicSecurity}）", foreign.Status.Detail);
        Assert.Contains(MarketRegulation, foreign.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, foreignAndBroken.StatusCode);
        Assert.Equal(PublicSecurity, own.AuthorityCode);
        Assert.Equal(MarketRegulation, byRightDepartment.AuthorityCode);
        Assert.Equal(2, await StoredPenaltiesAsync(host));
        var audit = host.Services.GetRequiredService<AuditTrail>();
        var denials = (await audit.RecentAsync(100, Cancel)).Where(r => r.Result == "PermissionDenied").ToList();
        Assert.Equal(2, denials.Count);
        var denial = denials[0];
        Assert.StartsWith($"police-credit [credit_editor] of {PublicSecurity}", denial.Actor);
        Assert.EndsWith("/AddPenalty", denial.Action);
        Assert.Equal($"code={Code}", denial.Target);
        Assert.True((await audit.VerifyAsync(Cancel)).Intact);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Other_roles_may_not_add_penalties_whatever_their_department(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        await As(host, Xinyong).RegisterEntityAsync(Registration(), cancellationToken: Cancel);

        foreach (var user in NotCreditEditors.Append(TestUser.Administrator()))
        {
            var error = await RefusedAsync(As(host, user).AddPenaltyAsync(Penalty("县市监罚〔2026〕2号"), cancellationToken: Cancel));
            Assert.True(error.StatusCode == StatusCode.PermissionDenied, $"{user.Subject}: {error.StatusCode}");
        }

        Assert.Equal(0, await StoredPenaltiesAsync(host));
    }

    [Theory]
    [InlineData("", "penalty.authority_code: 处罚机关统一社会信用代码：必填")]
    [InlineData("11530924015900298P", "penalty.authority_code: 处罚机关统一社会信用代码：校验码（第18位）应为“N”，不是“P”")]
    public async Task The_deciding_bodys_code_is_required_and_checked(string authorityCode, string problem)
    {
        await using var host = new ServiceHost<Program>("credit", Testing.Databases.Sqlite);
        await As(host, Xinyong).RegisterEntityAsync(Registration(), cancellationToken: Cancel);

        var error = await RefusedAsync(As(host, Xinyong).AddPenaltyAsync(Penalty("县市监罚〔2026〕3号", authorityCode), cancellationToken: Cancel));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(problem, error.Violations());
        Assert.Equal(0, await StoredPenaltiesAsync(host));
    }
}
