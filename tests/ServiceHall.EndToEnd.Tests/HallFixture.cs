using Grpc.Net.Client;
using ServiceHall.Testing;

[assembly: AssemblyFixture(typeof(ServiceHall.EndToEnd.Tests.HallFixture))]

namespace ServiceHall.EndToEnd.Tests;

/// <summary>One running hall for all end-to-end tests of this assembly; each test uses its own data (unique names and codes).</summary>
public sealed class HallFixture : IAsyncLifetime
{
    RunningHall? hall;

    public RunningHall Hall => hall ?? throw new InvalidOperationException("the hall did not start");
    public HttpClient Http { get; private set; } = null!;
    public GrpcChannel Grpc { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        hall = await RunningHall.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        Http = new HttpClient { BaseAddress = hall.GatewayHttp, Timeout = TimeSpan.FromSeconds(30) };
        Grpc = GrpcChannel.ForAddress(hall.GatewayGrpc);
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        Grpc?.Dispose();
        if (hall is not null)
        {
            await hall.DisposeAsync();
        }
    }
}
