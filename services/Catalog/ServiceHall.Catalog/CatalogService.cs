using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Blobs;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog;

/// <summary>
/// Writes: drafts, publication and the lifecycle draft → published ⇄ suspended → cancelled. Only an officer of the
/// item's department writes it; the department is the stored draft's, so a request cannot claim another one.
/// </summary>
public sealed partial class CatalogService(CatalogDb db, CatalogSettings settings, TimeProvider clock, IBlobStore blobs, IConfiguration configuration)
    : V1.CatalogService.CatalogServiceBase
{
    const int MaxReason = 200;

    [Authorize(Roles = HallRoles.Officer)]
    public override async Task<ServiceItem> CreateItem(CreateItemRequest request, ServerCallContext context)
    {
        var guide = request.Guide ?? throw new FieldErrors(CreateItemRequest.Descriptor).Add("guide", "必填").Refusal();
        var user = context.User();
        // An empty department is left to the guide checks, which name the field.
        if (guide.DepartmentCode.Length > 0 && !user.ActsFor(HallRoles.Officer, guide.DepartmentCode))
        {
            throw new FieldErrors(CreateItemRequest.Descriptor).Add("guide.department_code",
                $"部门 {guide.DepartmentCode} 的事项只能由该部门工作人员创建；{user.YourDepartment()}").Refusal(StatusCode.PermissionDenied);
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
        var guide = request.Guide ?? throw new FieldErrors(UpdateItemRequest.Descriptor).Add("guide", "必填").Refusal();
        var item = await FindForChangeAsync(context.User(), request.Id, request.ExpectedVersion, context.CancellationToken);
        var owner = item.DraftGuide.DepartmentCode;
        if (guide.DepartmentCode.Length > 0 && guide.DepartmentCode != owner)
        {
            throw new FieldErrors(UpdateItemRequest.Descriptor).Add("guide.department_code",
                $"事项 {item.Id} 属于部门 {owner}，不能改到部门 {guide.DepartmentCode}；其他部门请另建自己的事项").Refusal(StatusCode.PermissionDenied);
        }
        var department = await CheckDraftAsync(guide, context.CancellationToken);
        if (item.GuideVersion > 0 && guide.Code != item.Code)
        {
            // 实施编码 is the item's identity once people have seen it; another body or basic code is another item.
            throw new FieldErrors(UpdateItemRequest.Descriptor)
                .Add("guide.code", $"已发布的事项保持实施编码 {item.Code} 不变；要改为 {guide.Code}，请取消本事项后新建").Refusal();
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
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"事项 {item.Id} 的草稿与公开的第{item.GuideVersion}版相同，没有可发布的内容"));
        }
        var reason = item.GuideVersion == 0 && string.IsNullOrWhiteSpace(request.Reason) ? "首次发布" : Reason(request.Reason);
        var guide = item.DraftGuide;
        var department = await FindDepartmentAsync(guide.DepartmentCode, context.CancellationToken);
        var problems = GuideChecks.Publish(guide, department);
        if (problems.Count > 0)
        {
            throw GuideChecks.Refusal(problems, StatusCode.FailedPrecondition, $"事项 {item.Id} 的办事指南补全后才能发布：");
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
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"事项 {item.Id} 现在是“{StatusWord(item.Status)}”，不能改为“{StatusWord(to)}”"));
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
        var problems = GuideChecks.Save(guide, department);
        problems.AddRange(await GuideFileLinks.MissingAsync(db, guide, cancellationToken));
        GuideChecks.ThrowIfAny(problems);
        return department;
    }

    /// <summary>The item to change, once the officer is known to act for its department (before telling anything of its state).</summary>
    async Task<ItemRecord> FindForChangeAsync(ClaimsPrincipal user, string id, long expectedVersion, CancellationToken cancellationToken, bool allowCancelled = false)
    {
        var item = await FindAsync(id, cancellationToken);
        user.RequireOfficerOf(item.DraftGuide.DepartmentCode, $"服务事项 {item.Id} ");
        if (expectedVersion != 0 && expectedVersion != item.Version)
        {
            throw new RpcException(new Status(StatusCode.Aborted, $"事项 {item.Id} 已是第{item.Version}次修改后的版本，不是第{expectedVersion}次：有人刚修改过，请重新打开后再改"));
        }
        if (!allowCancelled && item.Status == ItemStatus.Cancelled)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"事项 {item.Id} 已取消，不能再修改"));
        }
        return item;
    }

    async Task<ItemRecord> FindAsync(string id, CancellationToken cancellationToken)
    {
        new FieldErrors(GetItemRequest.Descriptor).Required("id", id).MaxLength("id", id, 32).ThrowIfAny();
        return await db.Items.Include(i => i.Themes).SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new FieldErrors(GetItemRequest.Descriptor).Add("id", $"没有编号为 {id} 的服务事项").Refusal(StatusCode.NotFound);
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
        var errors = new FieldErrors(ChangeItemRequest.Descriptor).Required("reason", reason).MaxLength("reason", reason, MaxReason);
        if (reason.Contains('\n'))
        {
            errors.Add("reason", "只能写一行");
        }
        errors.ThrowIfAny();
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

    /// <summary>An item's status as the officer reads it in a refusal.</summary>
    static string StatusWord(ItemStatus status) => status switch
    {
        ItemStatus.Draft => "草稿",
        ItemStatus.Published => "已发布",
        ItemStatus.Suspended => "暂停办理",
        ItemStatus.Cancelled => "已取消",
        _ => status.ToString(),
    };

    static RpcException CodeTaken(string code) =>
        new FieldErrors(CreateItemRequest.Descriptor).Add("guide.code", $"已有实施编码为 {code} 的事项").Refusal(StatusCode.AlreadyExists);
}
