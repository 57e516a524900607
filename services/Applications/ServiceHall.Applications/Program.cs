using ServiceHall.Applications;
using ServiceHall.Applications.Case;
using ServiceHall.Applications.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
if (await builder.Configuration.RunAuditCommandAsync("applications", args) is { } exit)
{
    return exit;
}
builder.AddServiceDefaults();
builder.AddHallAuthentication();
builder.AddAuditTrail("applications");
builder.AddServiceDatabase<ApplicationsDb, ApplicationsDbSqlite, ApplicationsDbPostgres>("applications");
// The catalog's GetItem is public: the client sends no token.
builder.AddServiceClient<CatalogService.CatalogServiceClient>("catalog");
// The county's working-day calendar, which the cases' clocks count on, is the catalog's (public too).
builder.AddServiceClient<CalendarService.CalendarServiceClient>("catalog");
builder.Services.AddSingleton<CaseCalendar>();
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();
if (await app.Services.PrepareDatabaseAsync<ApplicationsDb>("applications", args) is { } migrated)
{
    return migrated;
}

app.UseAuthentication();
app.UseAuthorization();
app.MapHallGrpcService<ApplicationsService>();
app.MapDefaultEndpoints();
app.Run();
return 0;

public partial class Program;
