using Microsoft.EntityFrameworkCore;
using ServiceHall.Catalog.V1;
using ServiceHall.Data;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog.Data;

public abstract class CatalogDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<ItemRecord> Items => Set<ItemRecord>();
    public DbSet<ItemHistoryRecord> History => Set<ItemHistoryRecord>();
    public DbSet<DepartmentRecord> Departments => Set<DepartmentRecord>();
    public DbSet<ConsultationRecord> Consultations => Set<ConsultationRecord>();
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();
    public DbSet<GuideFileRecord> GuideFiles => Set<GuideFileRecord>();

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
            e.Property(i => i.Code).HasMaxLength(GuideChecks.MaxCode);
            e.Property(i => i.Name).HasMaxLength(GuideChecks.MaxName);
            e.Property(i => i.DepartmentCode).HasMaxLength(18);
            e.Property(i => i.Status).HasMaxLength(16).HasConversion(new EnumWordConverter<ItemStatus>());
            e.HasIndex(i => new { i.Status, i.DepartmentCode });
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasMany(i => i.Themes).WithOne().HasForeignKey(t => t.ItemId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ItemThemeRecord>(e =>
        {
            e.ToTable("item_themes");
            e.HasKey(t => new { t.ItemId, t.Kind, t.Theme });
            e.HasIndex(t => new { t.Kind, t.Theme });
        });
        modelBuilder.Entity<ItemHistoryRecord>(e =>
        {
            e.ToTable("item_history");
            e.HasKey(h => h.Id);
            e.HasIndex(h => new { h.ItemId, h.Id });
            e.Property(h => h.Action).HasConversion(new EnumWordConverter<ItemHistoryAction>());
        });
        modelBuilder.Entity<GuideFileRecord>(e =>
        {
            e.ToTable("guide_files");
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).HasMaxLength(32);
            e.Property(f => f.DepartmentCode).HasMaxLength(18);
            e.Property(f => f.FileName).HasMaxLength(GuideFileRules.MaxFileName);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.UploadedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<DepartmentRecord>(e =>
        {
            e.ToTable("departments");
            e.HasKey(d => d.Code);
            e.Property(d => d.Code).HasMaxLength(18);
            e.HasIndex(d => d.Name).IsUnique();
        });
        modelBuilder.Entity<ConsultationRecord>(e =>
        {
            e.ToTable("consultations");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(32);
            e.Property(c => c.Status).HasConversion(new EnumWordConverter<ConsultationStatus>());
            e.HasIndex(c => new { c.DepartmentCode, c.Status, c.ReplyDeadline });
            e.HasIndex(c => new { c.ItemId, c.Status });
            e.Property(c => c.AskedBy).HasMaxLength(200);
            e.HasIndex(c => new { c.AskedBy, c.AskedAt });
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<CalendarYearRecord>(e =>
        {
            e.ToTable("calendar_years");
            e.HasKey(y => y.Year);
            e.Property(y => y.Year).ValueGeneratedNever();
            e.Property(y => y.Basis).HasMaxLength(CalendarRules.MaxBasis);
            e.Property(y => y.SetBy).HasMaxLength(300);
            e.Property(y => y.Version).IsConcurrencyToken();
        });
        modelBuilder.AddOutbox();
    }
}
