namespace ServiceHall.Processes;

/// <summary>What a listener speaks: h2c (gRPC and JSON transcoding over HTTP/2 without TLS) or HTTP/1.1 for browsers.</summary>
public enum Protocol
{
    H2c,
    Http1,
}

/// <summary>
/// One port a process listens on. <paramref name="UrlKey"/> is the configuration key that sets the listening URL:
/// locally http://localhost:<paramref name="LocalPort"/>, in Kubernetes http://+:<paramref name="ClusterPort"/>
/// (the container port, which the process's Service targets).
/// </summary>
public sealed record Listener(string Name, Protocol Protocol, string UrlKey, int LocalPort, int ClusterPort);

/// <summary>
/// One configuration key (environment variable name) and its value on one machine (<paramref name="Local"/>, what the
/// app host and the end-to-end tests set) and in Kubernetes (<paramref name="Kubernetes"/>); null means the key is
/// deliberately not set there. Values may hold the placeholders of <see cref="SettingValue"/>.
/// </summary>
public sealed record Setting(string Key, string? Local, string? Kubernetes);

/// <summary>
/// One process of the hall: its name (also its Kubernetes Deployment, Service and container, and its image
/// servicehall/&lt;name&gt;), its project folder from the repository root, its listeners (the first is its address)
/// and the configuration it is given.
/// </summary>
public sealed record HallProcess(string Name, string Project, IReadOnlyList<Listener> Listeners, IReadOnlyList<Setting> Settings)
{
    /// <summary>The project file, and the assembly's name: the folder's name (e.g. ServiceHall.Catalog).</summary>
    public string AssemblyName => Path.GetFileName(Project);

    public string ProjectFile => Path.Combine(Project, AssemblyName + ".csproj");

    public Listener Address => Listeners[0];

    /// <summary>The processes whose addresses this one is given (it calls them or delivers events to them).</summary>
    public IEnumerable<string> DependsOn => Settings
        .SelectMany(s => new[] { s.Local, s.Kubernetes })
        .SelectMany(v => SettingValue.Addresses(v))
        .Distinct();
}
