using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Disclosures.Data;
using ServiceHall.Disclosures.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Disclosures;

public sealed class DisclosuresService(DisclosuresDb db) : V1.DisclosuresService.DisclosuresServiceBase
{
    public override async Task<Organization> RegisterOrganization(RegisterOrganizationRequest request, ServerCallContext context)
    {
        DisclosureRules.CheckOrganization(request).ThrowIfAny();
        if (await db.Organizations.AnyAsync(o => o.Id == request.Id, context.CancellationToken))
        {
            throw AlreadyRegistered(request.Id);
        }
        var organization = OrganizationRecord.Create(request);
        db.Organizations.Add(organization);
        await db.SaveOrRefuseAsync(AlreadyRegistered(request.Id), context.CancellationToken);
        return organization.ToMessage();
    }

    public override async Task<Disclosure> PublishDisclosure(PublishDisclosureRequest request, ServerCallContext context)
    {
        DisclosureRules.CheckDisclosure(request).ThrowIfAny();
        var organization = await FindOrganizationAsync(request.OrganizationId, context.CancellationToken);
        var disclosure = DisclosureRecord.Publish(organization, request, DateTime.UtcNow);
        db.Disclosures.Add(disclosure);
        db.Add(OutboxMessage.For(Topics.DisclosurePublished, disclosure.ToEvent(organization)));
        await db.SaveChangesAsync(context.CancellationToken);
        return disclosure.ToMessage(organization);
    }

    public override async Task<ListDisclosuresResponse> ListDisclosures(ListDisclosuresRequest request, ServerCallContext context)
    {
        new FieldErrors().Required("organization_id", request.OrganizationId)
            .MaxLength("organization_id", request.OrganizationId, DisclosureRules.MaxIdLength).ThrowIfAny();
        var paging = Paging.From(request.PageSize, request.PageToken);
        var organization = await FindOrganizationAsync(request.OrganizationId, context.CancellationToken);
        var page = await db.Disclosures.AsNoTracking()
            .Where(d => d.OrganizationId == organization.Id)
            .OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id)
            .Skip(paging.Offset).Take(paging.Size + 1)
            .ToListAsync(context.CancellationToken);
        var response = new ListDisclosuresResponse { NextPageToken = paging.NextToken(page.Count) };
        response.Disclosures.AddRange(page.Take(paging.Size).Select(d => d.ToMessage(organization)));
        return response;
    }

    async Task<OrganizationRecord> FindOrganizationAsync(string id, CancellationToken cancellationToken) =>
        await db.Organizations.FindAsync([id], cancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"organization_id: organization '{id}' is not registered"));

    static RpcException AlreadyRegistered(string id) =>
        new(new Status(StatusCode.AlreadyExists, $"id: organization '{id}' is already registered"));
}
