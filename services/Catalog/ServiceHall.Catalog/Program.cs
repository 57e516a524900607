using ServiceHall.Blobs;
using ServiceHall.Catalog;
using ServiceHall.Catalog.Calendar;
using ServiceHall.Catalog.Data;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
if (await builder.Configuration.RunAuditCommandAsync("catalog", args) is { } exit)
{
    return exit;
}
builder.AddServiceDefaults();
builder.AddHallAuthentication();
builder.AddAuditTrail("catalog");
builder.AddServiceDatabase<CatalogDb, CatalogDbSqlite, CatalogDbPostgres>("catalog");
builder.AddOutbox<CatalogDb>();
// The guides' blank forms and samples (GuideFiles/), beside the database.
builder.AddBlobStore("catalog");
builder.Services.AddSingleton(CatalogSettings.From(builder.Configuration));
builder.AddHallClock();
builder.Services.AddSingleton<CountyCalendar>();
// Degraded, never down: without next year the catalog still serves (docs/domain.md §3).
builder.Services.AddHealthChecks().AddCheck<CalendarReady>(CalendarReady.Name, Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);

var app = builder.Build();
if (await app.Services.PrepareDatabaseAsync<CatalogDb>("catalog", args) is { } migrated)
{
    return migrated;
}
await CountyCalendar.SeedShippedYearsAsync(app.Services);
if (app.Configuration.GetValue<bool>("Seed:Demo"))
{
    await SeedCatalog.LoadAsync(app.Services);
}

app.UseAuthentication();
app.UseAuthorization();
app.MapHallGrpcService<CatalogService>();
app.MapHallGrpcService<ConsultationService>();
app.MapHallGrpcService<CalendarService>();
app.MapPublicExport<CatalogDb>();
app.MapGuideFileDownloads();
app.MapDefaultEndpoints();
app.Run();
return 0;

public partial class Program;
