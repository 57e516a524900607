using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using ServiceHall.Common.V1;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// Anonymous access follows the contract: a method whose proto says <c>option (servicehall.common.v1.public) = true</c>
/// is open to everyone, over gRPC and over its JSON route; every other method needs a signed-in caller (the
/// fallback policy) and whatever roles its implementation demands. So the declaration lives once, in the proto.
/// </summary>
public static class PublicMethods
{
    /// <summary>True when the contract declares this method public.</summary>
    public static bool IsPublic(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AccessExtensions.Public) ?? false;

    /// <summary>Maps a gRPC service and opens exactly its public methods to anonymous callers.</summary>
    public static GrpcServiceEndpointConventionBuilder MapHallGrpcService<TService>(this IEndpointRouteBuilder endpoints) where TService : class
    {
        var contract = ContractOf(typeof(TService));
        var builder = endpoints.MapGrpcService<TService>();
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<GrpcMethodMetadata>().FirstOrDefault() is { } grpc
                && contract.FindMethodByName(grpc.Method.Name) is { } method && IsPublic(method))
            {
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
            }
        });
        return builder;
    }

    /// <summary>The contract a generated base class was made from: its [BindServiceMethod] names the static class holding Descriptor.</summary>
    static ServiceDescriptor ContractOf(Type implementation)
    {
        for (var type = implementation; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>() is { } bind
                && bind.BindType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is ServiceDescriptor descriptor)
            {
                return descriptor;
            }
        }
        throw new InvalidOperationException($"{implementation.Name} is not generated from a proto service");
    }
}
