using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using ServiceHall.Processes;

namespace ServiceHall.Testing;

/// <summary>
/// The hall as real processes on loopback ports: every process of <see cref="HallProcesses"/> with the settings the
/// app host gives it (SQLite, local bus, demo data), started from its built assembly with free ports and a temp data
/// folder, and stopped (killed) on dispose.
/// This is how the end-to-end tests and the benchmarks meet the hall: over real sockets, through the gateway.
/// </summary>
public sealed class RunningHall : IAsyncDisposable
{
    /// <summary>The gRPC services, as <see cref="HallProcesses"/> lists them.</summary>
    public static readonly string[] Services = HallProcesses.Services.Select(p => p.Name).ToArray();

    readonly List<(string Name, Process Process)> processes = [];
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
        // Ports are picked before the processes bind them; when another test process took one in between, the
        // service exits with "address already in use" and the hall starts again on fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            var hall = new RunningHall();
            try
            {
                await hall.StartProcessesAsync(extraGatewaySettings ?? new Dictionary<string, string>(), extraServiceSettings ?? new Dictionary<string, string>(), cancellationToken);
                return hall;
            }
            catch (Exception) when (attempt < 3 && hall.LostAPort)
            {
                await hall.DisposeAsync();
            }
            catch
            {
                await hall.DisposeAsync();
                throw;
            }
        }
    }

    bool LostAPort => everything.Any(line => line.Contains("address already in use", StringComparison.OrdinalIgnoreCase));

    async Task StartProcessesAsync(IReadOnlyDictionary<string, string> extraGatewaySettings, IReadOnlyDictionary<string, string> extraServiceSettings, CancellationToken cancellationToken)
    {
        // Every listener of every process on a free loopback port; otherwise the app host's own wiring.
        var ports = HallProcesses.All.ToDictionary(p => p.Name, p => p.Listeners.ToDictionary(l => l.Name, _ => LoopbackPorts.Free()));
        string Address(string name) => $"http://127.0.0.1:{ports[name]["http"]}";
        ServiceAddresses = Services.ToDictionary(s => s, s => new Uri(Address(s)));
        Identity = new Uri(Address("identity"));
        Portal = new Uri(Address("portal"));
        GatewayHttp = new Uri(Address("gateway"));
        GatewayGrpc = new Uri($"http://127.0.0.1:{ports["gateway"]["grpc"]}");

        var busToken = SettingValue.NewBusToken();
        foreach (var process in HallProcesses.All)
        {
            var settings = new Dictionary<string, string>
            {
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Messaging__PollInterval"] = "00:00:01",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (var listener in process.Listeners)
            {
                settings[listener.UrlKey] = $"http://127.0.0.1:{ports[process.Name][listener.Name]}";
            }
            foreach (var setting in process.Settings.Where(s => s.Local is not null))
            {
                settings[setting.Key] = SettingValue.Resolve(setting.Local!, Address, dataFolder, busToken);
            }
            foreach (var (key, value) in process.Name == "gateway" ? extraGatewaySettings : extraServiceSettings)
            {
                settings[key] = value;
            }
            Start(process.Name, AssemblyOf(process), settings);
        }

        await WaitUntilReadyAsync(cancellationToken);
    }

    /// <summary>
    /// How long the whole hall may take to become ready: on CI every test project runs at once on two cores, and each
    /// service migrates its database and the catalog seeds the county before answering.
    /// </summary>
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            if (processes.FirstOrDefault(p => p.Process.HasExited) is { Process: not null } exited)
            {
                throw new InvalidOperationException($"{exited.Name} exited with {exited.Process.ExitCode} while starting:\n{RecentOutput}");
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
            // A probe slower than the client's timeout (a busy machine, a process still starting) is "not ready yet" too.
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                last = ex.Message;
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"The hall was not ready within {StartTimeout.TotalSeconds:0} s (last answer: {last}):\n{RecentOutput}");
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
        processes.Add((name, process));
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
        foreach (var entry in processes.Where(p => p.Name == name).ToList())
        {
            if (!entry.Process.HasExited)
            {
                entry.Process.Kill(entireProcessTree: true);
                entry.Process.WaitForExit();
            }
            // Gone on purpose: not a process that "exited while starting" for the readiness wait.
            processes.Remove(entry);
            entry.Process.Dispose();
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

    static string AssemblyOf(HallProcess process)
    {
        var configuration = typeof(RunningHall).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Debug";
        var assembly = Path.Combine(RepositoryRoot(), process.Project, "bin", configuration, "net10.0", process.AssemblyName + ".dll");
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


    public async ValueTask DisposeAsync()
    {
        foreach (var (_, process) in processes)
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
