using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog;

/// <summary>
/// Writes: drafts, publication and the lifecycle draft → published ⇄ suspended → cancelled. Only an officer of the
/// item's department writes it; the department is the stored draft's, so a request cannot claim another one.
/// </summary>
public sealed partial class CatalogService(CatalogDb db, CatalogSettings settings, TimeProvider clock) : V1.CatalogService.CatalogServiceBase
{
    const int MaxReason = 200;

    [Authorize(Roles = HallRoles.Officer)]
    public override async Task<ServiceItem> CreateItem(CreateItemRequest request, ServerCallContext context)
    {
        var guide = request.Guide ?? throw Invalid("guide: is required");
        var user = context.User();
        // An empty department is left to the guide checks, which name the field.
        if (guide.DepartmentCode.Length > 0 && !user.ActsFor(HallRoles.Officer, guide.DepartmentCode))
        {
            throw CatalogAccess.Denied($"guide.department_code: items of department {guide.DepartmentCode} are created by its own officers; {user.YourDepartment()}");
        }
        var department = await CheckDraftAsync(guide, context.CancellationToken);
        await EnsureCodeIsFreeAsync(guide.Code, exceptId: null, context.CancellationToken);
        var item = ItemRecord.Create(guide, Now);
        db.Items.Add(item);
        await db.SaveOrRefuseAsync(CodeTaken(item.Code), context.CancellationToken);
        return DraftView(item, department);
    }

    [Authorize(Roles = HallRoles.Officer)]
    public override async Task<ServiceItem> UpdateItem(UpdateItemRequest request, ServerCallContext context)
    {
        var guide = request.Guide ?? throw Invalid("guide: is required");
        var item = await FindForChangeAsync(context.User(), request.Id, request.ExpectedVersion, context.CancellationToken);
        var owner = item.DraftGuide.DepartmentCode;
        if (guide.DepartmentCode.Length > 0 && guide.DepartmentCode != owner)
        {
            throw CatalogAccess.Denied($"guide.department_code: item {item.Id} belongs to department {owner} and cannot move to department {guide.DepartmentCode}; another department creates its own item");
        }
        var department = await CheckDraftAsync(guide, context.CancellationToken);
        if (item.GuideVersion > 0 && guide.Code != item.Code)
        {
            // 实施编码 is the item's identity once people have seen it; another body or basic code is another item.
            throw Invalid($"guide.code: a published item keeps its code '{item.Code}'; cancel it and create a new item instead of '{guide.Code}'");
        }
        await EnsureCodeIsFreeAsync(guide.Code, item.Id, context.CancellationToken);
        item.SaveDraft(guide, Now);
        await db.SaveOrRefuseAsync(CodeTaken(item.Code), context.CancellationToken);
        return DraftView(item, department);
    }

    [Authorize(Roles = HallRoles.Officer)]
    public override async Task<ServiceItem> PublishItem(ChangeItemRequest request, ServerCallContext context)
    {
        var item = await FindForChangeAsync(context.User(), request.Id, request.ExpectedVersion, context.CancellationToken);
        if (item.GuideVersion > 0 && !item.DraftAhead)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"item {item.Id}: the draft is the same as public version {item.GuideVersion}; nothing to publish"));
        }
        var reason = item.GuideVersion == 0 && string.IsNullOrWhiteSpace(request.Reason) ? "首次发布" : Reason(request.Reason);
        var guide = item.DraftGuide;
        var department = await FindDepartmentAsync(guide.DepartmentCode, context.CancellationToken);
        var problems = GuideChecks.Publish(guide, department);
        if (problems.Count > 0)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"item {item.Id} cannot be published until its guide is complete: {GuideChecks.Describe(problems)}"));
        }
        var changes = item.Publish(Now);
        db.History.Add(ItemHistoryRecord.Publication(item, reason, changes));
        db.Add(OutboxMessage.For(Topics.CatalogItemChanged, item.ToEvent(department)));
        await db.SaveOrRefuseAsync(CodeTaken(item.Code), context.CancellationToken);
        return DraftView(item, department);
    }

    [Authorize(Roles = HallRoles.Officer)]
    public override Task<ServiceItem> SuspendItem(ChangeItemRequest request, ServerCallContext context) =>
        ChangeStatusAsync(context.User(), request, [ItemStatus.Published], ItemStatus.Suspended, ItemHistoryAction.Suspended, context.CancellationToken);

    [Authorize(Roles = HallRoles.Officer)]
    public override Task<ServiceItem> ResumeItem(ChangeItemRequest request, ServerCallContext context) =>
        ChangeStatusAsync(context.User(), request, [ItemStatus.Suspended], ItemStatus.Published, ItemHistoryAction.Resumed, context.CancellationToken);

    [Authorize(Roles = HallRoles.Officer)]
    public override Task<ServiceItem> CancelItem(ChangeItemRequest request, ServerCallContext context) =>
        ChangeStatusAsync(context.User(), request, [ItemStatus.Draft, ItemStatus.Published, ItemStatus.Suspended], ItemStatus.Cancelled,
            ItemHistoryAction.Cancelled, context.CancellationToken);

    async Task<ServiceItem> ChangeStatusAsync(ClaimsPrincipal user, ChangeItemRequest request, ItemStatus[] from, ItemStatus to, ItemHistoryAction action, CancellationToken cancellationToken)
    {
        var item = await FindForChangeAsync(user, request.Id, request.ExpectedVersion, cancellationToken, allowCancelled: true);
        var reason = Reason(request.Reason);
        if (!from.Contains(item.Status))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"item {item.Id} is {EnumWords.Of(item.Status)}; it cannot become {EnumWords.Of(to)}"));
        }
        var department = await FindDepartmentAsync(item.DepartmentCode, cancellationToken);
        item.ChangeStatus(to, to == ItemStatus.Published ? null : reason, Now);
        db.History.Add(ItemHistoryRecord.StatusChange(item, action, reason));
        db.Add(OutboxMessage.For(Topics.CatalogItemChanged, item.ToEvent(department)));
        await db.SaveOrRefuseAsync(CodeTaken(item.Code), cancellationToken);
        return DraftView(item, department);
    }

    /// <summary>The save-time checks; composes the 实施编码 when the officer left it empty.</summary>
    async Task<Department?> CheckDraftAsync(ItemGuide guide, CancellationToken cancellationToken)
    {
        var department = await FindDepartmentAsync(guide.DepartmentCode, cancellationToken);
        if (string.IsNullOrEmpty(guide.Code) && !string.IsNullOrEmpty(guide.BasicCode) && department is not null)
        {
            guide.Code = ImplementationCode.Compose(guide.BasicCode, settings.AreaCode, department.Code);
        }
        GuideChecks.ThrowIfAny(GuideChecks.Save(guide, department));
        return department;
    }

    /// <summary>The item to change, once the officer is known to act for its department (before telling anything of its state).</summary>
    async Task<ItemRecord> FindForChangeAsync(ClaimsPrincipal user, string id, long expectedVersion, CancellationToken cancellationToken, bool allowCancelled = false)
    {
        var item = await FindAsync(id, cancellationToken);
        user.RequireOfficerOf(item.DraftGuide.DepartmentCode, $"service item {item.Id}");
        if (expectedVersion != 0 && expectedVersion != item.Version)
        {
            throw new RpcException(new Status(StatusCode.Aborted, $"item {item.Id} is at version {item.Version}, not {expectedVersion}: someone changed it; read it again"));
        }
        if (!allowCancelled && item.Status == ItemStatus.Cancelled)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"item {item.Id} is cancelled and no longer changes"));
        }
        return item;
    }

    async Task<ItemRecord> FindAsync(string id, CancellationToken cancellationToken)
    {
        new FieldErrors().Required("id", id).MaxLength("id", id, 32).ThrowIfAny();
        return await db.Items.Include(i => i.Themes).SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"service item '{id}' does not exist"));
    }

    async Task<Department?> FindDepartmentAsync(string code, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 18 ? null : (await db.Departments.FindAsync([code], cancellationToken))?.ToMessage();

    async Task EnsureCodeIsFreeAsync(string code, string? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Items.AnyAsync(i => i.Code == code && i.Id != exceptId, cancellationToken))
        {
            throw CodeTaken(code);
        }
    }

    static string Reason(string reason)
    {
        new FieldErrors().Required("reason", reason).MaxLength("reason", reason, MaxReason).ThrowIfAny();
        if (reason.Contains('\n'))
        {
            throw Invalid("reason: is one line");
        }
        return reason.Trim();
    }

    /// <summary>The officer's view: the draft, and what still stands between it and publication.</summary>
    static ServiceItem DraftView(ItemRecord item, Department? department)
    {
        var view = item.ToDraftMessage(department);
        if (item.Status != ItemStatus.Cancelled)
        {
            view.Problems.AddRange(GuideChecks.Publish(view.Guide, department));
        }
        return view;
    }

    DateTime Now => clock.StoredUtcNow();

    static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    static RpcException CodeTaken(string code) =>
        new(new Status(StatusCode.AlreadyExists, $"guide.code: an item with code '{code}' already exists"));
}
