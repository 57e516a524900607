using System.Text.Json.Nodes;

namespace ServiceHall.Gateway;

/// <summary>
/// /api/openapi.json: the hall's public HTTP/JSON API as one OpenAPI document. Each gRPC service describes its own
/// transcoded operations (from the protos' http rules and comments) at an internal path; the gateway asks every h2c
/// cluster in its configuration for it, the way it proxies to them, and puts paths and schemas side by side. The
/// services mark operations that need a token; the bearer scheme itself is defined here, once.
/// </summary>
public sealed class PublicApiDocument(IHttpClientFactory clients, IConfiguration configuration, TimeProvider clock)
{
    public const string Path = "/api/openapi.json";
    const string ServicePath = "internal/openapi/v1.json";
    public const string HttpClientName = "openapi-h2";
    static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    (JsonObject Document, DateTimeOffset Until)? cached;

    public async Task<IResult> ServeAsync(CancellationToken cancellationToken)
    {
        if (cached is { } hit && clock.GetUtcNow() < hit.Until)
        {
            return Results.Text(hit.Document.ToJsonString(), "application/json; charset=utf-8");
        }
        var (document, missing) = await MergeAsync(cancellationToken);
        // Only a whole document is kept: a service that was down is asked again on the next request.
        if (missing.Count == 0)
        {
            cached = (document, clock.GetUtcNow() + CacheFor);
        }
        return Results.Text(document.ToJsonString(), "application/json; charset=utf-8");
    }

    async Task<(JsonObject Document, List<string> Missing)> MergeAsync(CancellationToken cancellationToken)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        var missing = new List<string>();
        foreach (var cluster in configuration.GetSection("ReverseProxy:Clusters").GetChildren())
        {
            // HTTP/1.1 clusters (the portal) serve pages, not transcoded gRPC.
            if (cluster["HttpRequest:Version"] is "1.1" or "1.0"
                || cluster.GetSection("Destinations").GetChildren().FirstOrDefault()?["Address"] is not { Length: > 0 } address)
            {
                continue;
            }
            var part = await FetchAsync(new Uri(new Uri(address.TrimEnd('/') + "/"), ServicePath), cancellationToken);
            if (part is null)
            {
                missing.Add(cluster.Key);
                continue;
            }
            Copy(part["paths"] as JsonObject, paths);
            Copy(part["components"]?["schemas"] as JsonObject, schemas);
        }

        var description = "县政务服务网的公开 HTTP/JSON 接口（由 gRPC 服务经 JSON 转码提供）。标有锁的操作需要 Bearer 访问令牌：" +
            "命令行中可用设备授权流程获取（见 README 的身份认证一节）。";
        if (missing.Count > 0)
        {
            description += $" 暂缺以下服务的接口说明（服务未响应）：{string.Join("、", missing)}。";
        }
        var document = new JsonObject
        {
            ["openapi"] = "3.0.1",
            ["info"] = new JsonObject { ["title"] = "ServiceHall 县政务服务网 API", ["version"] = "v1", ["description"] = description },
            ["paths"] = Sorted(paths),
            ["components"] = new JsonObject
            {
                ["schemas"] = Sorted(schemas),
                ["securitySchemes"] = new JsonObject
                {
                    [ServiceHall.ServiceDefaults.ServiceOpenApi.BearerScheme] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = "统一身份认证签发的访问令牌（受众 servicehall）。",
                    },
                },
            },
        };
        return (document, missing);
    }

    async Task<JsonObject?> FetchAsync(Uri address, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync(address, cancellationToken);
            return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Schemas shared by several services (google.rpc.Status, well-known types) are the same wherever they come from.</summary>
    static void Copy(JsonObject? from, JsonObject to)
    {
        foreach (var (key, value) in from ?? [])
        {
            if (value is not null && !to.ContainsKey(key))
            {
                to[key] = value.DeepClone();
            }
        }
    }

    static JsonObject Sorted(JsonObject o) => new(o.OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
}
