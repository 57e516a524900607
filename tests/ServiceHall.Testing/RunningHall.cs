using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace ServiceHall.Testing;

/// <summary>
/// The hall as real processes on loopback ports: every service and the gateway, started from their built
/// assemblies with the embedded defaults (SQLite, local bus) in a temp folder, and stopped (killed) on dispose.
/// This is how the end-to-end tests and the benchmarks meet the hall: over real sockets, through the gateway.
/// </summary>
public sealed class RunningHall : IAsyncDisposable
{
    public static readonly string[] Services = ["catalog", "applications", "credit", "disclosures", "search"];

    readonly List<Process> processes = [];
    readonly Dictionary<string, (string Assembly, IReadOnlyDictionary<string, string> Environment)> launches = [];
    readonly ConcurrentQueue<string> output = new();
    readonly ConcurrentQueue<string> everything = new();
    readonly string dataFolder = Path.Combine(Path.GetTempPath(), "servicehall-hall-" + Guid.NewGuid().ToString("N"));

    public Uri GatewayHttp { get; private set; } = null!;
    public Uri GatewayGrpc { get; private set; } = null!;
    public IReadOnlyDictionary<string, Uri> ServiceAddresses { get; private set; } = new Dictionary<string, Uri>();

    /// <summary>The identity service (OpenID Connect provider), reached directly as browsers and the services do.</summary>
    public Uri Identity { get; private set; } = null!;

    /// <summary>The portal process itself; people reach it through <see cref="GatewayHttp"/>.</summary>
    public Uri Portal { get; private set; } = null!;

    /// <summary>Every line every process printed since the start, for scans of the logs.</summary>
    public IReadOnlyCollection<string> AllOutput => everything;

    /// <summary>The last lines the processes printed, for a failing test's message.</summary>
    public string RecentOutput => string.Join('\n', output.TakeLast(200));

    /// <param name="extraServiceSettings">Settings for every service (environment variable names, e.g. Search__CommitInterval).</param>
    public static async Task<RunningHall> StartAsync(IReadOnlyDictionary<string, string>? extraGatewaySettings = null, CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string>? extraServiceSettings = null)
    {
        var hall = new RunningHall();
        try
        {
            await hall.StartProcessesAsync(extraGatewaySettings ?? new Dictionary<string, string>(), extraServiceSettings ?? new Dictionary<string, string>(), cancellationToken);
            return hall;
        }
        catch
        {
            await hall.DisposeAsync();
            throw;
        }
    }

    async Task StartProcessesAsync(IReadOnlyDictionary<string, string> extraGatewaySettings, IReadOnlyDictionary<string, string> extraServiceSettings, CancellationToken cancellationToken)
    {
        var addresses = Services.ToDictionary(s => s, _ => new Uri($"http://127.0.0.1:{FreePort()}"));
        ServiceAddresses = addresses;
        Identity = new Uri($"http://127.0.0.1:{FreePort()}");
        Portal = new Uri($"http://127.0.0.1:{FreePort()}");
        GatewayHttp = new Uri($"http://127.0.0.1:{FreePort()}");
        GatewayGrpc = new Uri($"http://127.0.0.1:{FreePort()}");
        var common = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Data__Folder"] = dataFolder,
            ["Messaging__Mode"] = "Local",
            ["Messaging__PollInterval"] = "00:00:01",
            ["Messaging__Subscribers__0"] = addresses["search"].ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            // Tokens from the hall's own identity service, over plain HTTP on loopback.
            ["Identity__Authority"] = Identity.ToString(),
            // The hall as people run it: the demo county's catalog, credit records and disclosures.
            ["Seed__Demo"] = "true",
        };
        foreach (var (name, address) in addresses)
        {
            common[$"services__{name}__http__0"] = address.ToString();
        }

        foreach (var (name, address) in addresses)
        {
            var settings = new Dictionary<string, string>(common) { ["ASPNETCORE_URLS"] = address.ToString() };
            foreach (var (key, value) in extraServiceSettings)
            {
                settings[key] = value;
            }
            Start(name, AssemblyOf("services", name), settings);
        }

        var identity = new Dictionary<string, string>(common)
        {
            ["ASPNETCORE_URLS"] = Identity.ToString(),
            ["Identity__RequireHttps"] = "false",
            // People reach the portal through the gateway, so that is where the identity service sends them back.
            ["Identity__PortalRedirectUri"] = new Uri(GatewayHttp, "/signin-oidc").ToString(),
        };
        foreach (var (key, value) in extraServiceSettings)
        {
            identity[key] = value;
        }
        Start("identity", AssemblyOf("services", "identity"), identity);

        var portal = new Dictionary<string, string>(common) { ["ASPNETCORE_URLS"] = Portal.ToString() };
        foreach (var (key, value) in extraServiceSettings)
        {
            portal[key] = value;
        }
        Start("portal", AssemblyOf("services", "portal"), portal);

        var gateway = new Dictionary<string, string>(common)
        {
            ["Kestrel__Endpoints__Http__Url"] = GatewayHttp.ToString(),
            ["Kestrel__Endpoints__Grpc__Url"] = GatewayGrpc.ToString(),
        };
        foreach (var (name, address) in addresses.Append(new("portal", Portal)))
        {
            gateway[$"ReverseProxy__Clusters__{name}__Destinations__primary__Address"] = address.ToString();
        }
        foreach (var (key, value) in extraGatewaySettings)
        {
            gateway[key] = value;
        }
        Start("gateway", AssemblyOf("gateway", "gateway"), gateway);

        await WaitUntilReadyAsync(cancellationToken);
    }

    async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"{exited.StartInfo.Arguments} exited with {exited.ExitCode} while starting:\n{RecentOutput}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(GatewayHttp, "/health/ready"), cancellationToken);
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                using var identity = await http.GetAsync(new Uri(Identity, "/health/ready"), cancellationToken);
                if (!identity.IsSuccessStatusCode)
                {
                    last = $"identity: {(int)identity.StatusCode} {await identity.Content.ReadAsStringAsync(cancellationToken)}";
                }
                else if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            // A process still starting on a loaded machine may take longer than one probe's timeout: ask again.
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = ex.Message;
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"The hall was not ready within 90 s (last answer: {last}):\n{RecentOutput}");
    }

    void Start(string name, string assembly, IReadOnlyDictionary<string, string> environment)
    {
        launches[name] = (assembly, environment);
        var start = new ProcessStartInfo("dotnet", $"\"{assembly}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Remember(name, e.Data);
        process.ErrorDataReceived += (_, e) => Remember(name, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        processes.Add(process);
    }

    void Remember(string name, string? line)
    {
        if (line is null)
        {
            return;
        }
        output.Enqueue($"[{name}] {line}");
        everything.Enqueue($"[{name}] {line}");
        while (output.Count > 2000 && output.TryDequeue(out _))
        {
        }
    }

    /// <summary>Kills one service the hard way (SIGKILL), as a crash would, and waits until it is gone.</summary>
    public void Kill(string name)
    {
        var assemblyName = $"ServiceHall.{char.ToUpperInvariant(name[0])}{name[1..]}.dll";
        foreach (var process in processes.Where(p => p.StartInfo.Arguments.Contains(assemblyName, StringComparison.Ordinal)).ToList())
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            // Gone on purpose: not a process that "exited while starting" for the readiness wait.
            processes.Remove(process);
            process.Dispose();
        }
    }

    /// <summary>Starts a killed service again, with the same settings and data, and waits until the hall is ready.</summary>
    public async Task StartAgainAsync(string name, CancellationToken cancellationToken = default)
    {
        var (assembly, environment) = launches[name];
        Start(name, assembly, environment);
        await WaitUntilReadyAsync(cancellationToken);
    }

    /// <summary>Where the services keep their data (SQLite files, the search index under search-index).</summary>
    public string DataFolder => dataFolder;

    static string AssemblyOf(string area, string name)
    {
        var root = RepositoryRoot();
        var configuration = typeof(RunningHall).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Debug";
        var project = $"ServiceHall.{char.ToUpperInvariant(name[0])}{name[1..]}";
        var folder = area == "gateway"
            ? Path.Combine(root, "gateway", project)
            : Path.Combine(root, "services", project[("ServiceHall.".Length)..], project);
        var assembly = Path.Combine(folder, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(assembly)
            ? assembly
            : throw new FileNotFoundException($"{assembly} is not built; build the solution first (dotnet build ServiceHall.sln -c {configuration}).");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServiceHall.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("ServiceHall.sln not found above " + AppContext.BaseDirectory);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            process.Dispose();
        }
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}
