using Microsoft.Extensions.Configuration;

// The whole hall on one machine: every service with its own SQLite file under one data folder, the local
// event bus instead of Dapr, demo data, and the gateway on the ports people expect (8080 and 8081).
var builder = DistributedApplication.CreateBuilder(args);

var httpPort = builder.Configuration.GetValue("Hall:GatewayHttpPort", 8080);
var grpcPort = builder.Configuration.GetValue("Hall:GatewayGrpcPort", 8081);
var firstServicePort = builder.Configuration.GetValue("Hall:FirstServicePort", 5101);
var dataFolder = Path.GetFullPath(builder.Configuration["Hall:DataFolder"] ?? Path.Combine(builder.AppHostDirectory, "..", "..", "data"));

// The embedded OpenID Connect provider, reached directly by browsers and services alike (like the province's
// platform would be), so its address is the tokens' issuer for both. Plain HTTP on this machine only.
var identityPort = builder.Configuration.GetValue("Hall:IdentityPort", 5100);
var identity = builder.AddProject<Projects.ServiceHall_Identity>("identity", launchProfileName: null)
    .WithHttpEndpoint(port: identityPort, name: "http", isProxied: false)
    .WithEnvironment("Data__Folder", dataFolder)
    .WithEnvironment("Seed__Demo", "true")
    .WithEnvironment("Identity__RequireHttps", "false")
    // The portal signs people in through the gateway's address (its pages are served there).
    .WithEnvironment("Identity__PortalRedirectUri", "http://localhost:" + httpPort + "/signin-oidc");
var identityAddress = identity.GetEndpoint("http");

var port = firstServicePort;
IResourceBuilder<ProjectResource> Service<TProject>(string name) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name, launchProfileName: null)
        // Not proxied: the services speak h2c and the gateway addresses them directly.
        .WithHttpEndpoint(port: port++, name: "http", isProxied: false)
        .WithEnvironment("Data__Folder", dataFolder)
        .WithEnvironment("Seed__Demo", "true")
        .WithEnvironment("Messaging__Mode", "Local")
        .WithEnvironment("Identity__Authority", identityAddress);

var search = Service<Projects.ServiceHall_Search>("search");
var catalog = Service<Projects.ServiceHall_Catalog>("catalog").WithEnvironment("Messaging__Subscribers__0", search.GetEndpoint("http"));
var applications = Service<Projects.ServiceHall_Applications>("applications").WithReference(catalog.GetEndpoint("http"));
var credit = Service<Projects.ServiceHall_Credit>("credit").WithEnvironment("Messaging__Subscribers__0", search.GetEndpoint("http"));
var disclosures = Service<Projects.ServiceHall_Disclosures>("disclosures").WithEnvironment("Messaging__Subscribers__0", search.GetEndpoint("http"));
// The portal serves people's pages (HTTP/1.1 for browsers, behind the gateway) and calls the services over gRPC.
var portal = builder.AddProject<Projects.ServiceHall_Portal>("portal", launchProfileName: null)
    .WithHttpEndpoint(port: builder.Configuration.GetValue("Hall:PortalPort", 5106), name: "http", isProxied: false)
    .WithEnvironment("Identity__Authority", identityAddress)
    .WithReference(catalog.GetEndpoint("http"))
    .WithReference(search.GetEndpoint("http"));
// Search rebuilds and catches up from the sources' public export on start.
search.WithReference(catalog.GetEndpoint("http")).WithReference(credit.GetEndpoint("http")).WithReference(disclosures.GetEndpoint("http"));

var gatewayHttp = $"http://localhost:{httpPort}";
var gatewayGrpc = $"http://localhost:{grpcPort}";
// The gateway's two listeners (HTTP/1.1+2 and gRPC-only h2c) are its own Kestrel endpoints, set here directly
// rather than modelled as app host endpoints, which would put a proxy on the very ports people use.
var gateway = builder.AddProject<Projects.ServiceHall_Gateway>("gateway", o =>
    {
        o.ExcludeLaunchProfile = true;
        o.ExcludeKestrelEndpoints = true;
    })
    .WithEnvironment("Kestrel__Endpoints__Http__Url", gatewayHttp)
    .WithEnvironment("Kestrel__Endpoints__Grpc__Url", gatewayGrpc)
    .WithEnvironment("Identity__Authority", identityAddress)
    .WithUrl(gatewayHttp, "HTTP/JSON and browsers")
    .WithUrl(gatewayGrpc, "gRPC");
foreach (var (name, service) in new[] { ("search", search), ("catalog", catalog), ("applications", applications), ("credit", credit), ("disclosures", disclosures), ("portal", portal) })
{
    gateway.WithEnvironment($"ReverseProxy__Clusters__{name}__Destinations__primary__Address", service.GetEndpoint("http")).WaitFor(service);
}

Console.WriteLine($"ServiceHall gateway: {gatewayHttp} (browsers and HTTP/JSON), {gatewayGrpc} (gRPC). Sign-in: http://localhost:{identityPort}. Data: {dataFolder}");
builder.Build().Run();
