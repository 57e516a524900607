using System.Net;
using Microsoft.AspNetCore.Identity;
using ServiceHall.Identity.Data;
using ServiceHall.Identity.Hardening;

namespace ServiceHall.Identity.Account;

/// <summary>Why a sign-in did not go through. Wrong name, wrong password, disabled and throttled look alike on purpose.</summary>
public enum SignInProblem
{
    None,
    MissingFields,
    WrongCredentials,
    CodeRequired,
    WrongCode,
}

public sealed record SignInAttempt(HallUser? User, SignInProblem Problem)
{
    public bool Succeeded => Problem == SignInProblem.None;
}

/// <summary>
/// Checks a user name, password and (when the account has it) the authenticator code, slows repeated failures
/// (<see cref="SignInThrottle"/>), and audits every outcome: successes straight into the trail, refusals through
/// <see cref="RefusalSummaries"/>. An unknown name, a wrong password, a disabled account and a try that came too
/// early get the same answer after the same work (one password hash check), so none of them tells which names
/// exist. Never records or logs a password or a code.
/// </summary>
public sealed class PasswordSignIn(
    UserManager<HallUser> users, SignInThrottle throttle, AccountStatus accounts, IPasswordHasher<HallUser> hasher, AuditTrail audit,
    RefusalSummaries refusals, ILogger<PasswordSignIn> logger)
{
    public const string Action = "sign-in";

    /// <summary>A hash to check against when no real one is checked, so every answer costs one hash check.</summary>
    static string? decoyHash;

    public async Task<SignInAttempt> AttemptAsync(string? userName, string? password, string? code, IPAddress? address)
    {
        userName = userName?.Trim() ?? "";
        if (userName.Length == 0 || string.IsNullOrEmpty(password))
        {
            return new SignInAttempt(null, SignInProblem.MissingFields);
        }
        var from = $"from {address?.ToString() ?? "unknown address"}";

        var user = await users.FindByNameAsync(userName);
        var actor = user?.UserName ?? userName;
        if (throttle.MustWait(userName, address))
        {
            CheckDecoy(password);
            return Refused(actor, user, "Throttled", from, address);
        }
        if (user is null)
        {
            CheckDecoy(password);
            throttle.Failed(userName, address);
            return Refused(actor, user, "UnknownUser", from, address);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            throttle.Failed(userName, address);
            return Refused(actor, user, "WrongPassword", from, address);
        }
        if (accounts.IsDisabled(user))
        {
            return Refused(actor, user, "Disabled", from, address);
        }

        if (user.TwoFactorEnabled)
        {
            code = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
            if (code.Length == 0)
            {
                // The password was right: the page now asks for the code too. Not a failure.
                return new SignInAttempt(user, SignInProblem.CodeRequired);
            }
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                throttle.Failed(userName, address);
                refusals.Refused(address, actor, Action, user.Id, "WrongCode", from);
                return new SignInAttempt(user, SignInProblem.WrongCode);
            }
        }

        throttle.Succeeded(userName, address);
        await audit.RecordAsync(actor, Action, user.Id, "OK", user.TwoFactorEnabled ? $"{from} with authenticator code" : from);
        logger.LogInformation("User {UserId} signed in", user.Id);
        return new SignInAttempt(user, SignInProblem.None);
    }

    SignInAttempt Refused(string actor, HallUser? user, string why, string from, IPAddress? address)
    {
        refusals.Refused(address, actor, Action, user?.Id ?? "", why, from);
        return new SignInAttempt(null, SignInProblem.WrongCredentials);
    }

    void CheckDecoy(string password)
    {
        var decoy = new HallUser();
        decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(decoy, decoyHash, password);
    }
}
