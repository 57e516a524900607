using System.Reflection;
using System.Xml.Linq;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// Puts a proto field's comment on its OpenAPI property. protoc copies the comment into the generated property's
/// XML doc, but Grpc.Swagger builds message schemas from the descriptors (JSON names), so the two are joined here.
/// </summary>
sealed class ProtoFieldDescriptions(string xmlFile) : ISchemaFilter
{
    readonly Dictionary<string, string> summaries = XDocument.Load(xmlFile).Descendants("member")
        .Where(m => m.Attribute("name") is not null && m.Element("summary") is not null)
        .ToDictionary(m => m.Attribute("name")!.Value, m => string.Join(' ', m.Element("summary")!.Value
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

    public void Apply(OpenApiSchema schema, SchemaFilterContext context)
    {
        if (!typeof(IMessage).IsAssignableFrom(context.Type) || schema.Properties is not { Count: > 0 }
            || context.Type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is not MessageDescriptor descriptor)
        {
            return;
        }
        var typeName = context.Type.FullName!.Replace('+', '.');
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (schema.Properties.TryGetValue(field.JsonName, out var property)
                && summaries.TryGetValue($"P:{typeName}.{field.PropertyName}", out var summary) && summary.Length > 0)
            {
                property.Description ??= summary;
            }
        }
    }
}
