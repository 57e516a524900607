using Microsoft.EntityFrameworkCore;

namespace ServiceHall.Messaging.Tests;

/// <summary>A database with nothing but the outbox, standing in for a service's own.</summary>
public sealed class OutboxDb(DbContextOptions<OutboxDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutbox();
}
