using static ServiceHall.Processes.SettingValue;

namespace ServiceHall.Processes;

/// <summary>
/// Every process of the hall, once (docs/architecture.md, sections 1 and 9). The app host starts these, the
/// end-to-end tests' RunningHall starts the same with free ports, and HallManifestTests fails when k8s/base lacks a
/// process, its Service or one of the keys below with its Kubernetes value.
/// </summary>
public static class HallProcesses
{
    const string Identity = "servicehall-identity";
    const string Databases = "servicehall-databases";

    public static readonly IReadOnlyList<HallProcess> All =
    [
        new("identity", "services/Identity/ServiceHall.Identity", [Http(5100)],
        [
            // On one machine: keys in the data folder, demo accounts and clients, plain HTTP on loopback.
            // In the cluster: keys from a secret, PostgreSQL, HTTPS behind the ingress (the default).
            new("Data__Folder", DataFolder, null),
            new("Seed__Demo", "true", null),
            new("Identity__RequireHttps", "false", null),
            // The demo portal client's redirect; in the cluster the portal is a configured client (below).
            new("Identity__PortalRedirectUri", Address("gateway") + "/signin-oidc", null),
            // Browsers and services must see one issuer: the public address behind the ingress's TLS.
            new("Identity__Issuer", null, ConfigMap(Identity, "authority")),
            new("ConnectionStrings__identity", null, Secret(Databases, "identity")),
            new("Identity__SigningKeyFile", null, "/keys/signing.pem"),
            new("Identity__EncryptionKeyFile", null, "/keys/encryption.pem"),
            new("Identity__Clients__0__ClientId", null, "servicehall-portal"),
            new("Identity__Clients__0__ClientSecret", null, Secret("servicehall-portal-client", "secret")),
            new("Identity__Clients__0__RedirectUris__0", null, ConfigMap(Identity, "portal-redirect-uri")),
            new("Identity__Clients__0__PostLogoutRedirectUris__0", null, ConfigMap(Identity, "portal-address")),
            new("Identity__Clients__0__Grants__0", null, "authorization_code"),
            new("Identity__Clients__0__Grants__1", null, "refresh_token"),
            // Client addresses and https from the ingress only (none on one machine: nothing forwards there).
            IngressTrusted("Identity"),
        ]),
        Service("search", 5101, [
            // Rebuild and catch-up from the sources' public export (docs/architecture.md, section 6).
            new("services__catalog__http__0", Address("catalog"), Address("catalog")),
            new("services__credit__http__0", Address("credit"), Address("credit")),
            new("services__disclosures__http__0", Address("disclosures"), Address("disclosures")),
            BusTokenTaken,
        ]),
        Service("catalog", 5102, [Subscriber("search"), BusTokenSent, Database("catalog")]),
        Service("applications", 5103, [
            Database("applications"),
            new("services__catalog__http__0", Address("catalog"), Address("catalog")),
            // An approved 行政许可 case becomes the business's licence record in credit (CaseChanged).
            Subscriber("credit"), BusTokenSent,
        ]),
        // Credit takes the approvals of licences from applications, so it checks the bus's token as search does.
        Service("credit", 5104, [Subscriber("search"), BusTokenSent, BusTokenTaken, Database("credit")]),
        Service("disclosures", 5105, [Subscriber("search"), BusTokenSent, Database("disclosures")]),
        new("portal", "services/Portal/ServiceHall.Portal", [Http(5106)],
        [
            AuthorityOf,
            new("services__catalog__http__0", Address("catalog"), Address("catalog")),
            new("services__search__http__0", Address("search"), Address("search")),
            // Applying online, following cases (我的办件, 我的消息) and the officers' workbench.
            new("services__applications__http__0", Address("applications"), Address("applications")),
            // The credit lookup, entity and list pages (信用信息), public, and 被查询记录 (the institutions that looked a business up).
            new("services__credit__http__0", Address("credit"), Address("credit")),
            // The demo secret in appsettings.json is for one machine only: the portal refuses it outside demo mode.
            new("Seed__Demo", "true", null),
            new("Portal__ClientSecret", null, Secret("servicehall-portal-client", "secret")),
            // Plain HTTP on loopback here; in the cluster the default: Secure session cookies and HSTS behind the ingress's TLS.
            new("Portal__RequireHttps", "false", null),
            // Forwarded headers only from the gateway: on loopback here (the default), in the cluster another pod.
            new("Portal__TrustedProxies__0", null, ConfigMap("servicehall-network", "pod-network")),
        ]),
        new("gateway", "gateway/ServiceHall.Gateway",
        [
            // Its own Kestrel endpoints (docs/decisions/0004-gateway-ports.md).
            new("http", Protocol.Http1, "Kestrel__Endpoints__Http__Url", 8080, 8080),
            new("grpc", Protocol.H2c, "Kestrel__Endpoints__Grpc__Url", 8081, 8081),
        ],
        [
            AuthorityOf,
            IngressTrusted("Gateway"),
            .. new[] { "search", "catalog", "applications", "credit", "disclosures", "portal" }.Select(name =>
                new Setting($"ReverseProxy__Clusters__{name}__Destinations__primary__Address", Address(name), Address(name))),
        ]),
    ];

    public static HallProcess Named(string name) =>
        All.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException($"No process '{name}' in the hall", nameof(name));

    /// <summary>The gRPC services (h2c): every process but identity, the portal and the gateway.</summary>
    public static IEnumerable<HallProcess> Services => All.Where(p => p.Address.Protocol == Protocol.H2c && p.Name != "gateway");

    static Listener Http(int localPort) => new("http", Protocol.Http1, "ASPNETCORE_URLS", localPort, 8080);

    static Setting IngressTrusted(string section) => new($"{section}__TrustedProxies__0", null, ConfigMap("servicehall-network", "ingress-network"));

    static Setting AuthorityOf => new("Identity__Authority", Address("identity"), ConfigMap(Identity, "authority"));

    // Catalog, credit and disclosures publish to search, applications to credit: through the local bus on one
    // machine, Dapr's subscriptions in the cluster (docs/architecture.md, section 4).
    static Setting Subscriber(string name) => new("Messaging__Subscribers__0", Address(name), null);

    static Setting BusTokenSent => new("Messaging__AppApiToken", BusToken, null);

    // Only the event bus may deliver events: the local bus shows this secret; in Kubernetes Dapr sets APP_API_TOKEN
    // from the secret named in the pod's dapr.io/app-token-secret annotation (EventSenders).
    static Setting BusTokenTaken => new("APP_API_TOKEN", BusToken, null);

    static Setting Database(string name) => new($"ConnectionStrings__{name}", null, Secret(Databases, name));

    /// <summary>A gRPC service: its data folder, demo data only on one machine, the local bus or Dapr, the issuer.</summary>
    static HallProcess Service(string name, int localPort, Setting[] settings)
    {
        var folder = char.ToUpperInvariant(name[0]) + name[1..];
        return new(name, $"services/{folder}/ServiceHall.{folder}", [new("http", Protocol.H2c, "ASPNETCORE_URLS", localPort, 8080)],
        [
            new("Data__Folder", DataFolder, "/data"),
            new("Seed__Demo", "true", null),
            new("Messaging__Mode", "Local", "Dapr"),
            AuthorityOf,
            .. settings,
        ]);
    }
}
