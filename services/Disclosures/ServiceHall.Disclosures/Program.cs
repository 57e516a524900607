using ServiceHall.Disclosures;
using ServiceHall.Disclosures.Data;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<DisclosuresDb>("disclosures");
builder.AddOutbox<DisclosuresDb>();

var app = builder.Build();
await app.Services.EnsureDatabaseAsync<DisclosuresDb>();
if (app.Configuration.GetValue<bool>("Seed:Demo"))
{
    await DemoDisclosures.SeedAsync(app.Services);
}

app.MapGrpcService<DisclosuresService>();
app.MapPublicExport<DisclosuresDb>();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
