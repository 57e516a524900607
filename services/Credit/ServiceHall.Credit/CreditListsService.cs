using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

/// <summary>
/// The credit lists (信用名单): a credit editor adds an entry their own department decided; everyone reads the
/// public lists. An entry leaves its public list on its date out (<see cref="ListSweep"/>).
/// </summary>
public sealed class CreditListsService(CreditDb db, TimeProvider clock) : V1.CreditListsService.CreditListsServiceBase
{
    [Authorize(Roles = HallRoles.CreditEditor)]
    public override async Task<ListEntry> AddListEntry(AddListEntryRequest request, ServerCallContext context)
    {
        var decidingBodyCode = CreditCode.Normalize(request.Entry?.DecidingBodyCode);
        if (CreditCode.IsValid(decidingBodyCode))
        {
            EnsureOwnDepartment(context.GetHttpContext().User, decidingBodyCode);
        }
        var today = PublicityPeriod.Today(clock);
        var errors = new FieldErrors(AddListEntryRequest.Descriptor);
        var terms = CreditRules.CheckListEntry(errors, request.Entry, today);
        errors.ThrowIfAny();
        // The checks above passed, so the terms were parsed.
        var checkedTerms = terms!;

        var entity = await db.EntitiesAsShown(today).SingleOrDefaultAsync(e => e.Code == checkedTerms.Code, context.CancellationToken)
            ?? throw new FieldErrors(AddListEntryRequest.Descriptor).Add("entry.code", $"没有登记统一社会信用代码为 {checkedTerms.Code} 的市场主体").Refusal(StatusCode.NotFound);
        var entry = new CreditListEntry
        {
            Id = Guid.NewGuid().ToString("N"),
            EntityCode = entity.Code,
            Kind = request.Entry!.Kind,
            DecidingBody = request.Entry.DecidingBody.Trim(),
            DecidingBodyCode = checkedTerms.DecidingBodyCode,
            Reason = request.Entry.Reason.Trim(),
            DateIn = checkedTerms.DateIn,
            DateOut = checkedTerms.DateOut,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        entity.AddListEntry(entry);
        // Announced like any change, so search and the entity's page follow (docs/architecture.md).
        db.Add(OutboxMessage.For(Topics.CreditEntityChanged, entity.ToEvent(today)));
        await db.SaveChangesAsync(context.CancellationToken);
        return entry.ToMessage(entity.Name);
    }

    public override async Task<ListEntriesResponse> ListEntries(ListEntriesRequest request, ServerCallContext context)
    {
        if (request.Kind == CreditListKind.Unspecified || !Enum.IsDefined(request.Kind))
        {
            throw new FieldErrors(ListEntriesRequest.Descriptor).Add("kind", "请选择名单类别").Refusal();
        }
        var paging = Paging.From(request.PageSize, request.PageToken, ListEntriesRequest.Descriptor);
        var today = PublicityPeriod.Today(clock);
        var rows = await db.Set<CreditListEntry>().AsNoTracking()
            .Where(l => l.Kind == request.Kind).Where(CreditListEntry.PublicOnDay(today))
            .Join(db.Entities, l => l.EntityCode, e => e.Code, (l, e) => new { Entry = l, e.Name })
            .OrderByDescending(x => x.Entry.DateIn).ThenBy(x => x.Entry.Id)
            .Skip(paging.Offset).Take(paging.Size + 1)
            .ToListAsync(context.CancellationToken);
        var response = new ListEntriesResponse { NextPageToken = paging.NextToken(rows.Count) };
        response.Entries.AddRange(rows.Take(paging.Size).Select(x => x.Entry.ToMessage(x.Name)));
        return response;
    }

    /// <summary>The entity's entries public on <paramref name="today"/>, for its page (GetEntity).</summary>
    public static async Task<List<ListEntry>> MembershipsAsync(CreditDb db, string code, string name, DateOnly today, CancellationToken cancellationToken) =>
        [.. (await db.Set<CreditListEntry>().AsNoTracking()
            .Where(l => l.EntityCode == code).Where(CreditListEntry.PublicOnDay(today))
            .OrderBy(l => l.Kind).ThenByDescending(l => l.DateIn)
            .ToListAsync(cancellationToken)).Select(l => l.ToMessage(name))];

    static void EnsureOwnDepartment(System.Security.Claims.ClaimsPrincipal user, string decidingBodyCode)
    {
        if (user.ActsFor(HallRoles.CreditEditor, decidingBodyCode))
        {
            return;
        }
        var department = user.Department();
        throw new FieldErrors(AddListEntryRequest.Descriptor).Add("entry.deciding_body_code", department.Length == 0
            ? $"您的账号没有所属部门，不能录入 {decidingBodyCode} 认定的名单"
            : $"您只能录入本部门（{department}）认定的名单，不能录入 {decidingBodyCode} 认定的名单").Refusal(StatusCode.PermissionDenied);
    }
}
