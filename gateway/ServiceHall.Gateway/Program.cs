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
builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
var bodyLimit = builder.Configuration.GetValue("Gateway:MaxRequestBodyBytes", 1_048_576L);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = bodyLimit);

var app = builder.Build();
app.UseForwardedHeaders();
app.UseMiddleware<CorrelationId>();
app.UseMiddleware<BodySizeLimit>(bodyLimit);
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthEndpoints();
app.MapApiReference();
app.MapReverseProxy();
app.Run();

public partial class Program;
