using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Xunit;

namespace ServiceHall.Testing;

/// <summary>Posts an event the way Dapr and the local bus deliver it: a CloudEvent envelope around the JSON payload.</summary>
public static class CloudEvents
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string route, string topic, IMessage payload) =>
        PostRawAsync(http, route, topic, JsonFormatter.Default.Format(payload));

    public static async Task<HttpResponseMessage> PostRawAsync(HttpClient http, string route, string topic, string payloadJson)
    {
        var envelope = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = Guid.NewGuid().ToString(),
            ["source"] = "tests",
            ["type"] = "com.dapr.event.sent",
            ["topic"] = topic,
            ["pubsubname"] = "pubsub",
            ["time"] = DateTime.UtcNow.ToString("O"),
            ["datacontenttype"] = "application/json",
            ["data"] = JsonNode.Parse(payloadJson),
        };
        using var content = new StringContent(envelope.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json") { CharSet = "utf-8" };
        return await http.PostAsync(route, content, TestContext.Current.CancellationToken);
    }
}
