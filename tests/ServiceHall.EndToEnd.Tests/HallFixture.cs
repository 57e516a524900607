using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using ServiceHall.Testing;

[assembly: AssemblyFixture(typeof(ServiceHall.EndToEnd.Tests.HallFixture))]

namespace ServiceHall.EndToEnd.Tests;

/// <summary>One running hall for all end-to-end tests of this assembly; each test uses its own data (unique names and codes).</summary>
public sealed class HallFixture : IAsyncLifetime
{
    RunningHall? hall;
    readonly SignedIn signedIn = new();

    /// <summary>The demo accounts' tokens, for calls that bypass the gateway.</summary>
    public SignedIn SignedIn => signedIn;

    public RunningHall Hall => hall ?? throw new InvalidOperationException("the hall did not start");
    /// <summary>Anonymous, through the gateway.</summary>
    public HttpClient Http { get; private set; } = null!;
    public GrpcChannel Grpc { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // Information-level logs, so the personal-number scan reads what an operator's log would hold.
        // Every test comes from this machine's address: the per-client rate limit (tested on its own in the gateway's
        // tests) would make them wait for each other, and so would the sign-in throttle's count of failures per
        // address (tested on its own in the identity tests): one journey's refused or second-factor tries must not
        // slow another's sign-in.
        hall = await RunningHall.StartAsync(new Dictionary<string, string> { ["Gateway__RateLimit__PermitsPerWindow"] = "100000" },
            cancellationToken: TestContext.Current.CancellationToken,
            extraServiceSettings: new Dictionary<string, string>
            {
                ["Logging__LogLevel__Default"] = "Information",
                ["Identity__SignInFreeFailuresPerAddress"] = "100000",
                // The credit open API (OpenApiJourneyTests): a second institution whose small quota one test uses up, the
                // test's webhook receiver on loopback, and retries quick enough to watch.
                ["Identity__Clients__0__ClientId"] = OpenApiJourneyTests.QuotaClient,
                ["Identity__Clients__0__ClientSecret"] = OpenApiJourneyTests.QuotaClientSecret,
                ["Identity__Clients__0__DisplayName"] = "测试农村商业银行",
                ["Identity__Clients__0__Grants__0"] = "client_credentials",
                ["Identity__Clients__0__Scopes__0"] = "credit.lookup",
                [$"Credit__OpenApi__Clients__{OpenApiJourneyTests.QuotaClient}__DailyQuota"] = OpenApiJourneyTests.QuotaOfQuotaClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Credit__OpenApi__AllowLoopbackHttpWebhooks"] = "true",
                ["Credit__OpenApi__WebhookFirstRetry"] = "00:00:01",
                ["Credit__OpenApi__DeliveryInterval"] = "00:00:00.500",
            });
        Http = new HttpClient(new Recorded.Responses("anonymous")) { BaseAddress = hall.GatewayHttp, Timeout = TimeSpan.FromSeconds(30) };
        Grpc = GrpcChannel.ForAddress(hall.GatewayGrpc);
    }

    /// <summary>Through the gateway as a demo account, signed in through the identity service's sign-in page.</summary>
    public Task<HttpClient> HttpAs(string account) => signedIn.HttpAs(Hall, account);

    /// <summary>gRPC through the gateway as a demo account.</summary>
    public Task<CallInvoker> GrpcAs(string account) => signedIn.GrpcAs(Hall, Grpc, account);

    /// <summary>gRPC through the gateway without a token, its answers recorded like the others.</summary>
    public CallInvoker GrpcAnonymous => Grpc.CreateCallInvoker().Intercept(new Recorded.Messages("anonymous"));

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        Grpc?.Dispose();
        signedIn.Dispose();
        if (hall is not null)
        {
            await hall.DisposeAsync();
        }
    }
}

/// <summary>Demo accounts signed in once per hall, their tokens reused by every test.</summary>
public sealed class SignedIn : IDisposable
{
    /// <summary>
    /// Access tokens live 10 minutes (Identity:AccessTokenLifetime) and the end-to-end run takes longer: an account
    /// signs in again once its token is this old, as a real client renews its token before it runs out.
    /// </summary>
    static readonly TimeSpan Renew = TimeSpan.FromMinutes(5);

    readonly ConcurrentDictionary<string, (Lazy<Task<HallTokens>> Tokens, DateTime At)> tokens = new();
    readonly ConcurrentDictionary<string, HttpClient> clients = new();

    public async Task<string> TokenAsync(RunningHall hall, string account)
    {
        var entry = tokens.AddOrUpdate(account, a => SignIn(hall, a), (a, held) => DateTime.UtcNow - held.At < Renew ? held : SignIn(hall, a));
        return (await entry.Tokens.Value).AccessToken;
    }

    static (Lazy<Task<HallTokens>>, DateTime) SignIn(RunningHall hall, string account) =>
        (new Lazy<Task<HallTokens>>(() => HallSignIn.SignInAsync(hall.Identity, account,
            totp: account == DemoCounty.Admin ? Totp.Code(HallSignIn.DemoAdminTotpKey, DateTimeOffset.UtcNow) : null)), DateTime.UtcNow);

    public async Task<HttpClient> HttpAs(RunningHall hall, string account)
    {
        var token = await TokenAsync(hall, account);
        // One client per token: a renewed token gets a client of its own.
        return clients.GetOrAdd(account + " " + token, _ =>
        {
            var http = new HttpClient(new Recorded.Responses(account)) { BaseAddress = hall.GatewayHttp, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return http;
        });
    }

    public async Task<CallInvoker> GrpcAs(RunningHall hall, GrpcChannel channel, string account)
    {
        var token = await TokenAsync(hall, account);
        return channel.CreateCallInvoker().Intercept(new Recorded.Messages(account)).Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return metadata;
        });
    }

    public void Dispose()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }
}
