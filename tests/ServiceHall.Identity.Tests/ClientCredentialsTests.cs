using System.Net;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>A machine client (a bank's system checking credit records) gets its own token, with no user role.</summary>
public sealed class ClientCredentialsTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_bank_gets_a_token_for_itself_with_no_role(string database)
    {
        await using var host = IdentityHost.Start(database);
        var browser = host.Browser();

        var (status, tokens) = await browser.ClientCredentialsAsync("bank-credit-check", "bank-demo-secret");

        Assert.Equal(HttpStatusCode.OK, status);
        var jwt = Tokens.Access(tokens);
        Assert.True((await Tokens.ValidateAsync(jwt, await Tokens.PublishedKeysAsync(browser))).IsValid);
        var access = Tokens.Read(jwt);
        Assert.Equal("bank-credit-check", access.Subject);
        Assert.Equal("bank-credit-check", access.GetClaim("client_id").Value);
        Assert.Equal(["servicehall"], access.Audiences);
        Assert.False(access.TryGetClaim("role", out _));
        Assert.False(tokens.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task A_wrong_secret_gets_invalid_client_and_no_token()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);

        var (status, body) = await host.Browser().ClientCredentialsAsync("bank-credit-check", "guessed-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_public_client_cannot_use_client_credentials()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);

        var (status, body) = await host.Browser().PostAsync("/connect/token", new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Browser.Cli,
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(body.TryGetProperty("access_token", out _));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
    }

    [Fact]
    public async Task A_configured_client_is_seeded_without_demo_data_and_the_demo_clients_are_not()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite, new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "false",
            ["Identity:Clients:0:ClientId"] = "tax-bureau",
            ["Identity:Clients:0:ClientSecret"] = "tax-secret",
            ["Identity:Clients:0:Grants:0"] = "client_credentials",
        });
        var browser = host.Browser();

        var (configured, tokens) = await browser.ClientCredentialsAsync("tax-bureau", "tax-secret");
        var (demo, _) = await browser.ClientCredentialsAsync("bank-credit-check", "bank-demo-secret");
        var demoAccount = await browser.SignInPageAfterAsync(DemoCounty.Zhangsan, Browser.Password);

        Assert.Equal(HttpStatusCode.OK, configured);
        Assert.Equal("tax-bureau", Tokens.Read(Tokens.Access(tokens)).Subject);
        Assert.NotEqual(HttpStatusCode.OK, demo);
        Assert.Contains("用户名或密码错误", demoAccount);
    }

    [Fact]
    public async Task The_bank_may_ask_for_the_credit_lookup_scope_and_its_token_carries_it()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite);

        var (status, tokens) = await host.Browser().ClientCredentialsAsync("bank-credit-check", "bank-demo-secret", "servicehall credit.lookup");

        Assert.Equal(HttpStatusCode.OK, status);
        var scopes = Tokens.Read(Tokens.Access(tokens)).GetClaim("scope").Value.Split(' ');
        Assert.Equal(["credit.lookup", "servicehall"], scopes.Order());
    }

    [Fact]
    public async Task A_client_not_configured_for_credit_lookups_is_refused_the_scope()
    {
        await using var host = IdentityHost.Start(Databases.Sqlite, new Dictionary<string, string?>
        {
            ["Identity:Clients:0:ClientId"] = "tax-bureau",
            ["Identity:Clients:0:ClientSecret"] = "tax-secret",
            ["Identity:Clients:0:Grants:0"] = "client_credentials",
        });

        var (status, body) = await host.Browser().ClientCredentialsAsync("tax-bureau", "tax-secret", "servicehall credit.lookup");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        // OpenIddict answers a scope the client has no permission for as an invalid request naming the scope.
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
        Assert.Contains("scope", body.GetProperty("error_description").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_configured_client_naming_an_unknown_scope_is_refused_at_start()
    {
        var client = new ClientSettings { ClientId = "tax-bureau", ClientSecret = "s", Grants = ["client_credentials"], Scopes = ["credit.everything"] };

        var refusal = Assert.Throws<InvalidOperationException>(() => HallClients.Describe(client));

        Assert.Contains("credit.everything", refusal.Message);
    }
}
