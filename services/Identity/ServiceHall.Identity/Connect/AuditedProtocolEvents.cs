using OpenIddict.Server;
using ServiceHall.ServiceDefaults;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ServiceHall.Identity.Connect;

/// <summary>
/// What OpenIddict answers by itself goes into the audit trail too: every revocation, every device authorization
/// request, and every refused token request (a wrong secret, a revoked or expired refresh token, a code used twice,
/// a denied or expired device code). Issued tokens are audited in the token endpoint. The token itself, the user
/// code and the secret are never recorded.
/// </summary>
public sealed class AuditedProtocolEvents(AuditTrail audit) :
    IOpenIddictServerHandler<ApplyRevocationResponseContext>,
    IOpenIddictServerHandler<ApplyTokenResponseContext>,
    IOpenIddictServerHandler<ApplyDeviceAuthorizationResponseContext>
{
    /// <summary>Before OpenIddict writes the response, when the outcome is known.</summary>
    public const int Order = int.MinValue + 100_000;

    public async ValueTask HandleAsync(ApplyRevocationResponseContext context)
    {
        var clientId = context.Request?.ClientId ?? "anonymous";
        await audit.RecordAsync(clientId, "revoke", clientId, context.Response.Error ?? "OK",
            $"token type hint {context.Request?.TokenTypeHint ?? "none"}{Described(context.Response.ErrorDescription)}");
    }

    public async ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        // A device tool polls every few seconds until the person decides: "still waiting" is no event worth a record.
        if (context.Response.Error is not { } error || error is Errors.AuthorizationPending or Errors.SlowDown)
        {
            return;
        }
        var clientId = context.Request?.ClientId ?? "anonymous";
        await audit.RecordAsync(clientId, "token", clientId, error, $"grant {context.Request?.GrantType ?? "none"}{Described(context.Response.ErrorDescription)}");
    }

    public async ValueTask HandleAsync(ApplyDeviceAuthorizationResponseContext context)
    {
        var clientId = context.Request?.ClientId ?? "anonymous";
        await audit.RecordAsync(clientId, "device-authorization", clientId, context.Response.Error ?? "OK",
            $"scope {context.Request?.Scope ?? "none"}{Described(context.Response.ErrorDescription)}");
    }

    static string Described(string? description) => string.IsNullOrEmpty(description) ? "" : ": " + description;
}
