using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.V1;
using ServiceHall.Credit.Data;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

/// <summary>
/// 双公示 without retyping: when a case of a 行政许可 item is approved for a business, the applications service's
/// CaseChanged event (topic applications.case.changed) becomes that entity's licence record here, announced to
/// search through the outbox in the same transaction. Delivery is at least once: the record's source tracking
/// number is unique, so the same approval delivered again, or a second event of the same case, records nothing more.
/// Every other step, a denial, another item type and a natural person's case are taken and ignored (a person's
/// licence is not published by name here); so is an approval for an entity credit has not registered, with a
/// warning, since delivering it again could not help.
/// </summary>
public static class LicenceEvents
{
    public const string CaseChangedRoute = "/events/applications-case-changed";

    /// <summary>The words of the applications service's contract (its CaseAction, Decision and applicant kind).</summary>
    public const string Decided = "decided";
    public const string Approve = "approve";
    public const string Business = "business";
    /// <summary>事项类型 of the items whose approvals are licences (docs/domain.md §1).</summary>
    public const string LicenceItemType = "行政许可";

    // The applications service may add fields (and the relay adds sourceSequence) before credit knows them.
    static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static IEndpointRouteBuilder MapLicenceEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEventRoute(CaseChangedRoute, Topics.ApplicationsCaseChanged,
            (HttpRequest request, CreditDb db, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct) =>
                HandleAsync(request, db, clock, loggers.CreateLogger(typeof(LicenceEvents).FullName!), ct));
        return endpoints;
    }

    /// <summary>Whether the step is the approval of a 行政许可 item applied for by a business.</summary>
    public static bool IsBusinessLicenceApproval(CaseChanged changed) =>
        changed.Action == Decided && changed.Decision == Approve && changed.ItemType.Trim() == LicenceItemType
        && changed.ApplicantKind == Business && changed.ApplicantCreditCode.Trim().Length > 0;

    /// <summary>
    /// 200 SUCCESS once the record is saved, was saved before, or the event is none of credit's business; 400 for a
    /// payload that can never be recorded (the bus drops it); 200 RETRY when the entity changed meanwhile, so the
    /// bus delivers it again.
    /// </summary>
    static async Task<IResult> HandleAsync(HttpRequest request, CreditDb db, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        // UseCloudEvents has already replaced a CloudEvent body with its data.
        using var reader = new StreamReader(request.Body);
        CaseChanged changed;
        try
        {
            changed = Parser.Parse<CaseChanged>(await reader.ReadToEndAsync(ct));
        }
        catch (Exception ex) when (ex is InvalidJsonException or InvalidProtocolBufferException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: $"not a {CaseChanged.Descriptor.FullName}: {ex.Message}");
        }
        if (!IsBusinessLicenceApproval(changed))
        {
            return Taken(recorded: false);
        }
        var today = PublicityPeriod.Today(clock);
        var errors = new FieldErrors(null);
        var decided = CreditRules.CheckLicence(errors, changed, today);
        if (decided is null)
        {
            logger.LogWarning("The approval of {TrackingNumber} cannot become a licence record: {Problems}",
                changed.TrackingNumber, string.Join("; ", errors.Problems));
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: string.Join("; ", errors.Problems));
        }
        var source = changed.TrackingNumber.Trim();
        if (await db.Licences.AnyAsync(l => l.SourceTrackingNumber == source, ct))
        {
            return Taken(recorded: false);
        }
        var code = CreditCode.Normalize(changed.ApplicantCreditCode);
        var entity = await db.EntitiesAsShown(today).SingleOrDefaultAsync(e => e.Code == code, ct);
        if (entity is null)
        {
            logger.LogWarning("Licence {DecisionNumber} of {TrackingNumber} not recorded: no market entity {Code} is registered in credit",
                changed.DocumentNumber, source, code);
            return Taken(recorded: false);
        }
        entity.AddLicence(new LicenceRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            EntityCode = code,
            DecisionNumber = changed.DocumentNumber.Trim(),
            DocumentTitle = changed.DocumentTitle.Trim(),
            // The event does not say which kind of licence; the national format's default is 普通.
            Category = LicenceRecord.OrdinaryCategory,
            Content = changed.ItemName.Trim(),
            DecisionDate = decided.Value,
            Authority = changed.Department.Trim(),
            AuthorityCode = CreditCode.Normalize(changed.DepartmentCode),
            SourceTrackingNumber = source,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        db.Add(OutboxMessage.For(Topics.CreditEntityChanged, entity.ToEvent(today)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A penalty or another licence of the entity was saved meanwhile: this one is not; the next delivery records it.
            return Results.Ok(new { status = "RETRY" });
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return Taken(recorded: false);  // the same approval, delivered twice at once: the other delivery recorded it
        }
        logger.LogInformation("Licence {DecisionNumber} of {TrackingNumber} recorded for {Code}", changed.DocumentNumber, source, code);
        return Taken(recorded: true);
    }

    /// <summary>Dapr's subscriber contract: SUCCESS acknowledges, also for an event already recorded or ignored.</summary>
    static IResult Taken(bool recorded) => Results.Ok(new { status = "SUCCESS", recorded });
}
