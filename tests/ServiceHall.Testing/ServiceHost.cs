using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ServiceHall.Testing;

/// <summary>The databases every service test runs against: the embedded default and PostgreSQL.</summary>
public static class Databases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Both => new(Sqlite, Postgres);
}

/// <summary>
/// One service hosted in-process over a database of its own (a temp SQLite file or a fresh PostgreSQL
/// database), with a gRPC channel and an HTTP client (JSON transcoding) on it.
/// </summary>
public sealed class ServiceHost<TProgram>(
    string serviceName, string database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<TProgram> where TProgram : class
{
    readonly string dataFolder = Path.Combine(Path.GetTempPath(), "servicehall-test-" + Guid.NewGuid().ToString("N"));
    readonly string connectionString = database switch
    {
        Databases.Postgres => PostgresServer.Require().NewDatabase(serviceName),
        Databases.Sqlite => "",
        _ => throw new ArgumentOutOfRangeException(nameof(database), database, "sqlite or postgres"),
    };

    GrpcChannel? channel;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Data:Folder", dataFolder);
        builder.UseSetting("Messaging:Mode", "Local");
        if (connectionString.Length > 0)
        {
            builder.UseSetting($"ConnectionStrings:{serviceName}", connectionString);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(TestIdentity.Trust);
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new CallerAddress(System.Net.IPAddress.Loopback, onlyWhenUnset: true)));
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>Calls as this user (with a token the service trusts); <see cref="Channel"/> alone calls anonymously.</summary>
    public CallInvoker As(TestUser user) => Channel.CreateCallInvoker().As(user);

    /// <summary>An HTTP client (JSON transcoding) that sends this user's token.</summary>
    public HttpClient ClientAs(TestUser user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestIdentity.Token(user));
        return client;
    }

    public GrpcChannel Channel => channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    public override async ValueTask DisposeAsync()
    {
        channel?.Dispose();
        await base.DisposeAsync();
        if (Directory.Exists(dataFolder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}
