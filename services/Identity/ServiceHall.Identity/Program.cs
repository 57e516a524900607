using ServiceHall.Identity;
using ServiceHall.Identity.Account;
using ServiceHall.Identity.Connect;
using ServiceHall.Identity.Data;
using ServiceHall.Identity.Hardening;
using ServiceHall.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
if (await builder.Configuration.RunAuditCommandAsync("identity", args) is { } exit)
{
    return exit;
}

var settings = builder.Configuration.GetSection(IdentitySettings.Section).Get<IdentitySettings>() ?? new IdentitySettings();
settings.Validate();
builder.Services.AddSingleton(settings);
// Real time always, even in a rehearsal whose services shift their clocks (HallClock, Clock:ShiftFile): the gateway
// and the services check a token's lifetime against the system clock (JwtBearer's validation does not read
// TimeProvider), so tokens issued on a shifted clock would be refused as not yet valid, and sign-in throttles and
// demo-account states would move with it. Identity has no date rules of the county's to rehearse.
builder.Services.AddSingleton(TimeProvider.System);

// Not AddServiceDefaults, which makes Kestrel speak HTTP/2 only: browsers sign in here, so Kestrel keeps its
// default (HTTP/1.1 and HTTP/2), and there is no gRPC.
builder.AddTelemetryAndHealth();
builder.AddServiceDatabase<IdentityDb, IdentityDbSqlite, IdentityDbPostgres>("identity");
builder.AddAuditTrail("identity");
builder.AddHallUsers(settings);
builder.AddHallOpenIddict(settings);
builder.AddTrustedProxies(settings.TrustedProxies);
builder.AddRequestLimits(settings);
builder.Services.AddSingleton<RefusalSummaries>();
builder.Services.AddHostedService(s => s.GetRequiredService<RefusalSummaries>());

var app = builder.Build();
if (await app.Services.PrepareDatabaseAsync<IdentityDb>("identity", args) is { } migrated)
{
    return migrated;
}
await HallRolesSeed.SeedAsync(app.Services);
var demo = app.Configuration.GetValue<bool>("Seed:Demo");
await HallClients.SeedAsync(app.Services, settings, demo);
if (demo)
{
    await DemoAccounts.SeedAsync(app.Services);
}
else
{
    await DemoAccounts.DisableAsync(app.Services);
}

// First, so everything after sees the client's own address and scheme (from trusted proxies only).
app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
// Before authentication: OpenIddict answers revocation and introspection there.
app.UseRateLimiter();
// OpenIddict and the sign-in cookie are authentication handlers; the pages check who is signed in themselves.
app.UseAuthentication();
app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapTwoFactorEndpoints();
app.MapConnectEndpoints();
app.MapDeviceEndpoints();
await app.RunAsync();
return 0;

public partial class Program;
