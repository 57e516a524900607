using System.Security.Claims;

namespace ServiceHall.ServiceDefaults;

/// <summary>The scopes of hall tokens beyond "servicehall", and how a service reads them from a token.</summary>
public static class HallScopes
{
    /// <summary>The credit open API (docs/domain.md §8): an institution's client looks entities up and watches them.</summary>
    public const string CreditLookup = "credit.lookup";

    /// <summary>The claim an access token carries its scopes in: one space-separated value (RFC 9068), or one claim each.</summary>
    public const string Claim = "scope";

    public static bool HasGrantedScope(this ClaimsPrincipal user, string scope) =>
        user.FindAll(Claim).Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}
