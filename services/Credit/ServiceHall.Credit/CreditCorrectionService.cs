using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

/// <summary>
/// Corrections (更正) and withdrawals (撤回) of penalty records by the deciding department's credit editor
/// (docs/domain.md §8): versioned with a reason, every earlier version kept (<see cref="PenaltyRevision"/>), the
/// entity announced again so search shows the current state only.
/// </summary>
public sealed class CreditCorrectionService(CreditDb db, IOptions<PublicityPeriod> publicity, TimeProvider clock)
    : V1.CreditCorrectionService.CreditCorrectionServiceBase
{
    const int MaxReasonLength = 500;

    [Authorize(Roles = HallRoles.CreditEditor)]
    public override async Task<V1.PenaltyRecord> CorrectPenalty(CorrectPenaltyRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors(CorrectPenaltyRequest.Descriptor).Required("id", request.Id).MaxLength("id", request.Id, 32)
            .Required("reason", request.Reason).MaxLength("reason", request.Reason.Trim(), MaxReasonLength);
        errors.ThrowIfAny();
        var penalty = await OwnPenaltyAsync(request.Id.Trim(), context, CorrectPenaltyRequest.Descriptor);
        if (penalty.WithdrawnAt is not null)
        {
            throw new FieldErrors(CorrectPenaltyRequest.Descriptor).Add("id", "这条处罚已经撤回，不能更正").Refusal(StatusCode.FailedPrecondition);
        }
        if (request.ExpectedRevision != 0 && request.ExpectedRevision != penalty.Revision)
        {
            throw new FieldErrors(CorrectPenaltyRequest.Descriptor)
                .Add("expected_revision", $"这条处罚已被更正为第{penalty.Revision}版，您依据的是第{request.ExpectedRevision}版：请查看后重新更正").Refusal(StatusCode.Aborted);
        }
        // The deciding body is not corrected: the record stays its department's (an empty code means unchanged).
        var corrected = request.Penalty?.Clone();
        if (corrected is not null && corrected.AuthorityCode.Trim().Length == 0)
        {
            corrected.AuthorityCode = penalty.AuthorityCode;
        }
        var today = PublicityPeriod.Today(clock);
        var checks = new FieldErrors(CorrectPenaltyRequest.Descriptor);
        var terms = CreditRules.CheckPenalty(checks, corrected, today, publicity.Value);
        if (terms is not null && !string.Equals(terms.AuthorityCode, penalty.AuthorityCode, StringComparison.Ordinal))
        {
            checks.Add("penalty.authority_code", $"处罚机关不能更正（{penalty.AuthorityCode}）：作出处罚的机关另有其他机关时，请撤回后重新录入");
        }
        checks.ThrowIfAny();
        var number = corrected!.DecisionNumber.Trim();
        if (number != penalty.DecisionNumber
            && await db.Penalties.AnyAsync(p => p.EntityCode == penalty.EntityCode && p.DecisionNumber == number, context.CancellationToken))
        {
            throw new FieldErrors(CorrectPenaltyRequest.Descriptor).Add("penalty.decision_number", $"{penalty.EntityCode} 的处罚决定 {number} 已经录入").Refusal(StatusCode.AlreadyExists);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = context.GetHttpContext().User;
        await KeepFirstVersionAsync(penalty, context.CancellationToken);
        penalty.Correct(corrected, terms!);
        db.Add(PenaltyRevision.Of(penalty, PenaltyRevision.Corrected, request.Reason.Trim(), user.Subject(), now));
        await AnnounceAsync(penalty.EntityCode, today, context.CancellationToken);
        return penalty.ToMessage();
    }

    [Authorize(Roles = HallRoles.CreditEditor)]
    public override async Task<V1.PenaltyRecord> WithdrawPenalty(WithdrawPenaltyRequest request, ServerCallContext context)
    {
        new FieldErrors(WithdrawPenaltyRequest.Descriptor).Required("id", request.Id).MaxLength("id", request.Id, 32)
            .Required("reason", request.Reason).MaxLength("reason", request.Reason.Trim(), MaxReasonLength).ThrowIfAny();
        var penalty = await OwnPenaltyAsync(request.Id.Trim(), context, WithdrawPenaltyRequest.Descriptor);
        if (penalty.WithdrawnAt is not null)
        {
            return penalty.ToMessage();  // withdrawn already: a retry changes nothing
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await KeepFirstVersionAsync(penalty, context.CancellationToken);
        penalty.WithdrawnAt = now;
        penalty.Revision++;
        db.Add(PenaltyRevision.Of(penalty, PenaltyRevision.Withdrawn, request.Reason.Trim(), context.GetHttpContext().User.Subject(), now));
        await AnnounceAsync(penalty.EntityCode, PublicityPeriod.Today(clock), context.CancellationToken);
        return penalty.ToMessage();
    }

    [Authorize(Roles = HallRoles.CreditEditor)]
    public override async Task<PenaltyHistory> GetPenaltyHistory(GetPenaltyHistoryRequest request, ServerCallContext context)
    {
        new FieldErrors(GetPenaltyHistoryRequest.Descriptor).Required("id", request.Id).MaxLength("id", request.Id, 32).ThrowIfAny();
        var penalty = await OwnPenaltyAsync(request.Id.Trim(), context, GetPenaltyHistoryRequest.Descriptor);
        var history = new PenaltyHistory { Id = penalty.Id, EntityCode = penalty.EntityCode };
        var versions = await db.Set<PenaltyRevision>().AsNoTracking().Where(r => r.PenaltyId == penalty.Id)
            .OrderBy(r => r.Revision).ToListAsync(context.CancellationToken);
        history.Versions.AddRange(versions.Count > 0
            ? versions.Select(v => v.ToMessage())
            : [PenaltyRevision.Of(penalty, PenaltyRevision.Recorded, "", "", penalty.RecordedAt).ToMessage()]);
        return history;
    }

    /// <summary>The penalty, when the caller is a credit editor of its deciding department; NotFound or PermissionDenied otherwise.</summary>
    async Task<Data.PenaltyRecord> OwnPenaltyAsync(string id, ServerCallContext context, Google.Protobuf.Reflection.MessageDescriptor request)
    {
        var penalty = await db.Penalties.SingleOrDefaultAsync(p => p.Id == id, context.CancellationToken)
            ?? throw new FieldErrors(request).Add("id", $"没有编号为 {id} 的行政处罚记录").Refusal(StatusCode.NotFound);
        var user = context.GetHttpContext().User;
        if (!user.ActsFor(HallRoles.CreditEditor, penalty.AuthorityCode))
        {
            throw new FieldErrors(request).Add("id", $"这条处罚由 {penalty.AuthorityCode} 作出，只有该部门的信用信息录入员能更正或撤回、查看其版本").Refusal(StatusCode.PermissionDenied);
        }
        return penalty;
    }

    /// <summary>The version as recorded is kept the first time the record changes.</summary>
    async Task KeepFirstVersionAsync(Data.PenaltyRecord penalty, CancellationToken ct)
    {
        if (!await db.Set<PenaltyRevision>().AnyAsync(r => r.PenaltyId == penalty.Id, ct))
        {
            db.Add(PenaltyRevision.Of(penalty, PenaltyRevision.Recorded, "", "", penalty.RecordedAt));
        }
    }

    /// <summary>The entity's public view after the change, in the same save; a concurrent change of the entity refuses this one.</summary>
    async Task AnnounceAsync(string code, DateOnly today, CancellationToken ct)
    {
        var entity = await db.EntitiesAsShown(today).SingleAsync(e => e.Code == code, ct);
        entity.Version++;
        db.Add(OutboxMessage.For(Topics.CreditEntityChanged, entity.ToEvent(today)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex))
        {
            throw new RpcException(new Status(StatusCode.Aborted, "这条处罚或其主体刚被同时修改，本次更改没有保存：请刷新后重试"));
        }
    }
}
