using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ServiceHall.Gateway.Tests;

/// <summary>
/// The gateway's own policies, in-process. Its backends are deliberately absent here (the addresses point at a
/// closed port): what is tested is what the gateway decides before, or instead of, proxying.
/// </summary>
public sealed class GatewayPolicyTests
{
    sealed class Gateway(int permits = 100, long maxBody = 1024) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Gateway:RateLimit:PermitsPerWindow", permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Gateway:RateLimit:Window", "00:01:00");
            builder.UseSetting("Gateway:MaxRequestBodyBytes", maxBody.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var service in new[] { "catalog", "applications", "credit", "disclosures", "search" })
            {
                builder.UseSetting($"ReverseProxy:Clusters:{service}:Destinations:primary:Address", "http://127.0.0.1:9");
            }
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_and_a_message()
    {
        await using var gateway = new Gateway(maxBody: 1024);
        var response = await gateway.CreateClient().PostAsync("/api/catalog/items",
            new StringContent(new string('x', 2048), System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit is 1024", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Over_the_rate_limit_answers_429_with_retry_after()
    {
        await using var gateway = new Gateway(permits: 2);
        var http = gateway.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync("/api/search?q=x", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
            }
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_a_well_formed_one_is_kept()
    {
        await using var gateway = new Gateway();
        var http = gateway.CreateClient();

        using var fresh = await http.GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.Matches("^[0-9a-f]{32}$", fresh.Headers.GetValues("X-Correlation-Id").Single());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", "caller-chosen-id-42");
        using var kept = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal("caller-chosen-id-42", kept.Headers.GetValues("X-Correlation-Id").Single());

        using var hostile = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        hostile.Headers.Add("X-Correlation-Id", "<script>");
        using var replaced = await http.SendAsync(hostile, TestContext.Current.CancellationToken);
        Assert.NotEqual("<script>", replaced.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Readiness_names_each_service_that_is_down()
    {
        await using var gateway = new Gateway();
        using var response = await gateway.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("Unhealthy", (string?)body["checks"]!["catalog/primary"]);
        Assert.Equal("Unhealthy", (string?)body["checks"]!["search/primary"]);
        Assert.Contains("did not answer", (string?)body["problems"]!["credit/primary"]);

        using var live = await gateway.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
