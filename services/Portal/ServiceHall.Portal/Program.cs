using System.Text.Encodings.Web;
using System.Text.Unicode;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Portal;
using ServiceHall.Search.V1;
using ServiceHall.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
// The stylesheet and script live in the project's wwwroot; run from build output (the app host, the end-to-end
// tests) in any environment, they are found through the build's static web assets manifest. A published portal
// has them copied next to it and no manifest, and this does nothing.
builder.WebHost.UseStaticWebAssets();
// Not AddServiceDefaults: that makes Kestrel HTTP/2-only for gRPC, and browsers need HTTP/1.1 too.
builder.AddTelemetryAndHealth();
var settings = PortalSettings.From(builder.Configuration);
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton<HallCalls>();
builder.Services.AddScoped<UnreadMessages>();
builder.AddServiceClient<CatalogService.CatalogServiceClient>("catalog");
builder.AddServiceClient<ConsultationService.ConsultationServiceClient>("catalog");
builder.AddServiceClient<SearchService.SearchServiceClient>("search");
// Downloads bring a whole file (up to 10 MiB) in one message: more than gRPC's 4 MB default.
builder.AddServiceClient<ApplicationsService.ApplicationsServiceClient>("applications")
    .ConfigureChannel(o => o.MaxReceiveMessageSize = (int)MaterialUploads.MaxFormBytes);
builder.AddServiceClient<PublicFiguresService.PublicFiguresServiceClient>("applications");
// 电子监察: the supervisor's board and 督办 notes, which officers answer on the workbench.
builder.AddServiceClient<SupervisionService.SupervisionServiceClient>("applications");
builder.AddServiceClient<RatingService.RatingServiceClient>("applications");
// 被查询记录: the business sees which institutions looked its entity up (the credit open API).
builder.AddServiceClient<ServiceHall.Credit.V1.CreditOpenApi.CreditOpenApiClient>("credit");
// 信用信息: the lookup box and the entity page, public.
builder.AddServiceClient<ServiceHall.Credit.V1.CreditLookupService.CreditLookupServiceClient>("credit");
builder.AddServiceClient<ServiceHall.Credit.V1.CreditService.CreditServiceClient>("credit");
builder.AddServiceClient<ServiceHall.Credit.V1.CreditListsService.CreditListsServiceClient>("credit");
builder.AddPortalSignIn(settings);
builder.AddGatewayForwarding(settings);
builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.AddRazorPages(o => o.Conventions.AddPageRoute("/Items/Item", "/items/{id}/ask"));
// Chinese text stays text in the page instead of a numeric entity per character (pages stay small and readable).
builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

var app = builder.Build();
// First, so everything after sees the browser's scheme and host (from the gateway only).
app.UseForwardedHeaders();
if (settings.RequireHttps)
{
    // Browsers that once saw the hall over HTTPS never fall back to plain HTTP, where the session cookie would not go.
    app.UseHsts();
}
// Never a raw error page: failures and bare status codes (404, 400, 403) render the portal's own page in Chinese.
app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseRequestLocalization(PortalCultures.Options(settings));
app.UsePageHeaders();
app.UseStaticFiles(BrowserCaching.StaticFiles());
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapElderMode();
app.MapCaseFiles();
app.MapRazorPages();
app.Run();

public partial class Program;
