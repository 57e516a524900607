using System.Globalization;
using System.Security.Cryptography;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit.OpenApi;

/// <summary>The credit open API for institutions (docs/domain.md §8): counted lookups, watches, webhooks, and the entity's view of who looked it up.</summary>
public sealed class CreditOpenApiService(CreditDb db, LookupQuota quota, IOptions<OpenApiSettings> settings, TimeProvider clock)
    : V1.CreditOpenApi.CreditOpenApiBase
{
    [Authorize(Policy = OpenApiRegistration.ClientPolicy)]
    public override async Task<V1.MarketEntity> LookUpEntity(LookUpEntityRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors(LookUpEntityRequest.Descriptor);
        var code = CreditRules.CheckCode(errors, "code", request.Code);
        errors.ThrowIfAny();
        var user = context.GetHttpContext().User;
        var clientId = user.Subject();
        if (await quota.TakeAsync(clientId, context.CancellationToken) is { } refusal)
        {
            // 429 through JSON transcoding (RESOURCE_EXHAUSTED), with the wait in the header a client's HTTP library reads.
            context.GetHttpContext().Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            throw new RpcException(new Status(StatusCode.ResourceExhausted, refusal.Message));
        }
        var today = PublicityPeriod.Today(clock);
        var entity = await db.EntitiesAsShown(today).AsNoTracking()
            .SingleOrDefaultAsync(e => e.Code == code, context.CancellationToken)
            ?? throw new FieldErrors(LookUpEntityRequest.Descriptor).Add("code", $"没有登记统一社会信用代码为 {code} 的市场主体").Refusal(StatusCode.NotFound);
        db.Add(new ClientLookup
        {
            ClientId = clientId,
            Institution = Truncated(user.FindFirst(HallClaims.Name)?.Value is { Length: > 0 } name ? name : clientId, 200),
            EntityCode = code,
            LookedUpAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(context.CancellationToken);
        return entity.ToMessage(today);
    }

    [Authorize(Policy = OpenApiRegistration.ClientPolicy)]
    public override async Task<Watch> WatchEntity(WatchEntityRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors(WatchEntityRequest.Descriptor);
        var code = CreditRules.CheckCode(errors, "code", request.Code);
        errors.ThrowIfAny();
        var clientId = context.GetHttpContext().User.Subject();
        var today = PublicityPeriod.Today(clock);
        var entity = await db.EntitiesAsShown(today).AsNoTracking().SingleOrDefaultAsync(e => e.Code == code, context.CancellationToken)
            ?? throw new FieldErrors(WatchEntityRequest.Descriptor).Add("code", $"没有登记统一社会信用代码为 {code} 的市场主体").Refusal(StatusCode.NotFound);
        var watches = db.Set<EntityWatch>();
        if (await watches.AsNoTracking().SingleOrDefaultAsync(w => w.ClientId == clientId && w.EntityCode == code, context.CancellationToken) is { } existing)
        {
            return ToMessage(existing, entity.Name);
        }
        var watch = new EntityWatch
        {
            ClientId = clientId,
            EntityCode = code,
            Since = clock.GetUtcNow().UtcDateTime,
            // What the client can see now is known to it: only later changes are sent.
            KnownRecordIds = string.Join(' ', entity.ToEvent(today).Records.Select(r => r.Id)),
        };
        watches.Add(watch);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same watch registered at the same moment by a retry: it exists, which is what was asked.
        }
        return ToMessage(watch, entity.Name);
    }

    [Authorize(Policy = OpenApiRegistration.ClientPolicy)]
    public override async Task<UnwatchEntityResponse> UnwatchEntity(UnwatchEntityRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors(UnwatchEntityRequest.Descriptor);
        var code = CreditRules.CheckCode(errors, "code", request.Code);
        errors.ThrowIfAny();
        var clientId = context.GetHttpContext().User.Subject();
        var removed = await db.Set<EntityWatch>().Where(w => w.ClientId == clientId && w.EntityCode == code).ExecuteDeleteAsync(context.CancellationToken);
        return new UnwatchEntityResponse { Removed = removed > 0 };
    }

    [Authorize(Policy = OpenApiRegistration.ClientPolicy)]
    public override async Task<ListWatchesResponse> ListWatches(ListWatchesRequest request, ServerCallContext context)
    {
        var paging = Paging.From(request.PageSize, request.PageToken, ListWatchesRequest.Descriptor);
        var clientId = context.GetHttpContext().User.Subject();
        var page = await db.Set<EntityWatch>().AsNoTracking().Where(w => w.ClientId == clientId)
            .Join(db.Entities, w => w.EntityCode, e => e.Code, (w, e) => new { Watch = w, e.Name })
            .OrderBy(x => x.Watch.EntityCode).Skip(paging.Offset).Take(paging.Size + 1).ToListAsync(context.CancellationToken);
        var response = new ListWatchesResponse { NextPageToken = paging.NextToken(page.Count) };
        response.Watches.AddRange(page.Take(paging.Size).Select(x => ToMessage(x.Watch, x.Name)));
        return response;
    }

    [Authorize(Policy = OpenApiRegistration.ClientPolicy)]
    public override async Task<Webhook> SetWebhook(SetWebhookRequest request, ServerCallContext context)
    {
        var url = WebhookUrls.Check(request.Url, settings.Value.AllowLoopbackHttpWebhooks, SetWebhookRequest.Descriptor);
        var clientId = context.GetHttpContext().User.Subject();
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var webhooks = db.Set<ClientWebhook>();
        if (await webhooks.SingleOrDefaultAsync(w => w.ClientId == clientId, context.CancellationToken) is { } existing)
        {
            existing.Url = url;
            existing.SigningSecret = secret;
            existing.UpdatedAt = now;
        }
        else
        {
            webhooks.Add(new ClientWebhook { ClientId = clientId, Url = url, SigningSecret = secret, UpdatedAt = now });
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return new Webhook { Url = url, SigningSecret = secret };
    }

    [Authorize(Policy = OpenApiRegistration.ClientPolicy)]
    public override async Task<ListDeadLettersResponse> ListDeadLetters(ListDeadLettersRequest request, ServerCallContext context)
    {
        var paging = Paging.From(request.PageSize, request.PageToken, ListDeadLettersRequest.Descriptor);
        var clientId = context.GetHttpContext().User.Subject();
        var page = await db.Set<ChangeDelivery>().AsNoTracking().Where(d => d.ClientId == clientId && d.DeadAt != null)
            .OrderByDescending(d => d.OccurredAt).ThenBy(d => d.EventId).Skip(paging.Offset).Take(paging.Size + 1).ToListAsync(context.CancellationToken);
        var response = new ListDeadLettersResponse { NextPageToken = paging.NextToken(page.Count) };
        response.DeadLetters.AddRange(page.Take(paging.Size).Select(d => new DeadLetter
        {
            EventId = d.EventId,
            Code = d.EntityCode,
            Kind = (ChangeKind)d.Kind,
            OccurredAt = Timestamp.FromDateTime(d.OccurredAt),
            Attempts = d.Attempts,
            LastError = d.LastError,
        }));
        return response;
    }

    /// <summary>A business applicant sees who looked its own entity up (the credit code of its token), never anyone else's.</summary>
    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<ListLookupsOfMyEntityResponse> ListLookupsOfMyEntity(ListLookupsOfMyEntityRequest request, ServerCallContext context)
    {
        var paging = Paging.From(request.PageSize, request.PageToken, ListLookupsOfMyEntityRequest.Descriptor);
        var code = CreditCode.Normalize(context.GetHttpContext().User.CreditCode());
        if (!CreditCode.IsValid(code))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "只有以企业（统一社会信用代码）身份登录的申请人才能查看本主体被查询的记录"));
        }
        var page = await db.Set<ClientLookup>().AsNoTracking().Where(l => l.EntityCode == code)
            .OrderByDescending(l => l.LookedUpAt).ThenByDescending(l => l.Id)
            .Skip(paging.Offset).Take(paging.Size + 1).ToListAsync(context.CancellationToken);
        var response = new ListLookupsOfMyEntityResponse { NextPageToken = paging.NextToken(page.Count) };
        response.Lookups.AddRange(page.Take(paging.Size).Select(l => new EntityLookup { Institution = l.Institution, LookedUpAt = Timestamp.FromDateTime(l.LookedUpAt) }));
        return response;
    }

    static Watch ToMessage(EntityWatch watch, string name) => new()
    {
        Code = watch.EntityCode,
        Name = PublicText.Masked(name),
        Since = Timestamp.FromDateTime(watch.Since),
    };

    static string Truncated(string text, int length) => text.Length <= length ? text : text[..length];
}
