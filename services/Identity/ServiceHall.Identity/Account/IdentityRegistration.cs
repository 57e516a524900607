using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using ServiceHall.Identity.Data;

namespace ServiceHall.Identity.Account;

public static class IdentityRegistration
{
    /// <summary>
    /// ASP.NET Core Identity for the hall's users: its password hasher, lockout for every account (new ones
    /// too), the authenticator (TOTP) token provider, and its cookie for the sign-in session.
    /// </summary>
    public static WebApplicationBuilder AddHallUsers(this WebApplicationBuilder builder, IdentitySettings settings)
    {
        builder.Services.AddIdentity<HallUser, IdentityRole>(o =>
            {
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = settings.LockoutMaxFailures;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(settings.LockoutMinutes);
                o.Password.RequiredLength = 10;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "servicehall.identity";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.ReturnUrlParameter = "returnUrl";
            o.ExpireTimeSpan = settings.RefreshTokenLifetime;
            o.SlidingExpiration = true;
        });
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "servicehall.identity.antiforgery");
        // Cookies and antiforgery tokens stay valid across a restart and between replicas sharing the data folder.
        builder.Services.AddDataProtection()
            .SetApplicationName("ServiceHall.Identity")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataFolder.Of(builder.Configuration), "identity-data-protection")));

        builder.Services.AddScoped<AccountLockout>();
        builder.Services.AddScoped<PasswordSignIn>();
        return builder;
    }
}
