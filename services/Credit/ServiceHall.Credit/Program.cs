using ServiceHall.Credit;
using ServiceHall.Credit.Data;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<CreditDb>("credit");
builder.AddOutbox<CreditDb>();
builder.Services.AddOptions<PublicityPeriod>()
    .BindConfiguration(PublicityPeriod.Section)
    .Validate(p => p.MaximumMonths > 0, $"{PublicityPeriod.Section}:MaximumMonths must be positive")
    .ValidateOnStart();
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();
await app.Services.EnsureDatabaseAsync<CreditDb>();
if (app.Configuration.GetValue<bool>("Seed:Demo"))
{
    await DemoCredit.SeedAsync(app.Services);
}

app.MapGrpcService<CreditService>();
app.MapPublicExport<CreditDb>();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
