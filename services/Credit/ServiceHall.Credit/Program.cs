using ServiceHall.Credit;
using ServiceHall.Credit.Data;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
if (await builder.Configuration.RunAuditCommandAsync("credit", args) is { } exit)
{
    return exit;
}
builder.AddServiceDefaults();
builder.AddHallAuthentication();
builder.AddAuditTrail("credit");
builder.AddServiceDatabase<CreditDb, CreditDbSqlite, CreditDbPostgres>("credit");
builder.AddOutbox<CreditDb>();
builder.Services.AddOptions<PublicityPeriod>()
    .BindConfiguration(PublicityPeriod.Section)
    .Validate(p => p.MaximumMonths > 0, $"{PublicityPeriod.Section}:MaximumMonths must be positive")
    .ValidateOnStart();
builder.AddHallClock();
builder.Services.AddScoped<IExportRewriter, PublicExportOfToday>();
builder.Services.AddSingleton<PublicitySweep>();
builder.Services.AddHostedService(services => services.GetRequiredService<PublicitySweep>());
builder.Services.AddSingleton<ListSweep>();
builder.Services.AddHostedService(services => services.GetRequiredService<ListSweep>());
builder.Services.AddSingleton<NamePinyinBackfill>();
builder.Services.AddHostedService(services => services.GetRequiredService<NamePinyinBackfill>());

var app = builder.Build();
if (await app.Services.PrepareDatabaseAsync<CreditDb>("credit", args) is { } migrated)
{
    return migrated;
}
// Serving: approved licences arrive as events from the applications service, and only the event bus may deliver
// them (a migration run, above, takes no events and needs no token).
EventSenders.EnsureConfigured(app.Configuration, app.Environment);
if (app.Configuration.GetValue<bool>("Seed:Demo"))
{
    await DemoCredit.SeedAsync(app.Services);
}

app.UseAuthentication();
app.UseAuthorization();
app.UseEventDelivery();
app.MapEventSubscriptions();
app.MapLicenceEvents();
app.MapHallGrpcService<CreditService>();
app.MapHallGrpcService<CreditLookupService>();
app.MapHallGrpcService<CreditListsService>();
app.MapPublicExport<CreditDb>();
app.MapDefaultEndpoints();
app.Run();
return 0;

public partial class Program;
