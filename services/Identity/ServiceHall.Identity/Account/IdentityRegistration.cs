using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using ServiceHall.Identity.Data;

namespace ServiceHall.Identity.Account;

public static class IdentityRegistration
{
    /// <summary>
    /// ASP.NET Core Identity for the hall's users: its password hasher, the authenticator (TOTP) token provider,
    /// and its cookie for the sign-in session; the sign-in throttle and the account status beside them.
    /// </summary>
    public static WebApplicationBuilder AddHallUsers(this WebApplicationBuilder builder, IdentitySettings settings)
    {
        builder.Services.AddIdentity<HallUser, IdentityRole>(o =>
            {
                // Lockout fields only mark disabled accounts (AccountStatus); failed sign-ins are throttled instead.
                o.Lockout.AllowedForNewUsers = true;
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
            o.Cookie.SecurePolicy = CookieSecurity(settings);
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.ReturnUrlParameter = "returnUrl";
            o.ExpireTimeSpan = settings.RefreshTokenLifetime;
            o.SlidingExpiration = true;
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "servicehall.identity.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurity(settings);
        });
        // Cookies and antiforgery tokens stay valid across a restart and between replicas sharing the data folder.
        builder.Services.AddDataProtection()
            .SetApplicationName("ServiceHall.Identity")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataFolder.Of(builder.Configuration), "identity-data-protection")));

        builder.Services.AddSingleton<AccountStatus>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<PasswordSignIn>();
        return builder;
    }

    /// <summary>
    /// Both cookies carry a session, so they go only over HTTPS; only the local hall on plain-HTTP loopback
    /// (Identity:RequireHttps=false) lets them follow the request (still Secure when it came over HTTPS).
    /// </summary>
    static CookieSecurePolicy CookieSecurity(IdentitySettings settings) =>
        settings.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
}
