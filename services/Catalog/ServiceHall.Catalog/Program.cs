using ServiceHall.Catalog;
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
builder.Services.AddSingleton(CatalogSettings.From(builder.Configuration));
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();
if (await app.Services.PrepareDatabaseAsync<CatalogDb>("catalog", args) is { } migrated)
{
    return migrated;
}
if (app.Configuration.GetValue<bool>("Seed:Demo"))
{
    await SeedCatalog.LoadAsync(app.Services);
}

app.UseAuthentication();
app.UseAuthorization();
app.MapHallGrpcService<CatalogService>();
app.MapHallGrpcService<ConsultationService>();
app.MapPublicExport<CatalogDb>();
app.MapDefaultEndpoints();
app.Run();
return 0;

public partial class Program;
