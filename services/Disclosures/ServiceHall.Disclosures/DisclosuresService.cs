using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Disclosures.Data;
using ServiceHall.Disclosures.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Disclosures;

public sealed class DisclosuresService(DisclosuresDb db) : V1.DisclosuresService.DisclosuresServiceBase
{
    [Authorize(Roles = HallRoles.Administrator)]
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

    /// <summary>A publisher publishes for their own organisation only (the token's organisation claim).</summary>
    [Authorize(Roles = HallRoles.Publisher)]
    public override async Task<Disclosure> PublishDisclosure(PublishDisclosureRequest request, ServerCallContext context)
    {
        // Before anything else: a publisher learns nothing about another organisation, not even whether it exists, and
        // their text for it is not even checked. An empty id is refused by the checks below.
        if (!string.IsNullOrWhiteSpace(request.OrganizationId))
        {
            EnsureOwnOrganisation(context.GetHttpContext().User, request.OrganizationId);
        }
        DisclosureRules.CheckDisclosure(request).ThrowIfAny();
        var organization = await FindOrganizationAsync(request.OrganizationId, context.CancellationToken);
        var disclosure = DisclosureRecord.Publish(organization, request, DateTime.UtcNow);
        db.Disclosures.Add(disclosure);
        db.Add(OutboxMessage.For(Topics.DisclosurePublished, disclosure.ToEvent(organization)));
        await db.SaveChangesAsync(context.CancellationToken);
        return disclosure.ToMessage(organization);
    }

    /// <summary>Disclosures are public by law (办事公开): anyone reads them, without signing in.</summary>
    public override async Task<ListDisclosuresResponse> ListDisclosures(ListDisclosuresRequest request, ServerCallContext context)
    {
        new FieldErrors(ListDisclosuresRequest.Descriptor).Required("organization_id", request.OrganizationId)
            .MaxLength("organization_id", request.OrganizationId, DisclosureRules.MaxIdLength).ThrowIfAny();
        var paging = Paging.From(request.PageSize, request.PageToken, ListDisclosuresRequest.Descriptor);
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
            ?? throw new FieldErrors(ListDisclosuresRequest.Descriptor).Add("organization_id", $"单位 {id} 尚未登记").Refusal(StatusCode.NotFound);

    static void EnsureOwnOrganisation(System.Security.Claims.ClaimsPrincipal user, string organizationId)
    {
        var organisation = user.Organisation();
        // Not yet checked for length: quote at most what an id may hold.
        organizationId = organizationId.Length <= DisclosureRules.MaxIdLength ? organizationId : organizationId[..DisclosureRules.MaxIdLength] + "…";
        if (!user.HasRole(HallRoles.Publisher) || organisation.Length == 0 || !string.Equals(organisation, organizationId, StringComparison.Ordinal))
        {
            throw new FieldErrors(PublishDisclosureRequest.Descriptor).Add("organization_id", organisation.Length == 0
                ? $"您的账号没有所属单位，不能为 {organizationId} 发布"
                : $"您只能为本单位（{organisation}）发布，不能为 {organizationId} 发布").Refusal(StatusCode.PermissionDenied);
        }
    }

    static RpcException AlreadyRegistered(string id) =>
        new FieldErrors(RegisterOrganizationRequest.Descriptor).Add("id", $"单位 {id} 已经登记").Refusal(StatusCode.AlreadyExists);
}
