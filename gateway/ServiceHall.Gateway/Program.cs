using Microsoft.AspNetCore.HttpOverrides;
using ServiceHall.Gateway;
using ServiceHall.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddTelemetryAndHealth();
builder.AddHallAuthentication();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.Services.AddClientRateLimits(builder.Configuration);
builder.Services.AddBackendReadiness(builder.Configuration);
builder.Services.AddApiReference();
// Behind an ingress every citizen arrives from the ingress's address: their own is taken from X-Forwarded-For,
// believed only from the proxies named here, so the rate limits count people, not the ingress.
var trustedProxies = builder.Configuration.GetSection("Gateway:TrustedProxies").Get<string[]>() ?? [];
TrustedProxies.Validate("Gateway:TrustedProxies", trustedProxies);
builder.AddTrustedProxies(trustedProxies);
var bodyLimits = BodyLimits.From(builder.Configuration);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = bodyLimits.Default);

var app = builder.Build();
app.UseForwardedHeaders();
app.UseMiddleware<CorrelationId>();
app.UseMiddleware<BodySizeLimit>(bodyLimits);
// Authentication first: a signed-in caller is limited by who they are, wherever they come from.
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
// The public edge: readiness details (which service, what failed) only for the supervisor and administrators.
app.MapHealthEndpoints(details: http => http.User.HasRole(HallRoles.Supervisor) || http.User.HasRole(HallRoles.Administrator));
app.MapApiReference();
app.MapReverseProxy();
app.Run();

public partial class Program;
