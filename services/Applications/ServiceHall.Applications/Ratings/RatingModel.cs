using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications.Ratings;

/// <summary>The ratings table: one row per case and channel, the unique index being the last word on "rate once".</summary>
public static class RatingModel
{
    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<RatingRecord>(e =>
    {
        e.ToTable("ratings");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).HasMaxLength(32);
        e.Property(r => r.TrackingNumber).HasMaxLength(TrackingNumber.Length);
        e.HasOne<ApplicationRecord>().WithMany().HasForeignKey(r => r.TrackingNumber).OnDelete(DeleteBehavior.Restrict);
        e.Property(r => r.Channel).HasMaxLength(32).HasConversion(new EnumWordConverter<RatingChannel>());
        e.Property(r => r.Level).HasMaxLength(32).HasConversion(new EnumWordConverter<RatingLevel>());
        e.HasIndex(r => new { r.TrackingNumber, r.Channel }).IsUnique();
        // The reasons as their words, comma-separated: read and written with the rating only.
        e.Property(r => r.Reasons).HasMaxLength(300).HasConversion(
            new ValueConverter<List<RatingReason>, string>(
                list => string.Join(',', list.Select(r => EnumWords.Of(r, '_'))),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => EnumWords.Parse<RatingReason>(w, '_')).ToList()),
            new ValueComparer<List<RatingReason>>(
                (a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (h, r) => HashCode.Combine(h, r)), list => list.ToList()));
        e.Property(r => r.Comment).HasMaxLength(RatingChecks.MaxCommentLength);
        e.Property(r => r.RaterSubject).HasMaxLength(ApplicationsDb.MaxSubjectLength);
        e.Property(r => r.ItemId).HasMaxLength(SubmissionRules.MaxItemIdLength);
        e.Property(r => r.ItemName).HasMaxLength(200);
        e.Property(r => r.Department).HasMaxLength(200);
        e.Property(r => r.DepartmentCode).HasMaxLength(ApplicationsDb.MaxDepartmentCodeLength);
        e.Property(r => r.CommentStatus).HasMaxLength(32).HasConversion(new EnumWordConverter<CommentStatus>());
        e.Property(r => r.ModerationReason).HasMaxLength(RatingChecks.MaxReasonLength);
        e.Property(r => r.ModeratorSubject).HasMaxLength(ApplicationsDb.MaxSubjectLength);
        e.Property(r => r.FollowUpStatus).HasMaxLength(32).HasConversion(new EnumWordConverter<FollowUpStatus>());
        e.Property(r => r.Rectification).HasMaxLength(RatingChecks.MaxFollowUpTextLength);
        e.Property(r => r.RectifiedBy).HasMaxLength(200);
        e.Property(r => r.CallBack).HasMaxLength(RatingChecks.MaxFollowUpTextLength);
        e.Property(r => r.CalledBackBy).HasMaxLength(200);
        e.Property(r => r.Remark).HasMaxLength(RatingChecks.MaxCommentLength);
        e.Property(r => r.Version).IsConcurrencyToken();
        // The moderation queue, and the follow-up board by department and deadline.
        e.HasIndex(r => new { r.CommentStatus, r.RatedAt });
        e.HasIndex(r => new { r.DepartmentCode, r.FollowUpStatus, r.FollowUpDueOn });
        // The public figures count a period's ratings by day and level, county-wide or per department.
        e.HasIndex(r => new { r.RatedOn, r.Level });
        e.HasIndex(r => new { r.DepartmentCode, r.RatedOn, r.Level });
    });
}
