using Microsoft.EntityFrameworkCore;

namespace ServiceHall.Credit.Data;

/// <summary>The credit list entries' table (<see cref="CreditListEntry"/>).</summary>
static class ListEntryColumns
{
    public const int MaxReasonLength = CreditRules.MaxTextLength;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MarketEntity>().HasMany(m => m.ListEntries).WithOne().HasForeignKey(l => l.EntityCode);
        modelBuilder.Entity<CreditListEntry>(e =>
        {
            e.ToTable("list_entries");
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).HasMaxLength(32);
            e.Property(l => l.EntityCode).HasMaxLength(CreditCode.Length);
            e.Property(l => l.DecidingBody).HasMaxLength(CreditRules.MaxNameLength);
            e.Property(l => l.DecidingBodyCode).HasMaxLength(CreditCode.Length);
            e.Property(l => l.Reason).HasMaxLength(MaxReasonLength);
            // A public list is read by kind and date; an entity's memberships by its code.
            e.HasIndex(l => new { l.Kind, l.DateIn });
            e.HasIndex(l => new { l.EntityCode, l.DateOut });
        });
    }
}
