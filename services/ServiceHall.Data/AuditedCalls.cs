using Grpc.Core;
using Grpc.Core.Interceptors;
using Google.Protobuf;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace ServiceHall.Data;

/// <summary>
/// Every write operation of a service goes into its audit trail with its result, and so does every refusal of a
/// read (a tenancy check saying PermissionDenied). A method is a read when its name says so (Get, List, Search,
/// Suggest, Export); everything else is a write.
/// </summary>
public sealed class AuditedCalls(AuditTrail audit) : Interceptor
{
    static readonly string[] ReadPrefixes = ["Get", "List", "Search", "Suggest", "Export"];

    /// <summary>Request and response fields that name the object acted on; never a personal number.</summary>
    static readonly HashSet<string> TargetFields = ["id", "item_id", "tracking_number", "code", "credit_code", "organization_id", "department_code", "consultation_id", "number", "year"];

    const string DetailKey = "servicehall.audit.detail";

    /// <summary>
    /// What a successful write changed, for its audit record: for a write that replaces data without keeping the old
    /// version elsewhere (a calendar year), the record is the only trace of what was there before.
    /// </summary>
    public static void Describe(ServerCallContext context, string detail) => context.GetHttpContext().Items[DetailKey] = detail;

    public static bool IsRead(string method)
    {
        var name = method[(method.LastIndexOf('/') + 1)..];
        return ReadPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
    }

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var user = context.GetHttpContext().User;
        var read = IsRead(context.Method);
        try
        {
            var response = await continuation(request, context);
            if (!read)
            {
                var detail = context.GetHttpContext().Items[DetailKey] as string ?? "";
                await audit.RecordAsync(user, context.Method, TargetOf(request, response), "OK", detail, CancellationToken.None);
            }
            return response;
        }
        catch (RpcException ex) when (!read || ex.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            await audit.RecordAsync(user, context.Method, TargetOf(request, null), ex.StatusCode.ToString(), ex.Status.Detail, CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (!read && ex is not RpcException)
        {
            await audit.RecordAsync(user, context.Method, TargetOf(request, null), "Internal", ex.GetType().Name, CancellationToken.None);
            throw;
        }
    }

    static string TargetOf(object request, object? response)
    {
        var parts = new List<string>();
        foreach (var message in new[] { request, response }.OfType<IMessage>())
        {
            foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
            {
                if (!TargetFields.Contains(field.Name))
                {
                    continue;
                }
                var value = field.Accessor.GetValue(message) switch
                {
                    string text => text,
                    int number when number != 0 => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => "",
                };
                if (value.Length > 0)
                {
                    var part = $"{field.Name}={value}";
                    if (!parts.Contains(part))
                    {
                        parts.Add(part);
                    }
                }
            }
        }
        return string.Join(' ', parts);
    }
}

/// <summary>Refusals by the authorization middleware (no token, or the wrong role) go into the audit trail too.</summary>
public sealed class AuditedDenials(AuditTrail audit) : IAuthorizationMiddlewareResultHandler
{
    readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged || authorizeResult.Forbidden)
        {
            await audit.RecordAsync(context.User, $"{context.Request.Method} {context.Request.Path}", "",
                authorizeResult.Forbidden ? "PermissionDenied" : "Unauthenticated", cancellationToken: CancellationToken.None);
        }
        await standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
