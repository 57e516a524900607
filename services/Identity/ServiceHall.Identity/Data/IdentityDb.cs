using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Identity.Data;

/// <summary>Users and roles (ASP.NET Core Identity) and OpenIddict's applications, authorizations, scopes and tokens.</summary>
public abstract class IdentityDb(DbContextOptions options) : IdentityDbContext<HallUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcDateTimes();
}
