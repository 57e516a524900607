using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ServiceHall.Catalog.V1;
using ServiceHall.Search.V1;

namespace ServiceHall.Portal.Tests;

/// <summary>
/// The portal hosted in process over a <see cref="FakeHall"/> instead of the real services, with a test sign-in, and an
/// identity provider whose endpoints are fixed addresses (nothing is fetched over the network).
/// </summary>
public sealed partial class PortalHost : WebApplicationFactory<Program>
{
    public const string Authority = "http://identity.test";
    public static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(300);

    public FakeHall Hall { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Identity:Authority", Authority);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Portal:ServiceDeadline", Deadline.ToString());
        builder.UseSetting("services:catalog:http:0", "http://catalog.test");
        builder.UseSetting("services:search:http:0", "http://search.test");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new CatalogService.CatalogServiceClient(Hall));
            services.AddSingleton(new ConsultationService.ConsultationServiceClient(Hall));
            services.AddSingleton(new SearchService.SearchServiceClient(Hall));
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestSignIn>(TestSignIn.SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = TestSignIn.SchemeName;
                o.DefaultAuthenticateScheme = TestSignIn.SchemeName;
                o.DefaultChallengeScheme = TestSignIn.SchemeName;
                o.DefaultSignInScheme = TestSignIn.SchemeName;
            });
            services.PostConfigure<OpenIdConnectOptions>(PortalSignIn.IdentityScheme, o =>
            {
                o.Configuration = new OpenIdConnectConfiguration
                {
                    Issuer = Authority,
                    AuthorizationEndpoint = Authority + "/connect/authorize",
                    TokenEndpoint = Authority + "/connect/token",
                    EndSessionEndpoint = Authority + "/connect/endsession",
                };
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
            });
        });
    }

    /// <summary>A browser: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient Browser(TestUser? user = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(TestSignIn.Header, user.Header);
        }
        return client;
    }

    /// <summary>The page's antiforgery token, as its forms carry it.</summary>
    public static string AntiforgeryToken(string html) =>
        AntiforgeryField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
