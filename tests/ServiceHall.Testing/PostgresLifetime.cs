namespace ServiceHall.Testing;

/// <summary>
/// Stops the test PostgreSQL cluster when the test assembly ends, inside xunit's run. Every test project that
/// uses ServiceHall.Testing registers it as an assembly fixture in its project file; left to ProcessExit, the
/// clean-up counts against xunit's 10 s foreground-thread limit and fails a green run.
/// </summary>
public sealed class PostgresLifetime : IDisposable
{
    public void Dispose() => PostgresServer.StopIfStarted();
}
