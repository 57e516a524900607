using ServiceHall.Applications;
using ServiceHall.Applications.Case;
using ServiceHall.Applications.Figures;
using ServiceHall.Applications.Materials;
using ServiceHall.Blobs;
using ServiceHall.Applications.Notifications;
using ServiceHall.Applications.Ratings;
using ServiceHall.Messaging;
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
builder.AddOutbox<ApplicationsDb>();
// SMS or e-mail to applicants: the default only logs; a deployment registers its gateway's sender.
builder.Services.AddScoped<INotificationSender, LoggingNotificationSender>();
builder.Services.AddSingleton<NotificationDispatch>();
builder.Services.AddHostedService(s => s.GetRequiredService<NotificationDispatch>());
// 好差评: a bad rating's follow-up is due in Applications:Ratings:FollowUpDays working days (default 5).
builder.Services.AddSingleton<FollowUpDeadline>();
builder.Services.AddSingleton<DraftExpiry>();
builder.Services.AddHostedService(s => s.GetRequiredService<DraftExpiry>());
// 电子监察: warnings swept on the cases' clocks (Applications:Supervision).
builder.Services.AddSingleton(ServiceHall.Applications.Supervision.SupervisionSettings.From(builder.Configuration));
builder.Services.AddSingleton<ServiceHall.Applications.Supervision.SupervisionSweep>();
builder.Services.AddHostedService(s => s.GetRequiredService<ServiceHall.Applications.Supervision.SupervisionSweep>());
// Materials: files in the blob store (a folder beside the database by default), checked, scanned and swept.
builder.AddBlobStore("applications");
var materialLimits = MaterialLimits.From(builder.Configuration);
builder.Services.AddSingleton(materialLimits);
// A deployment registers its virus scanner here; the default accepts every file that passed the content check.
builder.Services.AddSingleton<IMaterialScanner, AcceptingScanner>();
builder.Services.AddSingleton<MaterialSweep>();
builder.Services.AddHostedService(s => s.GetRequiredService<MaterialSweep>());
// An upload is one message: a whole file, base64 in JSON (transcoding counts that), must fit.
builder.Services.Configure<Grpc.AspNetCore.Server.GrpcServiceOptions<ApplicationsService>>(o => o.MaxReceiveMessageSize = materialLimits.MaxMessageBytes);
builder.Services.AddScoped<FiguresQuery>();
// The cases' clocks read the county's day from here (a rehearsal may shift it: Clock:ShiftFile).
builder.AddHallClock();

var app = builder.Build();
if (await app.Services.PrepareDatabaseAsync<ApplicationsDb>("applications", args) is { } migrated)
{
    return migrated;
}

app.UseAuthentication();
app.UseAuthorization();
app.MapHallGrpcService<ApplicationsService>();
app.MapHallGrpcService<PublicFiguresService>();
app.MapFiguresCsv();
app.MapHallGrpcService<SupervisionService>();
app.MapHallGrpcService<RatingService>();
app.MapDefaultEndpoints();
app.Run();
return 0;

public partial class Program;
