using ServiceHall.Disclosures;
using ServiceHall.Disclosures.Data;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
if (await builder.Configuration.RunAuditCommandAsync("disclosures", args) is { } exit)
{
    return exit;
}
builder.AddServiceDefaults();
builder.AddHallAuthentication();
builder.AddAuditTrail("disclosures");
builder.AddServiceDatabase<DisclosuresDb>("disclosures");
builder.AddOutbox<DisclosuresDb>();

var app = builder.Build();
await app.Services.EnsureDatabaseAsync<DisclosuresDb>();
if (app.Configuration.GetValue<bool>("Seed:Demo"))
{
    await DemoDisclosures.SeedAsync(app.Services);
}

app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<DisclosuresService>();
app.MapPublicExport<DisclosuresDb>();
app.MapDefaultEndpoints();
app.Run();
return 0;

public partial class Program;
