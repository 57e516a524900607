using ServiceHall.Applications;
using ServiceHall.Applications.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<ApplicationsDb>("applications");
builder.AddServiceClient<CatalogService.CatalogServiceClient>("catalog");

var app = builder.Build();
await app.Services.EnsureDatabaseAsync<ApplicationsDb>();

app.MapGrpcService<ApplicationsService>();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
