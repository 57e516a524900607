using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

public sealed class CreditService(CreditDb db, IOptions<PublicityPeriod> publicity, TimeProvider clock) : V1.CreditService.CreditServiceBase
{
    public override async Task<V1.MarketEntity> RegisterEntity(RegisterEntityRequest request, ServerCallContext context)
    {
        CreditRules.CheckRegistration(request, out var code).ThrowIfAny();
        if (await db.Entities.AnyAsync(e => e.Code == code, context.CancellationToken))
        {
            throw AlreadyRegistered(code);
        }
        var today = PublicityPeriod.Today(clock);
        var entity = Data.MarketEntity.Register(code, request, clock.GetUtcNow().UtcDateTime);
        db.Entities.Add(entity);
        db.Add(OutboxMessage.For(Topics.CreditEntityChanged, entity.ToEvent(today)));
        await db.SaveOrRefuseAsync(AlreadyRegistered(code), context.CancellationToken);
        return entity.ToMessage(today);
    }

    public override async Task<V1.PenaltyRecord> AddPenalty(AddPenaltyRequest request, ServerCallContext context)
    {
        var today = PublicityPeriod.Today(clock);
        var errors = new FieldErrors();
        var code = CreditRules.CheckCode(errors, "code", request.Code);
        var terms = CreditRules.CheckPenalty(errors, request.Penalty, today, publicity.Value);
        errors.ThrowIfAny();

        // Only the records still in publicity are loaded: they are all the event needs to carry.
        var entity = await db.Entities
            .Include(e => e.Penalties.Where(p => p.PublicityUntil >= today))
            .SingleOrDefaultAsync(e => e.Code == code, context.CancellationToken)
            ?? throw NotRegistered(code);
        // terms is null only when the checks above found a problem, and then nothing gets here.
        var penalty = Data.PenaltyRecord.Create(code, request.Penalty, terms!, clock.GetUtcNow().UtcDateTime);
        if (await db.Penalties.AnyAsync(p => p.EntityCode == code && p.DecisionNumber == penalty.DecisionNumber, context.CancellationToken))
        {
            throw AlreadyRecorded(code, penalty.DecisionNumber);
        }
        entity.AddPenalty(penalty);
        db.Add(OutboxMessage.For(Topics.CreditEntityChanged, entity.ToEvent(today)));
        await db.SaveOrRefuseAsync(AlreadyRecorded(code, penalty.DecisionNumber), context.CancellationToken);
        return penalty.ToMessage();
    }

    /// <summary>The public lookup: registration facts and the penalties still in publicity.</summary>
    public override async Task<V1.MarketEntity> GetEntity(GetEntityRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var code = CreditRules.CheckCode(errors, "code", request.Code);
        errors.ThrowIfAny();
        var today = PublicityPeriod.Today(clock);
        var entity = await db.Entities.AsNoTracking()
            .Include(e => e.Penalties.Where(p => p.PublicityUntil >= today))
            .SingleOrDefaultAsync(e => e.Code == code, context.CancellationToken)
            ?? throw NotRegistered(code);
        return entity.ToMessage(today);
    }

    static RpcException NotRegistered(string code) =>
        new(new Status(StatusCode.NotFound, $"no market entity with code '{code}' is registered"));

    static RpcException AlreadyRegistered(string code) =>
        new(new Status(StatusCode.AlreadyExists, $"code: a market entity with code '{code}' is already registered"));

    static RpcException AlreadyRecorded(string code, string decisionNumber) =>
        new(new Status(StatusCode.AlreadyExists, $"penalty.decision_number: decision '{decisionNumber}' is already recorded for '{code}'"));
}
