using Microsoft.EntityFrameworkCore;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications.Data;

public sealed class ApplicationsDb(DbContextOptions<ApplicationsDb> options) : DbContext(options)
{
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
            // The last word on "one application per key": two racing identical submits cannot both be stored.
            e.HasIndex(a => a.IdempotencyKey).IsUnique();
            e.Property(a => a.IdempotencyKey).HasMaxLength(SubmissionRules.MaxIdempotencyKeyLength);
            e.Property(a => a.ItemId).HasMaxLength(SubmissionRules.MaxItemIdLength);
            e.Property(a => a.ItemName).HasMaxLength(200);
            e.Property(a => a.Department).HasMaxLength(200);
            e.Property(a => a.ApplicantName).HasMaxLength(SubmissionRules.MaxApplicantNameLength);
            e.Property(a => a.Note).HasMaxLength(SubmissionRules.MaxNoteLength);
            e.Property(a => a.Status).HasMaxLength(32);
        });
    }
}
