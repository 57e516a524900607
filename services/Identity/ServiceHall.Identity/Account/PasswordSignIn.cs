using Microsoft.AspNetCore.Identity;
using ServiceHall.Identity.Data;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Identity.Account;

/// <summary>Why a sign-in did not go through; each has its own message on the page.</summary>
public enum SignInProblem
{
    None,
    MissingFields,
    WrongCredentials,
    LockedOut,
    CodeRequired,
    WrongCode,
}

public sealed record SignInAttempt(HallUser? User, SignInProblem Problem, int LockedMinutes = 0)
{
    public bool Succeeded => Problem == SignInProblem.None;
}

/// <summary>
/// Checks a user name, password and (when the account has it) the authenticator code, counts failures towards
/// the lockout, and writes every outcome to the audit trail. Never records or logs a password or a code.
/// </summary>
public sealed class PasswordSignIn(
    UserManager<HallUser> users, AccountLockout lockout, IPasswordHasher<HallUser> hasher, AuditTrail audit, ILogger<PasswordSignIn> logger)
{
    public const string Action = "sign-in";

    /// <summary>A hash to check unknown names against, so a wrong name takes as long as a wrong password.</summary>
    static string? decoyHash;

    public async Task<SignInAttempt> AttemptAsync(string? userName, string? password, string? code, string from)
    {
        userName = userName?.Trim() ?? "";
        if (userName.Length == 0 || string.IsNullOrEmpty(password))
        {
            return new SignInAttempt(null, SignInProblem.MissingFields);
        }

        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            var decoy = new HallUser();
            decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(decoy, decoyHash, password);
            await audit.RecordAsync(userName, Action, "", "UnknownUser", from);
            return new SignInAttempt(null, SignInProblem.WrongCredentials);
        }
        var actor = user.UserName ?? userName;

        if (lockout.Remaining(user) is { } remaining)
        {
            await audit.RecordAsync(actor, Action, user.Id, "LockedOut", from);
            return new SignInAttempt(user, SignInProblem.LockedOut, AccountLockout.Minutes(remaining));
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await audit.RecordAsync(actor, Action, user.Id, "WrongPassword", from);
            return await FailedAsync(user, actor, SignInProblem.WrongCredentials);
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
                await audit.RecordAsync(actor, Action, user.Id, "WrongCode", from);
                return await FailedAsync(user, actor, SignInProblem.WrongCode);
            }
        }

        await lockout.SucceededAsync(user);
        await audit.RecordAsync(actor, Action, user.Id, "OK", user.TwoFactorEnabled ? $"{from} with authenticator code" : from);
        logger.LogInformation("User {UserId} signed in", user.Id);
        return new SignInAttempt(user, SignInProblem.None);
    }

    async Task<SignInAttempt> FailedAsync(HallUser user, string actor, SignInProblem problem)
    {
        if (!await lockout.FailedAsync(user))
        {
            return new SignInAttempt(user, problem);
        }
        var minutes = AccountLockout.Minutes(lockout.Remaining(user) ?? TimeSpan.Zero);
        await audit.RecordAsync(actor, "lockout", user.Id, "Locked", $"after {users.Options.Lockout.MaxFailedAccessAttempts} failed sign-ins, for {minutes} minutes");
        logger.LogWarning("User {UserId} locked out after repeated failed sign-ins", user.Id);
        return new SignInAttempt(user, SignInProblem.LockedOut, minutes);
    }
}
