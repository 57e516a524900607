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
builder.AddServiceDatabase<DisclosuresDb, DisclosuresDbSqlite, DisclosuresDbPostgres>("disclosures");
builder.AddOutbox<DisclosuresDb>();

var app = builder.Build();
if (await app.Services.PrepareDatabaseAsync<DisclosuresDb>("disclosures", args) is { } migrated)
{
    return migrated;
}
if (app.Configuration.GetValue<bool>("Seed:Demo"))
{
    await DemoDisclosures.SeedAsync(app.Services);
}

app.UseAuthentication();
app.UseAuthorization();
app.MapHallGrpcService<DisclosuresService>();
app.MapPublicExport<DisclosuresDb>();
app.MapDefaultEndpoints();
app.Run();
return 0;

public partial class Program;
