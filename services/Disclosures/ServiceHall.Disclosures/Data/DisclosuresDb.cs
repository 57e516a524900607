using Microsoft.EntityFrameworkCore;
using ServiceHall.Disclosures.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Disclosures.Data;

public abstract class DisclosuresDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<OrganizationRecord> Organizations => Set<OrganizationRecord>();
    public DbSet<DisclosureRecord> Disclosures => Set<DisclosureRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OrganizationRecord>(e =>
        {
            e.ToTable("organizations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).HasMaxLength(DisclosureRules.MaxIdLength);
            e.Property(o => o.Name).HasMaxLength(DisclosureRules.MaxNameLength);
            // The words they always held: sectors with '-' (social-insurance), kinds with '_' (fee_schedule).
            e.Property(o => o.Sector).HasMaxLength(32).HasConversion(new EnumWordConverter<Sector>('-'));
        });
        modelBuilder.Entity<DisclosureRecord>(e =>
        {
            e.ToTable("disclosures");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasMaxLength(32);
            e.Property(d => d.OrganizationId).HasMaxLength(DisclosureRules.MaxIdLength);
            e.HasOne<OrganizationRecord>().WithMany().HasForeignKey(d => d.OrganizationId);
            // One organisation's disclosures, newest first: the list's only query.
            e.HasIndex(d => new { d.OrganizationId, d.PublishedAt });
            e.Property(d => d.Kind).HasMaxLength(32).HasConversion(new EnumWordConverter<DisclosureKind>());
            e.Property(d => d.Title).HasMaxLength(DisclosureRules.MaxTitleLength);
            e.Property(d => d.Body).HasMaxLength(DisclosureRules.MaxBodyLength);
        });
        modelBuilder.AddOutbox();
    }
}
