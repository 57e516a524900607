using ServiceHall.Messaging;
using ServiceHall.Search;
using ServiceHall.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddHallAuthentication();
builder.Services.AddSingleton(Curation.From(builder.Configuration));
builder.Services.AddSingleton<IndexStatus>();
builder.Services.AddSingleton<PublicIndex>();
builder.Services.AddSingleton<TitleBook>();
builder.AddHallClock();
builder.Services.AddHostedService<IndexCommitSchedule>();
builder.Services.AddHostedService<IndexCatchUp>();
builder.Services.AddHealthChecks().AddCheck<IndexReady>("search-index");

EventSenders.EnsureConfigured(builder.Configuration, builder.Environment);
var app = builder.Build();
// Open the index at start, so a locked or damaged folder shows at once rather than at the first event.
app.Services.GetRequiredService<PublicIndex>();

app.UseAuthentication();
app.UseAuthorization();
app.UseUnknownParametersAsBadRequest();
app.UseEventDelivery();
app.MapEventSubscriptions();
app.MapIndexEvents();
app.MapHallGrpcService<SearchService>();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
