using System.Diagnostics;

namespace ServiceHall.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for this test process: initdb into a temp folder, pg_ctl start on a free
/// loopback port, stopped and deleted when the test assembly ends (<see cref="PostgresLifetime"/>), or at the
/// latest when the process exits. Where PostgreSQL is not installed, Reason says so and tests that need it skip
/// themselves with that reason.
/// </summary>
public sealed class PostgresServer
{
    static readonly Lazy<PostgresServer> shared = new(Start);

    public static PostgresServer Shared => shared.Value;

    public bool Available => Port > 0;
    public string? Reason { get; private init; }
    public int Port { get; private init; }

    readonly string? dataFolder;
    readonly string? binFolder;
    string? owner;
    int stopped;

    PostgresServer(string? reason) => Reason = reason;

    PostgresServer(string binFolder, string dataFolder, int port)
    {
        this.binFolder = binFolder;
        this.dataFolder = dataFolder;
        Port = port;
    }

    /// <summary>A connection string to a fresh database of its own, so tests never see each other's rows.</summary>
    public string NewDatabase(string prefix)
    {
        if (!Available)
        {
            throw new InvalidOperationException(Reason);
        }
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Include Error Detail=true";
    }

    /// <summary>Runs psql against one database of this cluster (loading a dump, creating a database), stopping at the first error.</summary>
    public void Psql(string database, string arguments) =>
        Run(Path.Combine(binFolder!, "psql"), $"-X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p {Port} -U postgres -d {database} {arguments}", asUser: null);

    /// <summary>Skips the calling test, with the reason, when there is no PostgreSQL to run against.</summary>
    public static PostgresServer Require()
    {
        var server = Shared;
        if (!server.Available)
        {
            Xunit.Assert.Skip(server.Reason ?? "PostgreSQL is not available");
        }
        return server;
    }

    static PostgresServer Start()
    {
        var bin = FindBinFolder();
        if (bin is null)
        {
            return new PostgresServer("PostgreSQL is not installed here (no initdb under /usr/lib/postgresql/*/bin or PG_BIN)");
        }
        var data = Path.Combine(Path.GetTempPath(), "servicehall-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var port = LoopbackPorts.Free();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb refuses to run as root; the cluster belongs to the postgres system user.
            Run("chown", $"postgres {data}", asUser: null);
        }
        var user = asRoot ? "postgres" : null;
        Run(Path.Combine(bin, "initdb"), $"-D {data}/db -A trust -U postgres -E UTF8 --no-locale", user);
        // Every test database keeps its own idle pool until the test's host is gone; a project with many PostgreSQL
        // tests (applications: cases, supervision, ratings) met "too many clients" at 200.
        Run(Path.Combine(bin, "pg_ctl"),
            $"-D {data}/db -l {data}/log -w -t 60 -o \"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=500\" start", user);
        var server = new PostgresServer(bin, data, port) { owner = user };
        // Only a fallback: xunit gives the process 10 s after its run before it fails it, and deleting a cluster
        // with a few hundred test databases can take longer on a busy machine; PostgresLifetime stops it earlier.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>Stops and deletes the cluster if this process started one; a second call does nothing.</summary>
    public static void StopIfStarted()
    {
        if (shared.IsValueCreated && shared.Value.Available)
        {
            shared.Value.Stop();
        }
    }

    void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }
        try
        {
            Run(Path.Combine(binFolder!, "pg_ctl"), $"-D {dataFolder}/db -m immediate -w stop", owner);
            Directory.Delete(dataFolder!, recursive: true);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"Could not stop the test PostgreSQL cluster in {dataFolder}: {ex.Message}");
        }
    }

    static string? FindBinFolder()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "initdb")))
        {
            return configured;
        }
        const string root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.GetDirectories(root).OrderByDescending(d => d).Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
    }


    static void Run(string file, string arguments, string? asUser)
    {
        var start = asUser is null
            ? new ProcessStartInfo(file, arguments)
            : new ProcessStartInfo("runuser", $"-u {asUser} -- {file} {arguments}");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }
}
