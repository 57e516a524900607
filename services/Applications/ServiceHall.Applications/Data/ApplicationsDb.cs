using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.V1;
using ServiceHall.Data;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications.Data;

public abstract class ApplicationsDb(DbContextOptions options) : DbContext(options)
{
    public const int MaxSubjectLength = 200;
    public const int MaxDepartmentCodeLength = 64;

    public DbSet<ApplicationRecord> Applications => Set<ApplicationRecord>();

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
            e.Property(a => a.Department).HasMaxLength(200);
            e.Property(a => a.DepartmentCode).HasMaxLength(MaxDepartmentCodeLength);
            e.Property(a => a.ApplicantName).HasMaxLength(SubmissionRules.MaxApplicantNameLength);
            e.Property(a => a.ApplicantKind).HasMaxLength(16);
            e.Property(a => a.ApplicantIdNumber).HasMaxLength(SubmissionRules.ResidentIdLength);
            e.Property(a => a.ApplicantPhone).HasMaxLength(SubmissionRules.MobileLength);
            e.Property(a => a.ApplicantCreditCode).HasMaxLength(CreditCode.Length);
            e.Property(a => a.Note).HasMaxLength(SubmissionRules.MaxNoteLength);
            e.Property(a => a.Status).HasMaxLength(32).HasConversion(new EnumWordConverter<ApplicationStatus>());
        });
    }
}
