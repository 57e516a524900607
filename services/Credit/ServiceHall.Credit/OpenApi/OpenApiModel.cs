using Microsoft.EntityFrameworkCore;

namespace ServiceHall.Credit.OpenApi;

/// <summary>The open API's tables in the credit database (docs/domain.md §8).</summary>
public static class OpenApiModel
{
    public const int MaxClientIdLength = 100;
    public const int MaxUrlLength = 2000;

    public static ModelBuilder AddOpenApi(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ClientLookup>(e =>
        {
            e.ToTable("open_api_lookups");
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).ValueGeneratedOnAdd();
            e.Property(l => l.ClientId).HasMaxLength(MaxClientIdLength);
            e.Property(l => l.Institution).HasMaxLength(200);
            e.Property(l => l.EntityCode).HasMaxLength(CreditCode.Length);
            // The entity's "who looked me up" page reads its newest first.
            e.HasIndex(l => new { l.EntityCode, l.LookedUpAt });
        });
        modelBuilder.Entity<ClientUsage>(e =>
        {
            e.ToTable("open_api_usage");
            e.HasKey(u => new { u.ClientId, u.Window, u.WindowStart });
            e.Property(u => u.ClientId).HasMaxLength(MaxClientIdLength);
            e.Property(u => u.Window).HasMaxLength(10);
        });
        modelBuilder.Entity<EntityWatch>(e =>
        {
            e.ToTable("open_api_watches");
            e.HasKey(w => new { w.ClientId, w.EntityCode });
            e.Property(w => w.ClientId).HasMaxLength(MaxClientIdLength);
            e.Property(w => w.EntityCode).HasMaxLength(CreditCode.Length);
            // An announcement finds the watchers of its entity.
            e.HasIndex(w => w.EntityCode);
        });
        modelBuilder.Entity<ClientWebhook>(e =>
        {
            e.ToTable("open_api_webhooks");
            e.HasKey(w => w.ClientId);
            e.Property(w => w.ClientId).HasMaxLength(MaxClientIdLength);
            e.Property(w => w.Url).HasMaxLength(MaxUrlLength);
            e.Property(w => w.SigningSecret).HasMaxLength(100);
        });
        modelBuilder.Entity<ChangeDelivery>(e =>
        {
            e.ToTable("open_api_deliveries");
            e.HasKey(d => new { d.ClientId, d.EventId });
            e.Property(d => d.EventId).HasMaxLength(64);
            e.Property(d => d.ClientId).HasMaxLength(MaxClientIdLength);
            e.Property(d => d.EntityCode).HasMaxLength(CreditCode.Length);
            e.Property(d => d.LastError).HasMaxLength(500);
            // The sweep finds what is due; the feed and dead-letter list read a client's newest first.
            e.HasIndex(d => d.NextAttemptAt);
            e.HasIndex(d => new { d.ClientId, d.OccurredAt });
        });
        return modelBuilder;
    }
}
