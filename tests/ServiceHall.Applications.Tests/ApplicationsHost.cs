using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.Applications.Tests;

/// <summary>The applications service in-process, with the catalog client replaced by a <see cref="FakeCatalog"/>.</summary>
sealed class ApplicationsHost : IAsyncDisposable
{
    readonly ServiceHost<Program> host;
    readonly WebApplicationFactory<Program> app;

    public ApplicationsHost(string database, FakeCatalog catalog)
    {
        // The real client registration needs an address even though the fake answers every call.
        host = new ServiceHost<Program>("applications", database, new Dictionary<string, string?> { ["services:catalog:http:0"] = "http://catalog.invalid" });
        app = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<CatalogService.CatalogServiceClient>(catalog)));
        Channel = GrpcChannel.ForAddress(app.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = app.Server.CreateHandler() });
        Client = new V1.ApplicationsService.ApplicationsServiceClient(Channel);
    }

    public GrpcChannel Channel { get; }
    public V1.ApplicationsService.ApplicationsServiceClient Client { get; }
    public IServiceProvider Services => app.Services;
    public HttpClient CreateHttpClient() => app.CreateClient();

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        // Disposing the host disposes the derived app too, then removes the SQLite folder.
        await host.DisposeAsync();
    }
}
