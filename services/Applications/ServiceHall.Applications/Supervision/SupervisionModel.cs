using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Supervision;

/// <summary>The supervision tables (电子监察): warnings given, 督办 notes and their answers.</summary>
public static class SupervisionModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CaseWarningRecord>(e =>
        {
            e.ToTable("case_warnings");
            // The last word on "each warning once": two sweeps (or replicas) finding it at once cannot both record it.
            e.HasKey(w => new { w.TrackingNumber, w.Level });
            e.Property(w => w.TrackingNumber).HasMaxLength(TrackingNumber.Length);
            e.Property(w => w.Level).HasMaxLength(32).HasConversion(new EnumWordConverter<WarningLevel>());
            e.Property(w => w.DepartmentCode).HasMaxLength(ApplicationsDb.MaxDepartmentCodeLength);
            e.Property(w => w.EventId).HasMaxLength(64);
            e.HasOne<ApplicationRecord>().WithMany().HasForeignKey(w => w.TrackingNumber).OnDelete(DeleteBehavior.Restrict);
            // The board: each department's warnings by level.
            e.HasIndex(w => new { w.DepartmentCode, w.Level });
        });

        modelBuilder.Entity<SupervisionNoteRecord>(e =>
        {
            e.ToTable("supervision_notes");
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).HasMaxLength(32);
            e.Property(n => n.TrackingNumber).HasMaxLength(TrackingNumber.Length);
            e.Property(n => n.DepartmentCode).HasMaxLength(ApplicationsDb.MaxDepartmentCodeLength);
            e.Property(n => n.Text).HasMaxLength(SupervisionNoteRecord.MaxTextLength);
            e.Property(n => n.WrittenBySubject).HasMaxLength(ApplicationsDb.MaxSubjectLength);
            e.Property(n => n.WrittenByName).HasMaxLength(200);
            e.HasOne<ApplicationRecord>().WithMany().HasForeignKey(n => n.TrackingNumber).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(n => new { n.TrackingNumber, n.WrittenAt });
            e.HasIndex(n => n.DepartmentCode);
        });

        modelBuilder.Entity<SupervisionAnswerRecord>(e =>
        {
            e.ToTable("supervision_answers");
            // One answer per note: a second (or a racing) answer meets the key.
            e.HasKey(a => a.NoteId);
            e.Property(a => a.NoteId).HasMaxLength(32);
            e.Property(a => a.TrackingNumber).HasMaxLength(TrackingNumber.Length);
            e.Property(a => a.Answer).HasMaxLength(SupervisionNoteRecord.MaxTextLength);
            e.Property(a => a.AnsweredBySubject).HasMaxLength(ApplicationsDb.MaxSubjectLength);
            e.Property(a => a.AnsweredByName).HasMaxLength(200);
            e.HasOne<SupervisionNoteRecord>().WithOne().HasForeignKey<SupervisionAnswerRecord>(a => a.NoteId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => a.TrackingNumber);
        });
    }
}
