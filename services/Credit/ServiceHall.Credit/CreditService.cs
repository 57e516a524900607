using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

public sealed class CreditService(CreditDb db, IOptions<PublicityPeriod> publicity, TimeProvider clock) : V1.CreditService.CreditServiceBase
{
    /// <summary>Registration facts are shared by every department's records, so any credit editor may register an entity.</summary>
    [Authorize(Roles = HallRoles.CreditEditor + "," + HallRoles.Administrator)]
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

    /// <summary>A credit editor records only the penalties their own department decided (the penalty's authority_code).</summary>
    [Authorize(Roles = HallRoles.CreditEditor)]
    public override async Task<V1.PenaltyRecord> AddPenalty(AddPenaltyRequest request, ServerCallContext context)
    {
        // Tenancy first, as soon as the deciding body is known: an editor of another department is refused whatever
        // else the record holds. A missing or malformed code is refused by the checks below.
        var authorityCode = CreditCode.Normalize(request.Penalty?.AuthorityCode);
        if (CreditCode.IsValid(authorityCode))
        {
            EnsureOwnDepartment(context.GetHttpContext().User, authorityCode);
        }
        var today = PublicityPeriod.Today(clock);
        var errors = new FieldErrors(AddPenaltyRequest.Descriptor);
        var code = CreditRules.CheckCode(errors, "code", request.Code);
        var terms = CreditRules.CheckPenalty(errors, request.Penalty, today, publicity.Value);
        errors.ThrowIfAny();

        // Only the records still in publicity are loaded: they are all the event needs to carry.
        var entity = await db.EntitiesAsShown(today)
            .SingleOrDefaultAsync(e => e.Code == code, context.CancellationToken)
            ?? throw NotRegistered(code);
        // The penalty and its terms are null only when the checks above found a problem, and then nothing gets here.
        var penalty = Data.PenaltyRecord.Create(code, request.Penalty!, terms!, clock.GetUtcNow().UtcDateTime);
        if (await db.Penalties.AnyAsync(p => p.EntityCode == code && p.DecisionNumber == penalty.DecisionNumber, context.CancellationToken))
        {
            throw AlreadyRecorded(code, penalty.DecisionNumber);
        }
        entity.AddPenalty(penalty);
        db.Add(OutboxMessage.For(Topics.CreditEntityChanged, entity.ToEvent(today)));
        await db.SaveOrRefuseAsync(AlreadyRecorded(code, penalty.DecisionNumber), context.CancellationToken);
        return penalty.ToMessage();
    }

    /// <summary>
    /// The public lookup (一站式信用查询): registration facts, the penalties still in publicity and the licences,
    /// personal numbers masked. Open to everyone, machine clients included.
    /// </summary>
    public override async Task<V1.MarketEntity> GetEntity(GetEntityRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors(GetEntityRequest.Descriptor);
        var code = CreditRules.CheckCode(errors, "code", request.Code);
        errors.ThrowIfAny();
        var today = PublicityPeriod.Today(clock);
        var entity = await db.EntitiesAsShown(today).AsNoTracking()
            .SingleOrDefaultAsync(e => e.Code == code, context.CancellationToken)
            ?? throw NotRegistered(code);
        var message = entity.ToMessage(today);
        message.ListMemberships.AddRange(await CreditListsService.MembershipsAsync(db, code, entity.Name, today, context.CancellationToken));
        return message;
    }

    /// <summary>
    /// One licence with its holder, open to everyone: where search's hit for a natural person's licence leads, since
    /// no entity lists it. An entity's licence names the entity; a person's carries the masked name only.
    /// </summary>
    public override async Task<V1.LicenceRecord> GetLicence(GetLicenceRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors(GetLicenceRequest.Descriptor).Required("id", request.Id).MaxLength("id", request.Id, 32);
        errors.ThrowIfAny();
        var id = request.Id.Trim();
        var licence = await db.Licences.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, context.CancellationToken)
            ?? throw new FieldErrors(GetLicenceRequest.Descriptor).Add("id", $"没有编号为 {id} 的行政许可记录").Refusal(StatusCode.NotFound);
        var message = licence.ToMessage();
        if (licence.EntityCode is { } code)
        {
            message.HolderName = PublicText.Masked(await db.Entities.AsNoTracking().Where(e => e.Code == code)
                .Select(e => e.Name).SingleAsync(context.CancellationToken));
        }
        return message;
    }

    static void EnsureOwnDepartment(System.Security.Claims.ClaimsPrincipal user, string authorityCode)
    {
        if (user.ActsFor(HallRoles.CreditEditor, authorityCode))
        {
            return;
        }
        var department = user.Department();
        throw new FieldErrors(AddPenaltyRequest.Descriptor).Add("penalty.authority_code", department.Length == 0
            ? $"您的账号没有所属部门，不能录入 {authorityCode} 作出的处罚"
            : $"您只能录入本部门（{department}）作出的处罚，不能录入 {authorityCode} 作出的处罚").Refusal(StatusCode.PermissionDenied);
    }

    static RpcException NotRegistered(string code) =>
        new FieldErrors(GetEntityRequest.Descriptor).Add("code", $"没有登记统一社会信用代码为 {code} 的市场主体").Refusal(StatusCode.NotFound);

    static RpcException AlreadyRegistered(string code) =>
        new FieldErrors(RegisterEntityRequest.Descriptor).Add("code", $"统一社会信用代码为 {code} 的市场主体已经登记").Refusal(StatusCode.AlreadyExists);

    static RpcException AlreadyRecorded(string code, string decisionNumber) =>
        new FieldErrors(AddPenaltyRequest.Descriptor).Add("penalty.decision_number", $"{code} 的处罚决定 {decisionNumber} 已经录入").Refusal(StatusCode.AlreadyExists);
}
