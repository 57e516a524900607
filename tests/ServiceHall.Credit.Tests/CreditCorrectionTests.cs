using System.Globalization;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

/// <summary>
/// Corrections and withdrawals (docs/domain.md §8), against SQLite and PostgreSQL: the public sees only the current
/// state, the history keeps every version with its reason, search is told, and only the deciding department may.
/// </summary>
public sealed class CreditCorrectionTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string Code = "91350100M000100Y43";
    static readonly TestUser Xinyong = TestUser.CreditEditor(DemoCounty.MarketRegulation, DemoCounty.Xinyong);
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static string Day(int daysAgo) => PublicityPeriod.Today(TimeProvider.System).AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static V1.PenaltyRecord Penalty(string number, string content) => new()
    {
        DecisionNumber = number, ViolationType = "经营超过保质期的食品", Facts = "当事人销售超过保质期的预包装食品。",
        Basis = "《中华人民共和国食品安全法》第一百二十四条", Category = "罚款", Content = content, FineAmountWan = "5",
        DecisionDate = Day(10), Authority = "县市场监督管理局", AuthorityCode = DemoCounty.MarketRegulation,
    };

    static async Task<(V1.PenaltyRecord Penalty, ServiceHost<Program> Host)> RecordedAsync(string database)
    {
        var host = new ServiceHost<Program>("credit", database);
        var credit = new V1.CreditService.CreditServiceClient(host.As(Xinyong));
        await credit.RegisterEntityAsync(new RegisterEntityRequest { Code = Code, Name = "福州示范食品有限公司", EntityCategory = "法人及非法人组织" }, cancellationToken: Ct);
        var penalty = await credit.AddPenaltyAsync(new AddPenaltyRequest { Code = Code, Penalty = Penalty("县市监罚〔2026〕1号", "罚款人民币50万元") }, cancellationToken: Ct);
        return (penalty, host);
    }

    static async Task<List<EntityChanged>> AnnouncedAsync(ServiceHost<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return [.. (await scope.ServiceProvider.GetRequiredService<CreditDb>().Set<OutboxMessage>().OrderBy(m => m.Sequence).ToListAsync(Ct))
            .Where(m => m.Topic == Topics.CreditEntityChanged).Select(m => EntityChanged.Parser.ParseJson(m.Payload))];
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_correction_shows_the_current_state_and_keeps_the_earlier_version(string database)
    {
        var (recorded, host) = await RecordedAsync(database);
        await using var _ = host;
        var corrections = new V1.CreditCorrectionService.CreditCorrectionServiceClient(host.As(Xinyong));

        var corrected = await corrections.CorrectPenaltyAsync(new CorrectPenaltyRequest
        {
            Id = recorded.Id, Penalty = Penalty("县市监罚〔2026〕1号", "罚款人民币5万元"), Reason = "处罚内容金额笔误", ExpectedRevision = 1,
        }, cancellationToken: Ct);
        Assert.Equal("罚款人民币5万元", corrected.Content);

        var shown = Assert.Single((await new V1.CreditService.CreditServiceClient(host.Channel).GetEntityAsync(new GetEntityRequest { Code = Code }, cancellationToken: Ct)).Penalties);
        Assert.Equal((recorded.Id, "罚款人民币5万元"), (shown.Id, shown.Content));
        var last = (await AnnouncedAsync(host))[^1];
        Assert.Contains("罚款人民币5万元", Assert.Single(last.Records, r => r.Id == recorded.Id).Summary);

        var history = await corrections.GetPenaltyHistoryAsync(new GetPenaltyHistoryRequest { Id = recorded.Id }, cancellationToken: Ct);
        Assert.Equal([(1, PenaltyChange.Recorded, "罚款人民币50万元", ""), (2, PenaltyChange.Corrected, "罚款人民币5万元", "处罚内容金额笔误")],
            history.Versions.Select(v => (v.Revision, v.Change, v.Record.Content, v.Reason)));
        Assert.Equal(DemoCounty.Xinyong, history.Versions[1].Actor);

        // Corrected from a stale revision: refused, not silently undone.
        var stale = await Assert.ThrowsAsync<RpcException>(() => corrections.CorrectPenaltyAsync(new CorrectPenaltyRequest
        {
            Id = recorded.Id, Penalty = Penalty("县市监罚〔2026〕1号", "罚款人民币6万元"), Reason = "再次更正", ExpectedRevision = 1,
        }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_withdrawn_penalty_leaves_public_view_and_stays_in_the_history(string database)
    {
        var (recorded, host) = await RecordedAsync(database);
        await using var _ = host;
        var corrections = new V1.CreditCorrectionService.CreditCorrectionServiceClient(host.As(Xinyong));

        var reasonless = await Assert.ThrowsAsync<RpcException>(() => corrections.WithdrawPenaltyAsync(new WithdrawPenaltyRequest { Id = recorded.Id }, cancellationToken: Ct).ResponseAsync);
        Assert.Contains("reason: 撤回原因：必填", reasonless.Violations());

        await corrections.WithdrawPenaltyAsync(new WithdrawPenaltyRequest { Id = recorded.Id, Reason = "当事人认定错误，误公示" }, cancellationToken: Ct);
        Assert.Empty((await new V1.CreditService.CreditServiceClient(host.Channel).GetEntityAsync(new GetEntityRequest { Code = Code }, cancellationToken: Ct)).Penalties);
        Assert.DoesNotContain((await AnnouncedAsync(host))[^1].Records, r => r.Id == recorded.Id);
        var history = await corrections.GetPenaltyHistoryAsync(new GetPenaltyHistoryRequest { Id = recorded.Id }, cancellationToken: Ct);
        Assert.Equal([PenaltyChange.Recorded, PenaltyChange.Withdrawn], history.Versions.Select(v => v.Change));
        Assert.Equal("当事人认定错误，误公示", history.Versions[1].Reason);

        var again = await Assert.ThrowsAsync<RpcException>(() => corrections.CorrectPenaltyAsync(new CorrectPenaltyRequest
        {
            Id = recorded.Id, Penalty = Penalty("县市监罚〔2026〕1号", "罚款人民币5万元"), Reason = "更正",
        }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task Only_the_deciding_departments_credit_editor_corrects_withdraws_or_reads_the_history()
    {
        var (recorded, host) = await RecordedAsync(Testing.Databases.Sqlite);
        await using var _ = host;
        var other = new V1.CreditCorrectionService.CreditCorrectionServiceClient(host.As(TestUser.CreditEditor(DemoCounty.PublicSecurity, "credit-editor-police")));

        var correct = await Assert.ThrowsAsync<RpcException>(() => other.CorrectPenaltyAsync(new CorrectPenaltyRequest
        {
            Id = recorded.Id, Penalty = Penalty("县市监罚〔2026〕1号", "罚款人民币5万元"), Reason = "更正",
        }, cancellationToken: Ct).ResponseAsync);
        var withdraw = await Assert.ThrowsAsync<RpcException>(() => other.WithdrawPenaltyAsync(new WithdrawPenaltyRequest { Id = recorded.Id, Reason = "撤回" }, cancellationToken: Ct).ResponseAsync);
        var history = await Assert.ThrowsAsync<RpcException>(() => other.GetPenaltyHistoryAsync(new GetPenaltyHistoryRequest { Id = recorded.Id }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal([StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied], new[] { correct.StatusCode, withdraw.StatusCode, history.StatusCode });

        // Nor can the deciding body itself be corrected into another department.
        var own = new V1.CreditCorrectionService.CreditCorrectionServiceClient(host.As(Xinyong));
        var moved = Penalty("县市监罚〔2026〕1号", "罚款人民币5万元");
        moved.AuthorityCode = DemoCounty.PublicSecurity;
        var refused = await Assert.ThrowsAsync<RpcException>(() => own.CorrectPenaltyAsync(new CorrectPenaltyRequest { Id = recorded.Id, Penalty = moved, Reason = "更正" }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("penalty.authority_code", refused.Violations());
        Assert.Equal("罚款人民币50万元", Assert.Single((await new V1.CreditService.CreditServiceClient(host.Channel).GetEntityAsync(new GetEntityRequest { Code = Code }, cancellationToken: Ct)).Penalties).Content);
    }
}
