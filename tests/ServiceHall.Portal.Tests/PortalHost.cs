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
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Search.V1;
using ServiceHall.Testing;

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

    /// <summary>Where every request comes from: by default loopback, where the local gateway calls from.</summary>
    public IPAddress Caller { get; init; } = IPAddress.Loopback;

    /// <summary>More settings (Portal:RequireHttps, Portal:TrustedProxies:0 …), over the host's own.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Identity:Authority", Authority);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Portal:ServiceDeadline", Deadline.ToString());
        builder.UseSetting("services:catalog:http:0", "http://catalog.test");
        builder.UseSetting("services:search:http:0", "http://search.test");
        builder.UseSetting("services:applications:http:0", "http://applications.test");
        builder.UseSetting("services:credit:http:0", "http://credit.test");
        // Plain HTTP like the local hall: forms need their antiforgery cookie back over it. RequireHttpsTests sets true.
        builder.UseSetting("Portal:RequireHttps", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            // The test server gives requests no remote address, which the forwarded-headers check would let pass.
            services.AddSingleton<IStartupFilter>(new CallerAddress(Caller));
            services.AddSingleton(new CatalogService.CatalogServiceClient(Hall));
            services.AddSingleton(new ConsultationService.ConsultationServiceClient(Hall));
            services.AddSingleton(new SearchService.SearchServiceClient(Hall));
            services.AddSingleton(new ApplicationsService.ApplicationsServiceClient(Hall));
            services.AddSingleton(new PublicFiguresService.PublicFiguresServiceClient(Hall));
            services.AddSingleton(new SupervisionService.SupervisionServiceClient(Hall));
            services.AddSingleton(new RatingService.RatingServiceClient(Hall));
            services.AddSingleton(new ServiceHall.Credit.V1.CreditOpenApi.CreditOpenApiClient(Hall));
            services.AddSingleton(new ServiceHall.Credit.V1.CreditLookupService.CreditLookupServiceClient(Hall));
            services.AddSingleton(new ServiceHall.Credit.V1.CreditService.CreditServiceClient(Hall));
            services.AddSingleton(new ServiceHall.Credit.V1.CreditListsService.CreditListsServiceClient(Hall));
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

    /// <summary>The public address people reach the hall at, behind the ingress's TLS.</summary>
    public const string PublicHost = "hall.example.gov.cn";

    /// <summary>A browser's GET as the gateway forwards it: the public scheme, host and the browser's address in X-Forwarded-*.</summary>
    public static HttpRequestMessage Forwarded(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", PublicHost);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }

    /// <summary>The page's antiforgery token, as its forms carry it.</summary>
    public static string AntiforgeryToken(string html) =>
        AntiforgeryField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
