using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog;

public sealed class CatalogService(CatalogDb db) : V1.CatalogService.CatalogServiceBase
{
    public override async Task<ServiceItem> CreateItem(CreateItemRequest request, ServerCallContext context)
    {
        ItemRules.CheckSave(request.Guide).ThrowIfAny();
        await EnsureCodeIsFreeAsync(request.Guide.Code, exceptId: null, context.CancellationToken);
        var item = ItemRecord.Create(request.Guide);
        db.Items.Add(item);
        await db.SaveOrRefuseAsync(CodeTaken(item.Code), context.CancellationToken);
        return item.ToMessage();
    }

    public override async Task<ServiceItem> UpdateItem(UpdateItemRequest request, ServerCallContext context)
    {
        ItemRules.CheckSave(request.Guide).ThrowIfAny();
        var item = await FindAsync(request.Id, context.CancellationToken);
        if (item.Status == ItemRecord.Published)
        {
            // The public must never see a published guide that breaks the publish rules.
            ItemRules.CheckPublish(request.Guide).ThrowIfAny();
        }
        await EnsureCodeIsFreeAsync(request.Guide.Code, item.Id, context.CancellationToken);
        item.Update(request.Guide);
        if (item.Status == ItemRecord.Published)
        {
            db.Add(OutboxMessage.For(Topics.CatalogItemChanged, item.ToEvent()));
        }
        await db.SaveOrRefuseAsync(CodeTaken(item.Code), context.CancellationToken);
        return item.ToMessage();
    }

    public override async Task<ServiceItem> PublishItem(PublishItemRequest request, ServerCallContext context)
    {
        var item = await FindAsync(request.Id, context.CancellationToken);
        var problems = ItemRules.CheckPublish(item.Guide);
        if (problems.Any)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"item {item.Id} cannot be published: {string.Join("; ", problems.Problems)}"));
        }
        item.Publish();
        db.Add(OutboxMessage.For(Topics.CatalogItemChanged, item.ToEvent()));
        await db.SaveOrRefuseAsync(CodeTaken(item.Code), context.CancellationToken);
        return item.ToMessage();
    }

    public override async Task<ServiceItem> GetItem(GetItemRequest request, ServerCallContext context) =>
        (await FindAsync(request.Id, context.CancellationToken)).ToMessage();

    /// <summary>The public list: published items only, by code.</summary>
    public override async Task<ListItemsResponse> ListItems(ListItemsRequest request, ServerCallContext context)
    {
        var paging = Paging.From(request.PageSize, request.PageToken);
        var query = db.Items.AsNoTracking().Where(i => i.Status == ItemRecord.Published);
        if (!string.IsNullOrWhiteSpace(request.Department))
        {
            query = query.Where(i => i.Department == request.Department);
        }
        var page = await query.OrderBy(i => i.Code).Skip(paging.Offset).Take(paging.Size + 1).ToListAsync(context.CancellationToken);
        var response = new ListItemsResponse { NextPageToken = paging.NextToken(page.Count) };
        response.Items.AddRange(page.Take(paging.Size).Select(i => i.ToMessage()));
        return response;
    }

    async Task<ItemRecord> FindAsync(string id, CancellationToken cancellationToken)
    {
        new FieldErrors().Required("id", id).MaxLength("id", id, 32).ThrowIfAny();
        return await db.Items.FindAsync([id], cancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"service item '{id}' does not exist"));
    }

    async Task EnsureCodeIsFreeAsync(string code, string? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Items.AnyAsync(i => i.Code == code && i.Id != exceptId, cancellationToken))
        {
            throw CodeTaken(code);
        }
    }

    static RpcException CodeTaken(string code) =>
        new(new Status(StatusCode.AlreadyExists, $"guide.code: an item with code '{code}' already exists"));
}
