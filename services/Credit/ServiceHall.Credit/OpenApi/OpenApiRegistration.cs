using Microsoft.EntityFrameworkCore.Diagnostics;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit.OpenApi;

/// <summary>Wires the credit open API (docs/domain.md §8) into the credit service.</summary>
public static class OpenApiRegistration
{
    /// <summary>A machine client whose token carries the credit.lookup scope.</summary>
    public const string ClientPolicy = "credit-open-api-client";

    public static WebApplicationBuilder AddCreditOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OpenApiSettings>().BindConfiguration(OpenApiSettings.Section)
            .Validate(s => { s.Validate(); return true; }).ValidateOnStart();
        builder.Services.AddScoped<LookupQuota>();
        builder.Services.AddSingleton<IInterceptor, WatchedChanges>();
        // No automatic redirects: a webhook answers for itself, and a redirect could lead the post anywhere.
        builder.Services.AddHttpClient(WebhookSweep.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddSingleton<WebhookSweep>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WebhookSweep>());
        builder.Services.AddAuthorizationBuilder().AddPolicy(ClientPolicy, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(HallClaims.ClientId)
            .RequireAssertion(context => context.User.HasGrantedScope(HallScopes.CreditLookup)));
        return builder;
    }

    public static WebApplication MapCreditOpenApi(this WebApplication app)
    {
        app.MapHallGrpcService<CreditOpenApiService>();
        app.MapGet(ChangeFeed.Path, ChangeFeed.GetAsync).RequireAuthorization(ClientPolicy);
        return app;
    }
}
