using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using ServiceHall.Identity.Data;
using ServiceHall.ServiceDefaults;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ServiceHall.Identity.Connect;

/// <summary>
/// The claims of the hall's tokens, built fresh from the user's current record at every code and refresh grant,
/// so a changed role or department shows in the next token. Access tokens carry everything services decide on;
/// identity tokens carry who the user is (sub, name, role) for the client's own screens.
/// </summary>
public sealed class HallPrincipals(UserManager<HallUser> users)
{
    /// <summary>The audience of every access token: the hall's services validate it.</summary>
    public const string Resource = HallAuthentication.DefaultAudience;

    /// <summary>The scope a client asks for to call the hall's services.</summary>
    public const string ServiceScope = "servicehall";

    /// <summary>
    /// The scope of the credit open API (docs/domain.md §8): an institution's system looking entities up under its
    /// daily quota and watching them. Only clients configured with it (ClientSettings.Scopes) may ask for it.
    /// </summary>
    public const string CreditLookupScope = ServiceDefaults.HallScopes.CreditLookup;

    /// <summary>The scopes a client may be given beyond <see cref="ServiceScope"/>.</summary>
    public static readonly IReadOnlyList<string> ExtraScopes = [CreditLookupScope];

    public async Task<ClaimsPrincipal> ForUserAsync(HallUser user, ImmutableArray<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)])
            .SetClaim(HallClaims.ApplicantKind, user.ApplicantKind)
            .SetClaim(HallClaims.CreditCode, user.CreditCode)
            .SetClaim(HallClaims.Department, user.Department)
            .SetClaim(HallClaims.Organisation, user.Organisation);
        return Finish(identity, scopes);
    }

    /// <summary>A machine client (client credentials): the client is the subject, and it has no role.</summary>
    public static ClaimsPrincipal ForClient(string clientId, string? displayName, ImmutableArray<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, string.IsNullOrEmpty(displayName) ? clientId : displayName)
            .SetClaim(HallClaims.ClientId, clientId);
        return Finish(identity, scopes);
    }

    static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    static ClaimsPrincipal Finish(ClaimsIdentity identity, ImmutableArray<string> scopes)
    {
        identity.SetScopes(scopes);
        identity.SetResources(Resource);
        identity.SetDestinations(claim => Destinations(claim, identity));
        return new ClaimsPrincipal(identity);
    }

    static IEnumerable<string> Destinations(Claim claim, ClaimsIdentity identity)
    {
        switch (claim.Type)
        {
            case Claims.Subject:
                yield return OpenIddictConstants.Destinations.AccessToken;
                yield return OpenIddictConstants.Destinations.IdentityToken;
                break;
            case Claims.Name or Claims.PreferredUsername:
                yield return OpenIddictConstants.Destinations.AccessToken;
                if (identity.HasScope(Scopes.Profile))
                {
                    yield return OpenIddictConstants.Destinations.IdentityToken;
                }
                break;
            case Claims.Role:
                yield return OpenIddictConstants.Destinations.AccessToken;
                if (identity.HasScope(Scopes.Roles))
                {
                    yield return OpenIddictConstants.Destinations.IdentityToken;
                }
                break;
            case HallClaims.ApplicantKind or HallClaims.CreditCode or HallClaims.Department or HallClaims.Organisation or HallClaims.ClientId:
                yield return OpenIddictConstants.Destinations.AccessToken;
                break;
            default:
                // Anything else (security stamps, internal claims) stays out of every token.
                yield break;
        }
    }
}
