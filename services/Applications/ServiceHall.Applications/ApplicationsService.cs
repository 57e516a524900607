using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

public sealed class ApplicationsService(ApplicationsDb db, CatalogService.CatalogServiceClient catalog, ILogger<ApplicationsService> logger)
    : V1.ApplicationsService.ApplicationsServiceBase
{
    const string ItemPublished = "published";
    const int MaxSaveAttempts = 3;

    public override async Task<Application> SubmitApplication(SubmitApplicationRequest request, ServerCallContext context)
    {
        SubmissionRules.Check(request).ThrowIfAny();
        var cancellationToken = context.CancellationToken;
        if (await FindByKeyAsync(request.IdempotencyKey, cancellationToken) is { } earlier)
        {
            return Resubmitted(earlier, request);
        }

        var item = await FetchOpenItemAsync(request.ItemId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var application = ApplicationRecord.Submit(request, item, DateTime.UtcNow);
            db.Applications.Add(application);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return application.ToMessage();
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                db.Entry(application).State = EntityState.Detached;
                // Most likely an identical submit raced past the check above and won: answer with its application.
                if (await FindByKeyAsync(request.IdempotencyKey, cancellationToken) is { } winner)
                {
                    return Resubmitted(winner, request);
                }
                // Otherwise the random part of the tracking number clashed; draw another.
                if (attempt == MaxSaveAttempts)
                {
                    throw;
                }
                logger.LogWarning("Tracking number {TrackingNumber} was already taken; drawing another", application.TrackingNumber);
            }
        }
    }

    public override async Task<Application> GetApplication(GetApplicationRequest request, ServerCallContext context)
    {
        new FieldErrors().Required("tracking_number", request.TrackingNumber).ThrowIfAny();
        var trackingNumber = TrackingNumber.Normalize(request.TrackingNumber)
            ?? throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"tracking_number: '{request.TrackingNumber}' is not a tracking number (expected SH, 8 digits of the date, 8 letters or digits)"));
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.TrackingNumber == trackingNumber, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"tracking_number: no application '{trackingNumber}'"));
        return application.ToMessage();
    }

    Task<ApplicationRecord?> FindByKeyAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.IdempotencyKey == idempotencyKey, cancellationToken);

    /// <summary>A retry gets the first application back; a different application under a used key is refused.</summary>
    static Application Resubmitted(ApplicationRecord earlier, SubmitApplicationRequest request) =>
        earlier.IsSameSubmission(request)
            ? earlier.ToMessage()
            : throw new RpcException(new Status(StatusCode.FailedPrecondition, "idempotency_key: already used for a different application"));

    /// <summary>
    /// The item from the catalog, which must be published. A catalog that cannot answer is Unavailable to our
    /// caller (nothing was stored, so a retry with the same key is safe), never an internal error of ours.
    /// </summary>
    async Task<ServiceItem> FetchOpenItemAsync(string itemId, CancellationToken cancellationToken)
    {
        ServiceItem item;
        try
        {
            item = await catalog.GetItemAsync(new GetItemRequest { Id = itemId }, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"item_id: service item '{itemId}' does not exist"));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"item_id: '{itemId}' is not a catalog item id ({ex.Status.Detail})"));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "the caller cancelled the submission; nothing was submitted"));
        }
        catch (RpcException ex)
        {
            logger.LogWarning(ex, "The catalog could not tell whether item {ItemId} is open for applications", itemId);
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"the catalog of service items cannot be reached right now ({ex.StatusCode}); nothing was submitted, try again with the same idempotency_key"));
        }
        if (item.Guide is null)
        {
            // The contract always carries the guide; an answer without one is the catalog's fault, not the applicant's.
            throw new RpcException(new Status(StatusCode.Unavailable, $"the catalog answered for item '{itemId}' without its guide; nothing was submitted"));
        }
        if (item.Status != ItemPublished)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"item_id: service item '{itemId}' is not open for applications (status {item.Status})"));
        }
        return item;
    }
}
