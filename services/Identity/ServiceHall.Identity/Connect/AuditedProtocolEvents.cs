using OpenIddict.Server;
using Microsoft.AspNetCore;
using ServiceHall.Identity.Hardening;
using ServiceHall.ServiceDefaults;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ServiceHall.Identity.Connect;

/// <summary>
/// What OpenIddict answers by itself goes into the audit trail too: every revocation, every device authorization
/// request, and every refused token request (a wrong secret, a revoked or expired refresh token, a code used twice,
/// a denied or expired device code). Issued tokens are audited in the token endpoint. The token itself, the user
/// code and the secret are never recorded. Anyone can cause a refusal without a secret, so refusals go through
/// <see cref="RefusalSummaries"/> (one record, then a count per window and client address); successes go straight in.
/// </summary>
public sealed class AuditedProtocolEvents(AuditTrail audit, RefusalSummaries refusals) :
    IOpenIddictServerHandler<ApplyRevocationResponseContext>,
    IOpenIddictServerHandler<ApplyTokenResponseContext>,
    IOpenIddictServerHandler<ApplyDeviceAuthorizationResponseContext>
{
    /// <summary>Before OpenIddict writes the response, when the outcome is known.</summary>
    public const int Order = int.MinValue + 100_000;

    public async ValueTask HandleAsync(ApplyRevocationResponseContext context)
    {
        var clientId = context.Request?.ClientId ?? "anonymous";
        await RecordAsync(context.Transaction, clientId, "revoke", context.Response.Error,
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
        await RecordAsync(context.Transaction, clientId, "token", error, $"grant {context.Request?.GrantType ?? "none"}{Described(context.Response.ErrorDescription)}");
    }

    public async ValueTask HandleAsync(ApplyDeviceAuthorizationResponseContext context)
    {
        var clientId = context.Request?.ClientId ?? "anonymous";
        await RecordAsync(context.Transaction, clientId, "device-authorization", context.Response.Error,
            $"scope {context.Request?.Scope ?? "none"}{Described(context.Response.ErrorDescription)}");
    }

    async Task RecordAsync(OpenIddictServerTransaction transaction, string clientId, string action, string? error, string detail)
    {
        if (error is null)
        {
            await audit.RecordAsync(clientId, action, clientId, "OK", detail);
            return;
        }
        var address = transaction.GetHttpRequest()?.HttpContext.Connection.RemoteIpAddress;
        refusals.Refused(address, clientId, action, clientId, error, $"{detail} from {address?.ToString() ?? "unknown address"}");
    }

    static string Described(string? description) => string.IsNullOrEmpty(description) ? "" : ": " + description;
}
