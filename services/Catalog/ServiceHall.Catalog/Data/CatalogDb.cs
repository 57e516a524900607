using Microsoft.EntityFrameworkCore;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog.Data;

public sealed class CatalogDb(DbContextOptions<CatalogDb> options) : DbContext(options)
{
    public DbSet<ItemRecord> Items => Set<ItemRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ItemRecord>(e =>
        {
            e.ToTable("items");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).HasMaxLength(32);
            e.HasIndex(i => i.Code).IsUnique();
            e.Property(i => i.Code).HasMaxLength(ItemRules.MaxCodeLength);
            e.Property(i => i.Name).HasMaxLength(ItemRules.MaxNameLength);
            e.Property(i => i.Department).HasMaxLength(ItemRules.MaxNameLength);
            e.HasIndex(i => new { i.Status, i.Department });
            e.Property(i => i.Version).IsConcurrencyToken();
        });
        modelBuilder.AddOutbox();
    }
}
