using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Testing;

namespace ServiceHall.Gateway.Tests;

/// <summary>
/// The gateway's own policies, in-process. Its backends are deliberately absent here (the addresses point at a
/// closed port): what is tested is what the gateway decides before, or instead of, proxying.
/// </summary>
public sealed class GatewayPolicyTests
{
    sealed class Gateway(int permits = 100, long maxBody = 1024, string identity = "http://127.0.0.1:9", string? trustedProxy = null, string caller = "203.0.113.9")
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            if (trustedProxy is not null)
            {
                builder.UseSetting("Gateway:TrustedProxies:0", trustedProxy);
            }
            // The test server has no connection address; each request comes from this one.
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new CallerAddress(System.Net.IPAddress.Parse(caller))));
            builder.UseSetting("Gateway:RateLimit:PermitsPerWindow", permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Gateway:RateLimit:Window", "00:01:00");
            builder.UseSetting("Gateway:MaxRequestBodyBytes", maxBody.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var service in new[] { "catalog", "applications", "credit", "disclosures", "search" })
            {
                builder.UseSetting($"ReverseProxy:Clusters:{service}:Destinations:primary:Address", "http://127.0.0.1:9");
            }
            builder.UseSetting("Identity:Authority", identity);
            builder.ConfigureTestServices(TestIdentity.Trust);
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_and_a_message()
    {
        await using var gateway = new Gateway(maxBody: 1024);
        var response = await gateway.CreateClient().PostAsync("/api/catalog/items",
            new StringContent(new string('x', 2048), System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("超过上限1024字节", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_upload_of_a_whole_file_in_base64_passes_the_body_limit_and_a_larger_one_is_refused()
    {
        // The shipped default: one 10 MiB file as base64 in JSON, with its name around it.
        await using var gateway = new Gateway(maxBody: 1024);
        var base64 = new string('A', (int)(10L * 1024 * 1024 / 3 * 4) + 4);
        var upload = await gateway.CreateClient().PostAsync("/api/applications/materials",
            new StringContent($$"""{"fileName": "申请书.pdf", "content": "{{base64}}"}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        // Past the gateway's limits: the absent backend answers (502/503), not the gateway's 413.
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);

        var tooLarge = await gateway.CreateClient().PostAsync("/api/applications/materials",
            new StringContent(new string('A', 16 * 1024 * 1024), System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        // Everywhere else the ordinary limit stands.
        var elsewhere = await gateway.CreateClient().PostAsync("/api/applications",
            new StringContent(new string('x', 2048), System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, elsewhere.StatusCode);
    }

    [Fact]
    public async Task The_portals_forms_with_files_pass_the_body_limit_and_a_larger_one_is_refused()
    {
        // The apply form with two whole files of 10 MiB each, as a browser posts it (multipart, the files as they are).
        await using var gateway = new Gateway(maxBody: 1024);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(new byte[10 * 1024 * 1024]), "Materials[0].File", "申请书.pdf" },
            { new ByteArrayContent(new byte[10 * 1024 * 1024]), "Materials[1].File", "照片.jpg" },
            { new StringContent("张三"), "ApplicantName" },
        };
        using var apply = await gateway.CreateClient().PostAsync("/items/7f1c0a9e2b3d4c5e8f6a7b8c9d0e1f2a/apply", form, TestContext.Current.CancellationToken);
        // Past the gateway's limits: the absent portal answers (502/503), not the gateway's 413.
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, apply.StatusCode);

        foreach (var path in new[] { "/my/applications/SH20260101K7M2Q9XB?handler=correct", "/work/cases/SH20260101K7M2Q9XB?handler=decide" })
        {
            using var tooLarge = await gateway.CreateClient().PostAsync(path,
                new ByteArrayContent(new byte[51 * 1024 * 1024]), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        }
        // Other portal paths keep the ordinary limit.
        using var elsewhere = await gateway.CreateClient().PostAsync("/items/7f1c0a9e2b3d4c5e8f6a7b8c9d0e1f2a/ask",
            new ByteArrayContent(new byte[2048]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, elsewhere.StatusCode);
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
    public async Task Behind_a_trusted_ingress_each_citizen_has_their_own_limit()
    {
        // Every request arrives from the ingress (10.0.0.2); X-Forwarded-For names the citizen.
        await using var gateway = new Gateway(permits: 2, trustedProxy: "10.0.0.0/24", caller: "10.0.0.2");
        var http = gateway.CreateClient();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests],
            [await StatusFrom(http, "198.51.100.1"), await StatusFrom(http, "198.51.100.1"), await StatusFrom(http, "198.51.100.1")]);
        Assert.Equal(HttpStatusCode.OK, await StatusFrom(http, "198.51.100.2"));
    }

    [Fact]
    public async Task From_an_untrusted_caller_x_forwarded_for_is_ignored()
    {
        await using var gateway = new Gateway(permits: 2, caller: "203.0.113.9");
        var http = gateway.CreateClient();

        // A caller cannot escape its limit by claiming ever new addresses.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests],
            [await StatusFrom(http, "198.51.100.1"), await StatusFrom(http, "198.51.100.2"), await StatusFrom(http, "198.51.100.3")]);
    }

    [Fact]
    public async Task A_signed_in_caller_is_limited_by_who_they_are_not_where_they_come_from()
    {
        await using var gateway = new Gateway(permits: 2, caller: "10.0.0.2");
        var http = gateway.CreateClient();
        var officer = TestIdentity.Token(TestUser.Officer(DemoCounty.PublicSecurity));
        var other = TestIdentity.Token(TestUser.Officer(DemoCounty.PublicSecurity, subject: "officer-b"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests],
            [await StatusFrom(http, null, officer), await StatusFrom(http, null, officer), await StatusFrom(http, null, officer)]);
        Assert.Equal(HttpStatusCode.OK, await StatusFrom(http, null, other));
        Assert.Equal(HttpStatusCode.OK, await StatusFrom(http, null));  // the shared address keeps its own count
    }

    /// <summary>A rate-limited route whose backend is down: anything but 429 means the limiter let it through.</summary>
    static async Task<HttpStatusCode> StatusFrom(HttpClient http, string? forwardedFor, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode == HttpStatusCode.TooManyRequests ? response.StatusCode : HttpStatusCode.OK;
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
    public async Task Readiness_names_each_service_that_is_down_to_the_supervisor_and_only_the_status_to_others()
    {
        await using var gateway = new Gateway();
        using var anonymous = await gateway.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, anonymous.StatusCode);
        var overall = JsonNode.Parse(await anonymous.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("Unhealthy", (string?)overall["status"]);
        Assert.Null(overall["checks"]);
        Assert.Null(overall["problems"]);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Authorization = new("Bearer", TestIdentity.Token(TestUser.Supervisor()));
        using var response = await gateway.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("Unhealthy", (string?)body["checks"]!["catalog/primary"]);
        Assert.Equal("Unhealthy", (string?)body["checks"]!["search/primary"]);
        Assert.Contains("did not answer", (string?)body["problems"]!["credit/primary"]);
        Assert.Equal("Unhealthy", (string?)body["checks"]!["identity"]);

        using var live = await gateway.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task The_api_document_and_its_reference_page_need_no_token_and_name_the_services_that_did_not_answer()
    {
        await using var gateway = new Gateway();
        var http = gateway.CreateClient();

        using var document = await http.GetAsync("/api/openapi.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var body = JsonNode.Parse(await document.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("3.0.1", (string?)body["openapi"]);
        Assert.Contains("catalog", (string?)body["info"]!["description"]);
        Assert.Equal("bearer", (string?)body["components"]!["securitySchemes"]!["bearer"]!["scheme"]);

        using var page = await http.GetAsync("/api/docs/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The backends are absent, so a request the gateway let through ends in 502/503, never 401.</summary>
    static bool Proxied(HttpStatusCode status) => status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable;

    [Theory]
    [InlineData("POST", "/api/catalog/items")]
    [InlineData("GET", "/api/catalog/items/item-1/draft")]
    [InlineData("GET", "/api/catalog/guide-report")]
    [InlineData("GET", "/api/catalog/consultations")]
    [InlineData("GET", "/api/applications/SH20260101K7M2Q9XB")]
    [InlineData("POST", "/api/credit/entities")]
    [InlineData("POST", $"/api/disclosures/organizations/{DemoCounty.Hospital}/disclosures")]
    [InlineData("POST", "/servicehall.catalog.v1.CatalogService/CreateItem")]
    [InlineData("POST", "/servicehall.catalog.v1.CatalogService/GetItemDraft")]
    [InlineData("POST", "/servicehall.applications.v1.ApplicationsService/GetApplication")]
    [InlineData("POST", "/servicehall.catalog.v1.ConsultationService/AskQuestion")]
    [InlineData("PUT", "/api/catalog/calendar/2027")]
    [InlineData("POST", "/servicehall.catalog.v1.CalendarService/SetCalendarYear")]
    public async Task A_route_that_is_not_a_public_read_needs_a_signed_in_caller(string method, string path)
    {
        await using var gateway = new Gateway();
        var http = gateway.CreateClient();

        using var anonymous = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var officer = TestUser.Officer(DemoCounty.PublicSecurity);
        string[] refusedTokens =
        [
            TestIdentity.Token(officer, TimeSpan.FromMinutes(-5)), // expired
            TestIdentity.Token(officer, audience: "another-api"),
            TestIdentity.Token(officer, tokenType: "JWT"),           // typed like an identity token, not an access token
        ];
        foreach (var token in refusedTokens)
        {
            using var refused = new HttpRequestMessage(new HttpMethod(method), path);
            refused.Headers.Authorization = new("Bearer", token);
            using var refusedResponse = await http.SendAsync(refused, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, refusedResponse.StatusCode);
        }

        // A valid token gets through to the service, which decides roles and tenancy itself.
        using var signedIn = new HttpRequestMessage(new HttpMethod(method), path);
        signedIn.Headers.Authorization = new("Bearer", TestIdentity.Token(TestUser.Officer(DemoCounty.PublicSecurity)));
        using var signedInResponse = await http.SendAsync(signedIn, TestContext.Current.CancellationToken);
        Assert.True(Proxied(signedInResponse.StatusCode), $"{method} {path} with a token: {signedInResponse.StatusCode}");
    }

    [Theory]
    [InlineData("GET", "/api/catalog/items")]
    [InlineData("GET", "/api/catalog/items/item-1")]
    [InlineData("GET", "/api/catalog/items/item-1/history")]
    [InlineData("GET", "/api/catalog/items/item-1/print")]
    [InlineData("GET", "/api/catalog/items/item-1/questions")]
    [InlineData("GET", "/api/catalog/items/item-1/versions/2")]
    [InlineData("GET", "/api/catalog/navigation")]
    [InlineData("GET", "/api/catalog/departments")]
    [InlineData("GET", $"/api/catalog/departments/{DemoCounty.PublicSecurity}")]
    [InlineData("GET", "/api/catalog/calendar/2027")]
    [InlineData("GET", $"/api/credit/entities/{DemoCounty.Business}")]
    [InlineData("GET", $"/api/disclosures/organizations/{DemoCounty.Hospital}/disclosures")]
    [InlineData("GET", "/api/search?q=x")]
    [InlineData("GET", "/api/search/suggest?q=x")]
    [InlineData("POST", "/servicehall.catalog.v1.CatalogService/GetItem")]
    [InlineData("POST", "/servicehall.catalog.v1.ConsultationService/ListItemQuestions")]
    [InlineData("POST", "/servicehall.catalog.v1.CalendarService/GetCalendarYear")]
    [InlineData("POST", "/servicehall.credit.v1.CreditService/GetEntity")]
    [InlineData("POST", "/servicehall.search.v1.SearchService/Search")]
    public async Task A_public_read_opts_out_and_goes_through_without_a_token(string method, string path)
    {
        await using var gateway = new Gateway();

        using var response = await gateway.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);

        Assert.True(Proxied(response.StatusCode), $"{method} {path} anonymously: {response.StatusCode}");
    }
}
