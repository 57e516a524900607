using ServiceHall.Credit;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.Import;
using ServiceHall.Credit.OpenApi;
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
    .Validate(p => p.MinimumMonths >= 0 && p.MinimumMonths <= p.MaximumMonths
        && (p.Domains ?? []).All(d => d.MinimumMonths >= 0 && d.Words.Length > 0) && p.TypeMinimumMonths.Values.All(m => m >= 0),
        $"{PublicityPeriod.Section}: minimums must lie between 0 and MaximumMonths, and each domain needs words")
    .ValidateOnStart();
builder.AddHallClock();
builder.Services.AddScoped<IExportRewriter, PublicExportOfToday>();
// Bulk import (docs/domain.md §8): one whole file per message, so this service's message limit follows the file limit.
builder.Services.AddOptions<ImportLimits>().BindConfiguration(ImportLimits.Section)
    .Validate(l => l.MaxFileBytes > 0, $"{ImportLimits.Section}:MaxFileBytes must be positive").ValidateOnStart();
builder.Services.AddScoped<CreditImporter>();
// An import's refusal carries its ImportReport in the status details: JSON transcoding writes only the detail types
// its registry knows.
builder.Services.PostConfigure<Microsoft.AspNetCore.Grpc.JsonTranscoding.GrpcJsonTranscodingOptions>(o =>
    o.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor, ServiceHall.Credit.V1.ImportReport.Descriptor));
builder.Services.AddOptions<Grpc.AspNetCore.Server.GrpcServiceOptions<CreditImportService>>()
    .Configure<Microsoft.Extensions.Options.IOptions<ImportLimits>>((o, limits) => o.MaxReceiveMessageSize = CreditImportService.MaxMessageBytes(limits.Value));
builder.Services.AddSingleton<PublicitySweep>();
builder.Services.AddHostedService(services => services.GetRequiredService<PublicitySweep>());
builder.AddCreditOpenApi();
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
app.MapHallGrpcService<CreditImportService>();
app.MapHallGrpcService<CreditCorrectionService>();
app.MapCreditOpenApi();
app.MapHallGrpcService<CreditLookupService>();
app.MapHallGrpcService<CreditListsService>();
app.MapPublicExport<CreditDb>();
app.MapDefaultEndpoints();
app.Run();
return 0;

public partial class Program;
