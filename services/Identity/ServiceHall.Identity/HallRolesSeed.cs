using Microsoft.AspNetCore.Identity;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Identity;

/// <summary>The hall's roles exist in every deployment (demo or not): accounts are given them by name.</summary>
public static class HallRolesSeed
{
    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in HallRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded && !await roles.RoleExistsAsync(role))
                {
                    throw new InvalidOperationException($"Could not create the role '{role}': " + string.Join("; ", result.Errors.Select(e => e.Description)));
                }
            }
        }
    }
}
