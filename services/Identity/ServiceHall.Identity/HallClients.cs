using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ServiceHall.Identity;

/// <summary>
/// The client applications, created or updated at every start from Identity:Clients; with Seed:Demo also the
/// demo portal, the command-line client and the bank's credit check (with the credit open API's scope) (unless configured under the same id).
/// </summary>
public static class HallClients
{
    public const string AuthorizationCode = "authorization_code";
    public const string RefreshToken = "refresh_token";
    public const string ClientCredentials = "client_credentials";
    /// <summary>The device authorization flow (RFC 8628): for tools in a terminal, no redirect URI, no PKCE client.</summary>
    public const string DeviceCode = "device_code";

    public static IReadOnlyList<ClientSettings> Demo(IdentitySettings settings)
    {
        var portal = new Uri(settings.PortalRedirectUri, UriKind.Absolute);
        return
        [
            new ClientSettings
            {
                ClientId = "servicehall-portal", ClientSecret = "portal-demo-secret", DisplayName = "县政务服务网门户",
                RedirectUris = [portal.AbsoluteUri], PostLogoutRedirectUris = [new Uri(portal, "/").AbsoluteUri],
                Grants = [AuthorizationCode, RefreshToken],
            },
            new ClientSettings
            {
                ClientId = "servicehall-cli", DisplayName = "政务服务命令行工具",
                RedirectUris = ["http://127.0.0.1:7890/callback"], Grants = [AuthorizationCode, RefreshToken, DeviceCode],
            },
            new ClientSettings
            {
                ClientId = "bank-credit-check", ClientSecret = "bank-demo-secret", DisplayName = "银行信用核查系统",
                Grants = [ClientCredentials], Scopes = [Connect.HallPrincipals.CreditLookupScope],
            },
        ];
    }

    public static async Task SeedAsync(IServiceProvider services, IdentitySettings settings, bool demo)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var clients = settings.Clients.ToList();
        var demoClients = Demo(settings).Where(d => !clients.Any(c => c.ClientId == d.ClientId)).ToList();
        if (demo)
        {
            clients.AddRange(demoClients);
        }
        else
        {
            // Demo mode is off: the demo clients' secrets are published, so they go (with their tokens).
            foreach (var client in demoClients)
            {
                if (await applications.FindByClientIdAsync(client.ClientId) is { } stale)
                {
                    await applications.DeleteAsync(stale);
                }
            }
        }
        foreach (var client in clients)
        {
            var descriptor = Describe(client);
            if (await applications.FindByClientIdAsync(client.ClientId) is { } existing)
            {
                await applications.UpdateAsync(existing, descriptor);
            }
            else
            {
                await applications.CreateAsync(descriptor);
            }
        }
    }

    public static OpenIddictApplicationDescriptor Describe(ClientSettings client)
    {
        if (string.IsNullOrWhiteSpace(client.ClientId))
        {
            throw new InvalidOperationException($"{IdentitySettings.Section}:Clients has an entry without a ClientId");
        }
        var unknown = client.Grants.Except([AuthorizationCode, RefreshToken, ClientCredentials, DeviceCode]).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"Client '{client.ClientId}' names unknown grants ({string.Join(", ", unknown)}); " +
                $"use {AuthorizationCode}, {RefreshToken}, {ClientCredentials} or {DeviceCode}");
        }
        var unknownScopes = client.Scopes.Except(Connect.HallPrincipals.ExtraScopes).ToList();
        if (unknownScopes.Count > 0)
        {
            throw new InvalidOperationException($"Client '{client.ClientId}' names unknown scopes ({string.Join(", ", unknownScopes)}); " +
                $"use {string.Join(" or ", Connect.HallPrincipals.ExtraScopes)}");
        }
        var confidential = !string.IsNullOrEmpty(client.ClientSecret);
        if (client.Grants.Contains(ClientCredentials) && !confidential)
        {
            throw new InvalidOperationException($"Client '{client.ClientId}' uses client credentials, so it needs a ClientSecret");
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = confidential ? client.ClientSecret : null,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = client.DisplayName ?? client.ClientId,
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Revocation);
        if (confidential)
        {
            // Only a client that can prove who it is may ask whether a token is still active.
            descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
        }
        if (client.Grants.Count > 0)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Token);
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + Connect.HallPrincipals.ServiceScope);
            foreach (var scope in client.Scopes)
            {
                descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            }
        }
        if (client.Grants.Contains(AuthorizationCode))
        {
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Scopes.Roles]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }
        if (client.Grants.Contains(DeviceCode))
        {
            descriptor.Permissions.UnionWith([Permissions.Endpoints.DeviceAuthorization, Permissions.GrantTypes.DeviceCode,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles]);
        }
        if (client.Grants.Contains(RefreshToken))
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.RefreshToken);
        }
        if (client.Grants.Contains(ClientCredentials))
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        }
        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }
        foreach (var uri in client.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }
        return descriptor;
    }
}
