using ServiceHall.Catalog;
using ServiceHall.Catalog.Data;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<CatalogDb>("catalog");
builder.AddOutbox<CatalogDb>();

var app = builder.Build();
await app.Services.EnsureDatabaseAsync<CatalogDb>();
if (app.Configuration.GetValue<bool>("Seed:Demo"))
{
    await DemoCatalog.SeedAsync(app.Services);
}

app.MapGrpcService<CatalogService>();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
