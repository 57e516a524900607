using System.Net;
using System.Text;
using System.Text.Json;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

/// <summary>The public HTTP/JSON face of the same gRPC methods (JSON transcoding).</summary>
public sealed class CreditHttpTests
{
    const string Code = "91350100M000100Y43";

    [Fact]
    public async Task Entities_are_registered_penalised_and_read_as_json()
    {
        await using var host = new ServiceHost<Program>("credit", Databases.Sqlite);
        var http = host.ClientAs(TestUser.CreditEditor(DemoCounty.MarketRegulation, DemoCounty.Xinyong));
        var ct = TestContext.Current.CancellationToken;

        var registered = await http.PostAsync("/api/credit/entities", Json(new
        {
            code = Code,
            name = "福州示范食品有限公司",
            entityCategory = "法人及非法人组织",
            legalRepresentative = "张伟",
            address = "福建省福州市鼓楼区示范路1号",
        }), ct);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var penalised = await http.PostAsync($"/api/credit/entities/{Code}/penalties", Json(new
        {
            decisionNumber = "县市监罚〔2026〕5号",
            category = "警告",
            content = "警告",
            decisionDate = PublicityPeriod.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            authority = "县市场监督管理局",
            authorityCode = DemoCounty.MarketRegulation,
        }), ct);
        Assert.Equal(HttpStatusCode.OK, penalised.StatusCode);

        // The lookup is public: no token.
        var response = await host.CreateClient().GetAsync($"/api/credit/entities/{Code.ToLowerInvariant()}", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var entity = body.RootElement;
        Assert.Equal(Code, entity.GetProperty("code").GetString());
        Assert.Equal("法人及非法人组织", entity.GetProperty("entityCategory").GetString());
        Assert.Equal("张伟", entity.GetProperty("legalRepresentative").GetString());
        Assert.True(entity.TryGetProperty("registeredAt", out _));
        var penalty = Assert.Single(entity.GetProperty("penalties").EnumerateArray());
        Assert.Equal("县市监罚〔2026〕5号", penalty.GetProperty("decisionNumber").GetString());
        Assert.True(penalty.TryGetProperty("publicityUntil", out _));
        Assert.Equal(DemoCounty.MarketRegulation, penalty.GetProperty("authorityCode").GetString());
    }

    [Fact]
    public async Task Writes_need_a_token_and_the_right_role()
    {
        await using var host = new ServiceHost<Program>("credit", Databases.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var registration = Json(new { code = Code, name = "福州示范食品有限公司", entityCategory = "法人及非法人组织" });

        var anonymous = await host.CreateClient().PostAsync("/api/credit/entities", registration, ct);
        var applicant = await host.ClientAs(TestUser.Person(DemoCounty.Zhangsan)).PostAsync("/api/credit/entities", registration, ct);
        var penalty = await host.CreateClient().PostAsync($"/api/credit/entities/{Code}/penalties", Json(new { decisionNumber = "x" }), ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, applicant.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, penalty.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().GetAsync($"/api/credit/entities/{Code}", ct)).StatusCode);
    }

    [Fact]
    public async Task A_malformed_code_is_a_400_naming_the_problem()
    {
        await using var host = new ServiceHost<Program>("credit", Databases.Sqlite);
        var http = host.CreateClient();

        var response = await http.GetAsync("/api/credit/entities/91350100M000100Y44", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // People read the message; programs read the field's path from google.rpc.BadRequest in the details.
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("统一社会信用代码：校验码（第18位）应为“3”，不是“4”", body.GetProperty("message").GetString());
        var details = Assert.Single(body.GetProperty("details").EnumerateArray());
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", details.GetProperty("@type").GetString());
        var violation = Assert.Single(details.GetProperty("fieldViolations").EnumerateArray());
        Assert.Equal("code", violation.GetProperty("field").GetString());
        Assert.Equal("统一社会信用代码：校验码（第18位）应为“3”，不是“4”", violation.GetProperty("description").GetString());
    }

    [Fact]
    public async Task An_unknown_code_is_a_404()
    {
        await using var host = new ServiceHost<Program>("credit", Databases.Sqlite);

        var response = await host.CreateClient().GetAsync($"/api/credit/entities/{Code}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
