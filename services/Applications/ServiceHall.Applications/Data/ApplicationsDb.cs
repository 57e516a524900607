using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ServiceHall.Applications.Case;
using ServiceHall.Applications.Materials;
using ServiceHall.Applications.Notifications;
using ServiceHall.Applications.Ratings;
using ServiceHall.Messaging;
using ServiceHall.Applications.V1;
using ServiceHall.Data;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications.Data;

public abstract class ApplicationsDb(DbContextOptions options) : DbContext(options)
{
    public const int MaxSubjectLength = 200;
    public const int MaxDepartmentCodeLength = 64;
    public const int MaxItemTypeLength = 50;

    public DbSet<ApplicationRecord> Applications => Set<ApplicationRecord>();
    public DbSet<CaseStepRecord> CaseSteps => Set<CaseStepRecord>();
    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();
    public DbSet<DraftRecord> Drafts => Set<DraftRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<MaterialRecord> Materials => Set<MaterialRecord>();
    public DbSet<Supervision.CaseWarningRecord> CaseWarnings => Set<Supervision.CaseWarningRecord>();
    public DbSet<Supervision.SupervisionNoteRecord> SupervisionNotes => Set<Supervision.SupervisionNoteRecord>();
    public DbSet<Supervision.SupervisionAnswerRecord> SupervisionAnswers => Set<Supervision.SupervisionAnswerRecord>();
    public DbSet<RatingRecord> Ratings => Set<RatingRecord>();

    /// <summary>
    /// Small lists kept as JSON text in one column: they are read and written with their case only, never queried.
    /// Protobuf messages (CorrectionItem) are written as their proto JSON, which reads back whatever the contract adds.
    /// </summary>
    static ValueConverter<T, string> Json<T>() where T : new() => new(
        value => JsonSerializer.Serialize(value, JsonText),
        text => JsonSerializer.Deserialize<T>(text, JsonText) ?? new T());

    /// <summary>Lists compare by their content, so a list replaced by an equal one is no change.</summary>
    static ValueComparer<T> ByJson<T>() where T : new() => new(
        (a, b) => JsonSerializer.Serialize(a, JsonText) == JsonSerializer.Serialize(b, JsonText),
        value => JsonSerializer.Serialize(value, JsonText).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, JsonText), JsonText) ?? new T());

    /// <summary>Chinese stays readable in the column; enums are written by name.</summary>
    static readonly JsonSerializerOptions JsonText = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApplicationRecord>(e =>
        {
            e.ToTable("applications");
            e.HasKey(a => a.TrackingNumber);
            e.Property(a => a.TrackingNumber).HasMaxLength(TrackingNumber.Length);
            e.Property(a => a.OwnerSubject).HasMaxLength(MaxSubjectLength);
            // The last word on "one application per key": two racing identical submits cannot both be stored.
            // Keys belong to their applicant, so one applicant's key can never find another's application.
            e.HasIndex(a => new { a.OwnerSubject, a.IdempotencyKey }).IsUnique();
            // "My applications", newest first: the list's only query.
            e.HasIndex(a => new { a.OwnerSubject, a.SubmittedAt });
            e.HasIndex(a => a.DepartmentCode);
            e.Property(a => a.IdempotencyKey).HasMaxLength(SubmissionRules.MaxIdempotencyKeyLength);
            e.Property(a => a.ItemId).HasMaxLength(SubmissionRules.MaxItemIdLength);
            e.Property(a => a.ItemName).HasMaxLength(200);
            e.Property(a => a.ItemType).HasMaxLength(MaxItemTypeLength);
            e.Property(a => a.Department).HasMaxLength(200);
            e.Property(a => a.DepartmentCode).HasMaxLength(MaxDepartmentCodeLength);
            e.Property(a => a.ApplicantName).HasMaxLength(SubmissionRules.MaxApplicantNameLength);
            e.Property(a => a.ApplicantKind).HasMaxLength(16);
            e.Property(a => a.ApplicantIdNumber).HasMaxLength(SubmissionRules.ResidentIdLength);
            e.Property(a => a.ApplicantPhone).HasMaxLength(SubmissionRules.MobileLength);
            e.Property(a => a.ApplicantCreditCode).HasMaxLength(CreditCode.Length);
            e.Property(a => a.Note).HasMaxLength(SubmissionRules.MaxNoteLength);
            e.Property(a => a.Status).HasMaxLength(32).HasConversion(new EnumWordConverter<ApplicationStatus>());
            e.Property(a => a.ResumeStatus).HasMaxLength(32).HasConversion(new EnumWordConverter<ApplicationStatus>());
            e.Property(a => a.Delivery).HasMaxLength(32).HasConversion(new EnumWordConverter<DeliveryChannel>());
            e.Property(a => a.LimitUnit).HasMaxLength(32).HasConversion(new EnumWordConverter<LimitUnit>());
            e.Property(a => a.Decision).HasMaxLength(32).HasConversion(new EnumWordConverter<Decision>());
            e.Property(a => a.DocumentNumber).HasMaxLength(CaseChecks.MaxDocumentLength);
            e.Property(a => a.DocumentTitle).HasMaxLength(CaseChecks.MaxDocumentLength);
            e.Property(a => a.ReviewSteps).HasConversion(Json<List<string>>(), ByJson<List<string>>());
            e.Property(a => a.Pauses).HasConversion(Json<List<CasePause>>(), ByJson<List<CasePause>>());
            e.Property(a => a.OpenCorrection).HasConversion(Json<List<CorrectionItem>>(), ByJson<List<CorrectionItem>>());
            e.Property(a => a.MaterialSlots).HasConversion(Json<List<MaterialSlot>>(), ByJson<List<MaterialSlot>>());
            e.Property(a => a.Version).IsConcurrencyToken();
            // A department's queue: its open cases, nearest deadline first.
            e.HasIndex(a => new { a.DepartmentCode, a.Status, a.DeadlineOn });
            // The public figures count a period's submissions and sum its completions by day, county-wide or per
            // department, from these indexes alone (they cover every column the figures read).
            e.HasIndex(a => a.SubmittedOn);
            e.HasIndex(a => new { a.DepartmentCode, a.SubmittedOn });
            e.HasIndex(a => new { a.CompletedOn, a.DaysUsedAtStop, a.LimitDays, a.ExtensionDays });
            e.HasIndex(a => new { a.DepartmentCode, a.CompletedOn, a.DaysUsedAtStop, a.LimitDays, a.ExtensionDays });
            e.HasIndex(a => new { a.DepartmentCode, a.Department });
        });

        modelBuilder.Entity<CaseStepRecord>(e =>
        {
            e.ToTable("case_steps");
            e.HasKey(s => new { s.TrackingNumber, s.Sequence });
            e.Property(s => s.TrackingNumber).HasMaxLength(TrackingNumber.Length);
            e.HasOne<ApplicationRecord>().WithMany().HasForeignKey(s => s.TrackingNumber).OnDelete(DeleteBehavior.Restrict);
            e.Property(s => s.Action).HasMaxLength(40).HasConversion(new EnumWordConverter<CaseAction>());
            e.Property(s => s.ActorSubject).HasMaxLength(MaxSubjectLength);
            e.Property(s => s.ActorName).HasMaxLength(200);
            e.Property(s => s.ActorRole).HasMaxLength(40);
            e.Property(s => s.FromStatus).HasMaxLength(32).HasConversion(new EnumWordConverter<ApplicationStatus>());
            e.Property(s => s.ToStatus).HasMaxLength(32).HasConversion(new EnumWordConverter<ApplicationStatus>());
            e.Property(s => s.Opinion).HasMaxLength(CaseChecks.MaxOpinionLength);
            e.Property(s => s.InternalNote).HasMaxLength(CaseChecks.MaxOpinionLength);
            e.Property(s => s.ReviewStep).HasMaxLength(200);
            e.Property(s => s.SpecialProcedure).HasMaxLength(32).HasConversion(new EnumWordConverter<SpecialProcedureKind>());
            e.Property(s => s.Decision).HasMaxLength(32).HasConversion(new EnumWordConverter<Decision>());
            e.Property(s => s.DocumentNumber).HasMaxLength(CaseChecks.MaxDocumentLength);
            e.Property(s => s.DocumentTitle).HasMaxLength(CaseChecks.MaxDocumentLength);
            e.Property(s => s.CorrectionItems).HasConversion(Json<List<CorrectionItem>>(), ByJson<List<CorrectionItem>>());
        });

        modelBuilder.Entity<NotificationRecord>(e =>
        {
            e.ToTable("notifications");
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).HasMaxLength(64);
            e.Property(n => n.RecipientSubject).HasMaxLength(MaxSubjectLength);
            e.Property(n => n.TrackingNumber).HasMaxLength(TrackingNumber.Length);
            e.Property(n => n.Action).HasMaxLength(40).HasConversion(new EnumWordConverter<CaseAction>());
            e.Property(n => n.Title).HasMaxLength(100);
            e.Property(n => n.Body).HasMaxLength(CaseChecks.MaxOpinionLength + 500);
            // 我的消息 newest first, and the unread count.
            e.HasIndex(n => new { n.RecipientSubject, n.CreatedAt });
            // The dispatch's round: what is not sent yet.
            e.HasIndex(n => n.SentAt);
        });

        modelBuilder.Entity<DraftRecord>(e =>
        {
            e.ToTable("drafts");
            e.HasKey(d => d.DraftId);
            e.Property(d => d.DraftId).HasMaxLength(32);
            e.Property(d => d.OwnerSubject).HasMaxLength(MaxSubjectLength);
            e.Property(d => d.ItemId).HasMaxLength(SubmissionRules.MaxItemIdLength);
            e.Property(d => d.ItemName).HasMaxLength(200);
            // The owner's drafts, last saved first; and the expiry sweep's range.
            e.HasIndex(d => new { d.OwnerSubject, d.SavedAt });
            e.HasIndex(d => d.SavedAt);
        });

        modelBuilder.Entity<MaterialRecord>(e =>
        {
            e.ToTable("materials");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasMaxLength(32);
            e.Property(m => m.OwnerSubject).HasMaxLength(MaxSubjectLength);
            e.Property(m => m.FileName).HasMaxLength(MaterialRecord.MaxFileNameLength);
            e.Property(m => m.Kind).HasMaxLength(16).HasConversion(new EnumWordConverter<MaterialKind>());
            e.Property(m => m.Sha256).HasMaxLength(64);
            e.Property(m => m.BlobKey).HasMaxLength(200);
            e.Property(m => m.TrackingNumber).HasMaxLength(TrackingNumber.Length);
            // Attaching is "set the case where there was none": of two cases attaching one upload at once, or an
            // attach racing the sweep, only one change is saved.
            e.Property(m => m.TrackingNumber).IsConcurrencyToken();
            e.HasOne<ApplicationRecord>().WithMany().HasForeignKey(m => m.TrackingNumber).OnDelete(DeleteBehavior.Restrict);
            e.Property(m => m.Slot).HasMaxLength(200);
            e.Property(m => m.Purpose).HasMaxLength(32).HasConversion(new EnumWordConverter<MaterialPurpose>());
            // A case's files; the sweep's round (unattached, oldest first); an owner's files to reuse.
            e.HasIndex(m => m.TrackingNumber);
            e.HasIndex(m => new { m.TrackingNumber, m.UploadedAt });
            e.HasIndex(m => m.OwnerSubject);
        });

        Supervision.SupervisionModel.Configure(modelBuilder);
        // 好差评: ratings and their follow-ups (Ratings/RatingModel.cs).
        RatingModel.Configure(modelBuilder);

        // The integration events of case steps (CaseChanged), published by the outbox relay.
        modelBuilder.AddOutbox();
    }
}
