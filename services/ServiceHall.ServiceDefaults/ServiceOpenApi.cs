using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// Each service describes its own transcoded JSON operations (the protos' google.api.http rules) as OpenAPI,
/// with the proto comments as descriptions (they reach the generated C# as XML docs), at <see cref="DocumentPath"/>.
/// The gateway merges these into the one public document; this path is not routed to the public.
/// </summary>
public static class ServiceOpenApi
{
    public const string DocumentPath = "/internal/openapi/v1.json";

    /// <summary>The security scheme name the gateway's merged document defines.</summary>
    public const string BearerScheme = "bearer";

    public static WebApplicationBuilder AddServiceOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpcSwagger();
        builder.Services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo { Title = builder.Environment.ApplicationName, Version = "v1" });
            var xml = Path.Combine(AppContext.BaseDirectory, builder.Environment.ApplicationName + ".xml");
            if (File.Exists(xml))
            {
                o.IncludeGrpcXmlComments(xml, includeControllerXmlComments: true);
                o.SchemaFilter<ProtoFieldDescriptions>(xml);
            }
            // Full names: the gateway puts every service's schemas side by side, and short names would collide.
            o.CustomSchemaIds(t => t.FullName?.Replace('+', '.') ?? t.Name);
            o.OperationFilter<BearerUnlessAnonymous>();
        });
        return builder;
    }

    public static WebApplication MapServiceOpenApi(this WebApplication app)
    {
        // The gateway fetches it without a token; it says only what the public document says.
        app.MapSwagger("/internal/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }

    /// <summary>An operation needs a bearer token unless its proto declares it public (PublicMethods opens its endpoints to anonymous callers).</summary>
    sealed class BearerUnlessAnonymous : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            {
                return;
            }
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = BearerScheme } }] = [],
            });
        }
    }
}
