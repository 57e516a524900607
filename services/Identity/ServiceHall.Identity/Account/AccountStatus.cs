using ServiceHall.Identity.Data;

namespace ServiceHall.Identity.Account;

/// <summary>
/// Whether an account may be used at all. Failed sign-ins no longer lock accounts (<see cref="SignInThrottle"/>
/// slows guessing instead), so Identity's lockout end now only means "disabled": set by an administrator, or on
/// a demo account once demo mode is off. Read against the host's TimeProvider, not the system clock.
/// </summary>
public sealed class AccountStatus(TimeProvider clock)
{
    public bool IsDisabled(HallUser user) => user.LockoutEnabled && user.LockoutEnd is { } end && end > clock.GetUtcNow();
}
