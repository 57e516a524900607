using Microsoft.AspNetCore.Identity;
using ServiceHall.Identity.Data;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Identity;

/// <summary>
/// One account per role with the tenancy values the whole hall's demo data uses (README). Seeded only with
/// Seed:Demo=true, the embedded default; a real deployment never has them. Idempotent: an existing account
/// keeps its password and history, is enabled again, and gets its role and tenancy set again. With demo mode off
/// on a database that had them, <see cref="DisableAsync"/> disables those still open to the published password.
/// </summary>
public static class DemoAccounts
{
    /// <summary>Every demo account's password. Demo only.</summary>
    public const string Password = "ServiceHall@2026";

    /// <summary>
    /// The demo administrator's fixed authenticator key (base32), so a demo and the tests can compute its codes.
    /// Demo only: a real account gets a random key on /account/two-factor.
    /// </summary>
    public const string AdminAuthenticatorKey = "JBSWY3DPEHPK3PXP";

    public const string MarketRegulation = "11530924015900298N";
    public const string PublicSecurity = "11530924015900116J";
    public const string NaturalResources = "11530924015900781C";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("zhangsan", "张三", HallRoles.Applicant, ApplicantKind: "person"),
        new("lisi", "李四", HallRoles.Applicant, ApplicantKind: "person"),
        new("qiye", "县某某科技有限公司", HallRoles.Applicant, ApplicantKind: "business", CreditCode: "91530924MA6K5K7L4T"),
        new("gongan", "公安局窗口", HallRoles.Officer, Department: PublicSecurity),
        new("gonganfzr", "公安局负责人", HallRoles.DepartmentHead, Department: PublicSecurity),
        new("shichang", "市场监管局窗口", HallRoles.Officer, Department: MarketRegulation),
        new("ziranziyuan", "自然资源和规划局窗口", HallRoles.Officer, Department: NaturalResources),
        new("xinyong", "市场监管局信用科", HallRoles.CreditEditor, Department: MarketRegulation),
        new("yiyuan", "县人民医院信息公开", HallRoles.Publisher, Organisation: "county-peoples-hospital"),
        new("xuexiao", "县实验小学信息公开", HallRoles.Publisher, Organisation: "county-experimental-primary-school"),
        new("jiancha", "电子监察室", HallRoles.Supervisor),
        new("admin", "系统管理员", HallRoles.Administrator),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HallUser>>();
        foreach (var template in Accounts)
        {
            var user = await users.FindByNameAsync(template.UserName);
            if (user is null)
            {
                user = new HallUser { UserName = template.UserName };
                Apply(template, user);
                Check(await users.CreateAsync(user, Password), template.UserName);
            }
            else
            {
                Apply(template, user);
                user.LockoutEnd = null;
                Check(await users.UpdateAsync(user), template.UserName);
            }
            if (!await users.IsInRoleAsync(user, template.Role))
            {
                Check(await users.AddToRoleAsync(user, template.Role), template.UserName);
            }
            if (template.Role == HallRoles.Administrator)
            {
                await UseFixedAuthenticatorAsync(scope.ServiceProvider, users, user);
            }
        }
    }

    /// <summary>
    /// Demo mode is off: every demo account that still has the published password or the published authenticator
    /// key is disabled for good (its sign-ins, codes and refresh tokens refused) and its sessions end. Disabled,
    /// not deleted, so the applications and audit records that name it keep their meaning. An account an operator
    /// took over under the same name, with a password of its own, is left alone.
    /// </summary>
    public static async Task DisableAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HallUser>>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoAccounts));
        foreach (var template in Accounts)
        {
            var user = await users.FindByNameAsync(template.UserName);
            if (user is null || user.LockoutEnd == DateTimeOffset.MaxValue)
            {
                continue;
            }
            var demoKey = user.TwoFactorEnabled && await users.GetAuthenticatorKeyAsync(user) == AdminAuthenticatorKey;
            if (!demoKey && !await users.CheckPasswordAsync(user, Password))
            {
                continue;
            }
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            Check(await users.UpdateAsync(user), template.UserName);
            // A new security stamp ends the account's sign-in cookies at their next check.
            Check(await users.UpdateSecurityStampAsync(user), template.UserName);
            logger.LogWarning("Demo mode is off: disabled the demo account {UserName}", template.UserName);
        }
    }

    static void Apply(DemoAccount template, HallUser user)
    {
        user.DisplayName = template.DisplayName;
        user.ApplicantKind = template.ApplicantKind;
        user.CreditCode = template.CreditCode;
        user.Department = template.Department;
        user.Organisation = template.Organisation;
    }

    static async Task UseFixedAuthenticatorAsync(IServiceProvider services, UserManager<HallUser> users, HallUser user)
    {
        if (user.TwoFactorEnabled && await users.GetAuthenticatorKeyAsync(user) == AdminAuthenticatorKey)
        {
            return;
        }
        // UserManager only makes random keys; the store sets this one, and UpdateAsync saves it.
        var store = (IUserAuthenticatorKeyStore<HallUser>)services.GetRequiredService<IUserStore<HallUser>>();
        await store.SetAuthenticatorKeyAsync(user, AdminAuthenticatorKey, CancellationToken.None);
        user.TwoFactorEnabled = true;
        Check(await users.UpdateAsync(user), user.UserName!);
    }

    static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed the demo account '{userName}': " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>A demo account: its sign-in name, what the hall calls it, its role and its tenancy.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, string Role,
    string? ApplicantKind = null, string? CreditCode = null, string? Department = null, string? Organisation = null);
