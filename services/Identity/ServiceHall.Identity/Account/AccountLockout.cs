using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Identity.Data;

namespace ServiceHall.Identity.Account;

/// <summary>
/// Lockout on Identity's own fields (LockoutEnabled, LockoutEnd, AccessFailedCount) and options
/// (MaxFailedAccessAttempts, DefaultLockoutTimeSpan), but read against the host's TimeProvider: UserManager's
/// AccessFailedAsync and IsLockedOutAsync read the system clock, which a test cannot move past fifteen minutes.
/// </summary>
public sealed class AccountLockout(UserManager<HallUser> users, IdentityDb db, TimeProvider clock, IOptions<IdentityOptions> options)
{
    LockoutOptions Rules => options.Value.Lockout;

    /// <summary>How long the account stays locked; null when it is not locked.</summary>
    public TimeSpan? Remaining(HallUser user)
    {
        var now = clock.GetUtcNow();
        return user.LockoutEnabled && user.LockoutEnd is { } end && end > now ? end - now : null;
    }

    /// <summary>Whole minutes to tell the user (rounded up, at least one).</summary>
    public static int Minutes(TimeSpan remaining) => Math.Max(1, (int)Math.Ceiling(remaining.TotalMinutes));

    /// <summary>Counts a failed sign-in; true when this failure locked the account.</summary>
    public async Task<bool> FailedAsync(HallUser user)
    {
        var locked = false;
        await SaveAsync(user, u =>
        {
            locked = false;
            u.AccessFailedCount++;
            if (u.LockoutEnabled && u.AccessFailedCount >= Rules.MaxFailedAccessAttempts)
            {
                u.LockoutEnd = clock.GetUtcNow() + Rules.DefaultLockoutTimeSpan;
                u.AccessFailedCount = 0;
                locked = true;
            }
        });
        return locked;
    }

    /// <summary>A successful sign-in starts the count again.</summary>
    public Task SucceededAsync(HallUser user) =>
        user.AccessFailedCount == 0 && user.LockoutEnd is null
            ? Task.CompletedTask
            : SaveAsync(user, u =>
            {
                u.AccessFailedCount = 0;
                u.LockoutEnd = null;
            });

    /// <summary>Applies the change and saves; when a parallel sign-in saved first, reloads and applies it again.</summary>
    async Task SaveAsync(HallUser user, Action<HallUser> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            change(user);
            var result = await users.UpdateAsync(user);
            if (result.Succeeded)
            {
                return;
            }
            if (attempt == 3)
            {
                throw new InvalidOperationException("Could not record the sign-in attempt: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
            await db.Entry(user).ReloadAsync();
        }
    }
}
