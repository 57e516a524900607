using Google.Rpc;
using Grpc.Core;

namespace ServiceHall.Testing;

/// <summary>What a refusal says field by field: its google.rpc.BadRequest violations, one "path: description" per line.</summary>
public static class Refusals
{
    public static string Violations(this RpcException refusal) =>
        string.Join("\n", (refusal.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? []).Select(v => $"{v.Field}: {v.Description}"));
}
