using Microsoft.EntityFrameworkCore;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit.Data;

public abstract class CreditDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<MarketEntity> Entities => Set<MarketEntity>();
    public DbSet<PenaltyRecord> Penalties => Set<PenaltyRecord>();
    public DbSet<LicenceRecord> Licences => Set<LicenceRecord>();

    /// <summary>
    /// Entities with what their public view on <paramref name="today"/> needs (<see cref="MarketEntity.ToMessage"/>,
    /// <see cref="MarketEntity.ToEvent"/>): the penalties still in publicity and every licence.
    /// </summary>
    public IQueryable<MarketEntity> EntitiesAsShown(DateOnly today) => Entities
        .Include(e => e.Penalties.Where(p => p.PublicityUntil >= today && p.WithdrawnAt == null))
        .Include(e => e.Licences);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MarketEntity>(e =>
        {
            e.ToTable("entities");
            e.HasKey(m => m.Code);
            e.Property(m => m.Code).HasMaxLength(CreditCode.Length);
            e.Property(m => m.Name).HasMaxLength(CreditRules.MaxNameLength);
            e.Property(m => m.EntityCategory).HasMaxLength(CreditRules.MaxShortTextLength);
            e.Property(m => m.LegalRepresentative).HasMaxLength(CreditRules.MaxShortTextLength);
            e.Property(m => m.Address).HasMaxLength(CreditRules.MaxAddressLength);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasMany(m => m.Penalties).WithOne().HasForeignKey(p => p.EntityCode);
            e.HasMany(m => m.Licences).WithOne().HasForeignKey(l => l.EntityCode);
        });
        modelBuilder.Entity<PenaltyRecord>(e =>
        {
            e.ToTable("penalties");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(32);
            e.Property(p => p.EntityCode).HasMaxLength(CreditCode.Length);
            // One decision is recorded once per entity, so a retried submission cannot publish it twice.
            e.HasIndex(p => new { p.EntityCode, p.DecisionNumber }).IsUnique();
            e.HasIndex(p => new { p.EntityCode, p.PublicityUntil });
            // An import's natural key: a deciding body's decision number (Import/CreditImporter.cs).
            e.HasIndex(p => new { p.AuthorityCode, p.DecisionNumber });
            e.Property(p => p.DecisionNumber).HasMaxLength(CreditRules.MaxShortTextLength);
            e.Property(p => p.ViolationType).HasMaxLength(CreditRules.MaxNameLength);
            e.Property(p => p.Facts).HasMaxLength(CreditRules.MaxTextLength);
            e.Property(p => p.Basis).HasMaxLength(CreditRules.MaxTextLength);
            e.Property(p => p.Category).HasMaxLength(CreditRules.MaxNameLength);
            e.Property(p => p.Content).HasMaxLength(CreditRules.MaxTextLength);
            e.Property(p => p.Authority).HasMaxLength(CreditRules.MaxNameLength);
            e.Property(p => p.AuthorityCode).HasMaxLength(CreditCode.Length);
            // Records from before corrections existed are their first revision: the migration fills in 1.
        });
        modelBuilder.Entity<LicenceRecord>(e =>
        {
            e.ToTable("licences");
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).HasMaxLength(32);
            e.Property(l => l.EntityCode).HasMaxLength(CreditCode.Length);
            e.Property(l => l.HolderName).HasMaxLength(CreditRules.MaxShortTextLength);
            // One application makes one record, however often its approval is delivered (at least once).
            e.HasIndex(l => l.SourceTrackingNumber).IsUnique();
            e.HasIndex(l => new { l.AuthorityCode, l.DecisionNumber });
            e.Property(l => l.SourceTrackingNumber).HasMaxLength(CreditRules.MaxTrackingNumberLength);
            e.Property(l => l.DecisionNumber).HasMaxLength(CreditRules.MaxShortTextLength);
            e.Property(l => l.DocumentTitle).HasMaxLength(CreditRules.MaxNameLength);
            e.Property(l => l.Category).HasMaxLength(CreditRules.MaxShortTextLength);
            e.Property(l => l.Content).HasMaxLength(CreditRules.MaxNameLength);
            e.Property(l => l.Authority).HasMaxLength(CreditRules.MaxNameLength);
            e.Property(l => l.AuthorityCode).HasMaxLength(CreditCode.Length);
        });
        modelBuilder.Entity<PenaltyRevision>(PenaltyRevision.Configure);
        modelBuilder.Entity<MarketEntity>(e => LookupColumns.Configure(e, Database.IsNpgsql()));
        ListEntryColumns.Configure(modelBuilder);
        modelBuilder.AddOutbox();
        // The open API for institutions keeps its tables in its own file (OpenApi/OpenApiModel.cs).
        OpenApi.OpenApiModel.AddOpenApi(modelBuilder);
    }
}
