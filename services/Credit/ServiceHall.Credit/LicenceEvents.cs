using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.V1;
using ServiceHall.Credit.Data;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

/// <summary>
/// 双公示 without retyping: when a case of a 行政许可 item is approved, the applications service's CaseChanged event
/// (topic applications.case.changed) becomes a licence record here, announced to search through the outbox in the
/// same transaction: a business's as part of its entity (EntityChanged), a natural person's on its own
/// (PersonLicencePublished) under the masked name the event carries, since a person has no entity. Delivery is at
/// least once: the record's source tracking number is unique, so the same approval delivered again, or a second
/// event of the same case, records nothing more. Every other step, a denial and another item type are taken and
/// ignored; so is an approval for an entity credit has not registered, with a warning, since delivering it again
/// could not help.
/// </summary>
public static class LicenceEvents
{
    public const string CaseChangedRoute = "/events/applications-case-changed";

    /// <summary>The words of the applications service's contract (its CaseAction, Decision and applicant kind).</summary>
    public const string Decided = "decided";
    public const string Approve = "approve";
    public const string Business = "business";
    public const string Person = "person";
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

    /// <summary>Whether the step is the approval of a 行政许可 item, applied for by a business or by a natural person.</summary>
    public static bool IsLicenceApproval(CaseChanged changed) =>
        changed.Action == Decided && changed.Decision == Approve && changed.ItemType.Trim() == LicenceItemType
        && (IsBusiness(changed) || changed.ApplicantKind == Person);

    static bool IsBusiness(CaseChanged changed) => changed.ApplicantKind == Business && changed.ApplicantCreditCode.Trim().Length > 0;

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
        if (!IsLicenceApproval(changed))
        {
            return Taken(recorded: false);
        }
        var today = PublicityPeriod.Today(clock);
        var errors = new FieldErrors(null);
        var decided = CreditRules.CheckLicence(errors, changed, today);
        if (!IsBusiness(changed) && PersonNames.Masked(changed.ApplicantName).Length == 0)
        {
            errors.Add("applicant_name", "自然人的行政许可须带有其姓名（脱敏后公示）");
        }
        if (decided is null || errors.Problems.Any())
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
        if (!IsBusiness(changed))
        {
            var licence = NewLicence(changed, decided.Value, null, clock);
            db.Licences.Add(licence);
            db.Add(OutboxMessage.For(Topics.CreditPersonLicencePublished, licence.ToPersonEvent()));
            return await SaveAsync(db, logger, changed, ct);
        }
        var code = CreditCode.Normalize(changed.ApplicantCreditCode);
        var entity = await db.EntitiesAsShown(today).SingleOrDefaultAsync(e => e.Code == code, ct);
        if (entity is null)
        {
            logger.LogWarning("Licence {DecisionNumber} of {TrackingNumber} not recorded: no market entity {Code} is registered in credit",
                changed.DocumentNumber, source, code);
            return Taken(recorded: false);
        }
        entity.AddLicence(NewLicence(changed, decided.Value, code, clock));
        db.Add(OutboxMessage.For(Topics.CreditEntityChanged, entity.ToEvent(today)));
        return await SaveAsync(db, logger, changed, ct);
    }

    static LicenceRecord NewLicence(CaseChanged changed, DateOnly decided, string? entityCode, TimeProvider clock) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        EntityCode = entityCode,
        // Masked again here: credit never keeps a person's name whole, whatever a sender puts in the event.
        HolderName = entityCode is null ? PersonNames.Masked(changed.ApplicantName) : "",
        DecisionNumber = changed.DocumentNumber.Trim(),
        DocumentTitle = changed.DocumentTitle.Trim(),
        // The event does not say which kind of licence; the national format's default is 普通.
        Category = LicenceRecord.OrdinaryCategory,
        Content = changed.ItemName.Trim(),
        DecisionDate = decided,
        Authority = changed.Department.Trim(),
        AuthorityCode = CreditCode.Normalize(changed.DepartmentCode),
        SourceTrackingNumber = changed.TrackingNumber.Trim(),
        RecordedAt = clock.GetUtcNow().UtcDateTime,
    };

    static async Task<IResult> SaveAsync(CreditDb db, ILogger logger, CaseChanged changed, CancellationToken ct)
    {
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
        logger.LogInformation("Licence {DecisionNumber} of {TrackingNumber} recorded for {Holder}", changed.DocumentNumber, changed.TrackingNumber,
            IsBusiness(changed) ? CreditCode.Normalize(changed.ApplicantCreditCode) : "a natural person");
        return Taken(recorded: true);
    }

    /// <summary>Dapr's subscriber contract: SUCCESS acknowledges, also for an event already recorded or ignored.</summary>
    static IResult Taken(bool recorded) => Results.Ok(new { status = "SUCCESS", recorded });
}
