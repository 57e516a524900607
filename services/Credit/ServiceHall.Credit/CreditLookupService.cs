using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

/// <summary>
/// The lookup box (一站式信用查询) answered from the credit store itself, so it works while search is down: by
/// code, older code, name, pinyin or initials (<see cref="EntityQuery"/>). Open to everyone, machine clients too.
/// </summary>
public sealed class CreditLookupService(CreditDb db) : V1.CreditLookupService.CreditLookupServiceBase
{
    public override async Task<FindEntitiesResponse> FindEntities(FindEntitiesRequest request, ServerCallContext context)
    {
        var query = EntityQuery.Parse(request.Q);
        var paging = Paging.From(request.PageSize, request.PageToken, FindEntitiesRequest.Descriptor);
        var found = await db.Entities.AsNoTracking()
            .Where(query.Matches())
            .OrderBy(query.Rank()).ThenBy(e => e.Name).ThenBy(e => e.Code)
            .Skip(paging.Offset).Take(paging.Size + 1)
            .ToListAsync(context.CancellationToken);
        var response = new FindEntitiesResponse { NextPageToken = paging.NextToken(found.Count) };
        response.Entities.AddRange(found.Take(paging.Size).Select(e => e.ToHit(query.MatchOf(e))));
        return response;
    }
}
