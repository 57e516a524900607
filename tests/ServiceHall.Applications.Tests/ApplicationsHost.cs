using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceHall.Applications.Materials;
using ServiceHall.Applications.Notifications;
using ServiceHall.Blobs;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Applications.Tests;

/// <summary>
/// The applications service in-process, with the catalog replaced by a <see cref="FakeCatalog"/> and its calendar by a
/// <see cref="FakeCalendar"/>, on a fake clock (<see cref="Clock"/>; by default 2026-03-02, a Monday, 09:00 county time).
/// </summary>
sealed class ApplicationsHost : IAsyncDisposable
{
    readonly ServiceHost<Program> host;
    readonly WebApplicationFactory<Program> app;

    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public ApplicationsHost(string database, FakeCatalog catalog, FakeCalendar? calendar = null, DateTimeOffset? now = null,
        IReadOnlyDictionary<string, string?>? settings = null, IMaterialScanner? scanner = null)
    {
        Clock = new FakeTimeProvider(now ?? Monday);
        Calendar = calendar ?? new FakeCalendar();
        // The real client registration needs an address even though the fake answers every call.
        // The notification dispatch runs only when a test asks (SendNotificationsAsync): its own round is an hour away.
        // The materials sweep too runs only when a test asks (SweepMaterialsAsync): its timer, on the fake clock, is
        // 40 days away (about the longest a timer can wait), further than any test moves the clock.
        var all = new Dictionary<string, string?>
        {
            ["services:catalog:http:0"] = "http://catalog.invalid",
            ["Applications:NotificationSeconds"] = "3600",
            ["Applications:Materials:SweepInterval"] = "40.00:00:00",
            // And the supervision sweep (SupervisionHelpers.SweepAsync): its round on the fake clock would otherwise come
            // whenever a test moves the clock past 15 minutes, beside the test's own calls.
            ["Applications:Supervision:SweepInterval"] = "40.00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        host = new ServiceHost<Program>("applications", database, all);
        app = host.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<CatalogService.CatalogServiceClient>(catalog);
            s.AddSingleton<CalendarService.CalendarServiceClient>(Calendar);
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton<INotificationSender>(Sent);
            if (scanner is not null)
            {
                s.AddSingleton(scanner);
            }
        }));
        Channel = GrpcChannel.ForAddress(app.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = app.Server.CreateHandler() });
    }

    public GrpcChannel Channel { get; }
    public FakeTimeProvider Clock { get; }
    public FakeCalendar Calendar { get; }
    public RecordingSender Sent { get; } = new();

    /// <summary>One round of the notification dispatch, as its timer would run it.</summary>
    public Task<int> SendNotificationsAsync() => app.Services.GetRequiredService<NotificationDispatch>().SendDueAsync(TestContext.Current.CancellationToken);
    public IServiceProvider Services => app.Services;

    /// <summary>One round of the sweep of unattached uploads, as its timer would run it.</summary>
    public Task<int> SweepMaterialsAsync() => app.Services.GetRequiredService<MaterialSweep>().SweepAsync(TestContext.Current.CancellationToken);

    /// <summary>Where the service keeps its files (the blob store's folder), to see what is on disk.</summary>
    public string FilesFolder => ((FolderBlobStore)app.Services.GetRequiredService<IBlobStore>()).Folder;
    public AuditTrail Audit => app.Services.GetRequiredService<AuditTrail>();

    /// <summary>Calls as this user, with a token the service trusts.</summary>
    public V1.ApplicationsService.ApplicationsServiceClient As(TestUser user) => new(Channel.CreateCallInvoker().As(user));

    /// <summary>Calls without any token.</summary>
    public V1.ApplicationsService.ApplicationsServiceClient Anonymous => new(Channel);

    /// <summary>Calls with exactly this bearer token (an expired one, say).</summary>
    public V1.ApplicationsService.ApplicationsServiceClient WithToken(string token) =>
        new(Channel.CreateCallInvoker().Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return metadata;
        }));

    /// <summary>JSON transcoding as this user (or anonymously when null).</summary>
    public HttpClient Http(TestUser? user)
    {
        var client = app.CreateClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestIdentity.Token(user));
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        // Disposing the host disposes the derived app too, then removes the SQLite folder.
        await host.DisposeAsync();
    }
}
