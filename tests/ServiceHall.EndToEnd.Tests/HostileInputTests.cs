using System.Net.Http.Headers;
using System.Text;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// What an attacker or a broken client sends through the gateway: oversized, malformed, injection-shaped, wrongly
/// typed, huge page tokens, forged events, bad tokens. Every answer is a clear refusal or an ordinary answer,
/// never a 5xx: a server error would mean an input reached code that did not expect it.
/// </summary>
public sealed class HostileInputTests(HallFixture hall)
{
    public sealed record Case(string Who, string Method, string Path, string? Body = null, string? ContentType = null, string? Authorization = null)
    {
        public override string ToString() => $"{Who} {Method} {(Path.Length > 80 ? Path[..80] + "…" : Path)}{(Body is null ? "" : " body " + (Body.Length > 40 ? Body[..40] + "…" : Body))}";
    }

    static string Many(char c, int count) => new(c, count);

    static string Token(int offset) => Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes(offset.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    static readonly string Nested = Many('[', 5000) + Many(']', 5000);

    static readonly Case[] All =
    [
        // Reads anyone may send.
        new("anonymous", "GET", "/api/catalog/items/%00"),
        new("anonymous", "GET", "/api/catalog/items/'%20OR%201=1%20--"),
        new("anonymous", "GET", "/api/catalog/items/%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        new("anonymous", "GET", "/api/catalog/items/" + Many('a', 5000)),
        new("anonymous", "GET", "/api/catalog/items?pageSize=-1"),
        new("anonymous", "GET", "/api/catalog/items?pageSize=abc"),
        new("anonymous", "GET", "/api/catalog/items?pageSize=99999999999"),
        new("anonymous", "GET", "/api/catalog/items?pageToken=!!!"),
        new("anonymous", "GET", "/api/catalog/items?pageToken=" + Token(int.MaxValue)),
        new("anonymous", "GET", "/api/catalog/items?pageToken=" + Many('A', 4000)),
        new("anonymous", "GET", "/api/catalog/items?onlineDepth=9"),
        new("anonymous", "GET", "/api/catalog/items?onlineDepth=ONLINE_DEPTH_NOPE"),
        new("anonymous", "GET", "/api/catalog/items?personTheme=%27%3B%20DROP%20TABLE%20items%3B%20--"),
        new("anonymous", "GET", "/api/catalog/items?departmentCode=" + Many('x', 300)),
        new("anonymous", "GET", "/api/catalog/items?towns=maybe"),
        new("anonymous", "GET", "/api/catalog/departments/..%2F..%2Fetc%2Fpasswd"),
        new("anonymous", "GET", "/api/catalog/departments/" + Many('9', 200)),
        new("anonymous", "GET", "/api/catalog/items/x/versions/abc"),
        new("anonymous", "GET", "/api/catalog/items/x/versions/-1"),
        new("anonymous", "GET", "/api/catalog/items/x/versions/99999999999"),
        new("anonymous", "GET", "/api/catalog/items/%00/questions"),
        new("anonymous", "GET", "/api/catalog/items/x/history"),
        new("anonymous", "GET", "/api/catalog/calendar/99999"),
        new("anonymous", "GET", "/api/catalog/calendar/-1"),
        new("anonymous", "GET", "/api/catalog/calendar/abc"),
        new("anonymous", "GET", "/api/credit/entities/111111111111111111"),
        new("anonymous", "GET", "/api/credit/entities/%F0%9F%98%80"),
        new("anonymous", "GET", "/api/credit/entities/" + Many('A', 1000)),
        new("anonymous", "GET", "/api/credit/entities/91350100M000100Y4%00"),
        new("anonymous", "GET", "/api/search?q=%00"),
        new("anonymous", "GET", "/api/search?q=" + Many('a', 10000)),
        new("anonymous", "GET", "/api/search?q=*%3A*"),
        new("anonymous", "GET", "/api/search?q=title%3A(a%20OR%20b)"),
        new("anonymous", "GET", "/api/search?q=a&pageToken=" + Many('A', 4000)),
        new("anonymous", "GET", "/api/search?q=a&pageToken=" + Token(int.MaxValue)),
        new("anonymous", "GET", "/api/search?q=a&type=DOCUMENT_TYPE_NOPE"),
        new("anonymous", "GET", "/api/search?q=a&type=99"),
        new("anonymous", "GET", "/api/search?q=a&onlineDepth=-1"),
        new("anonymous", "GET", "/api/search?q=a&pageSize=1000000"),
        new("anonymous", "GET", "/api/search?q=a&explain=true"),
        new("anonymous", "GET", "/api/search?q=11010519491231002X"),
        new("anonymous", "GET", "/api/search/suggest?q=" + Many('b', 5000)),
        new("anonymous", "GET", "/api/search/suggest?q=a&limit=-5"),
        new("anonymous", "GET", "/api/search?q=%E0%A4%A"),
        new("anonymous", "GET", "/api/disclosures/organizations/..%2F..%2F/disclosures"),
        new("anonymous", "GET", "/api/disclosures/organizations/x/disclosures?pageSize=-3"),
        new("anonymous", "GET", "/api/disclosures/organizations/" + Many('x', 500) + "/disclosures"),
        new("anonymous", "GET", "/api/applications/mine"),
        new("anonymous", "GET", "/api/applications/SH20260101ABCDEFGH"),
        // Forged events and internal endpoints are not reachable through the gateway.
        new("anonymous", "POST", "/events/catalog-item-changed", """{"itemId":"x","version":"9223372036854775807"}"""),
        new("anonymous", "GET", "/dapr/subscribe"),
        // Writes without signing in, and with forged tokens.
        new("anonymous", "POST", "/api/catalog/items", "{}"),
        new("anonymous", "POST", "/api/applications", "{}"),
        new("anonymous", "POST", "/api/catalog/items", "{}", Authorization: "Bearer garbage"),
        new("anonymous", "POST", "/api/catalog/items", "{}", Authorization: "Bearer " + Many('a', 10000)),
        new("anonymous", "POST", "/api/catalog/items", "{}", Authorization: "Basic YWRtaW46YWRtaW4="),
        // Writes by a signed-in officer with broken bodies.
        new(DemoCounty.Ziranziyuan, "POST", "/api/catalog/items", "not json"),
        new(DemoCounty.Ziranziyuan, "POST", "/api/catalog/items", "[]"),
        new(DemoCounty.Ziranziyuan, "POST", "/api/catalog/items", """{"basicCode": 12345}"""),
        new(DemoCounty.Ziranziyuan, "POST", "/api/catalog/items", """{"onlineDepth":"ONLINE_DEPTH_ELEVEN"}"""),
        new(DemoCounty.Ziranziyuan, "POST", "/api/catalog/items", """{"siteVisits": 1e99}"""),
        new(DemoCounty.Ziranziyuan, "POST", "/api/catalog/items", """{"siteVisits": "abc"}"""),
        new(DemoCounty.Ziranziyuan, "POST", "/api/catalog/items", "{\"name\": \"" + Many('字', 200_000) + "\"}"),
        new(DemoCounty.Ziranziyuan, "POST", "/api/catalog/items", Nested),
        new(DemoCounty.Ziranziyuan, "POST", "/api/catalog/items", """{"materials":[{"copies":-1}]}"""),
        new(DemoCounty.Ziranziyuan, "POST", "/api/catalog/items", "{}", ContentType: "text/plain"),
        new(DemoCounty.Ziranziyuan, "POST", "/api/catalog/items", """{"unknownField": 1}"""),
        new(DemoCounty.Ziranziyuan, "PUT", "/api/catalog/items/no-such-item/draft", "{}"),
        new(DemoCounty.Ziranziyuan, "POST", "/api/catalog/items/no-such-item:publish", """{"reason":"x"}"""),
        new(DemoCounty.Ziranziyuan, "POST", "/api/catalog/items/%00:suspend", """{"reason":"\u0000"}"""),
        new(DemoCounty.Ziranziyuan, "POST", "/api/catalog/departments", """{"code":"' OR 1=1"}"""),
        new(DemoCounty.Ziranziyuan, "PUT", "/api/catalog/calendar/2027", """{"holidays":["2027-13-45"]}"""),
        new(DemoCounty.Ziranziyuan, "POST", "/api/credit/entities", """{"code":"' OR 1=1"}"""),
        new(DemoCounty.Xinyong, "POST", "/api/credit/entities/91350100M000100Y43/penalties", """{"penalty":{"fineAmountWan":"1e308","decisionDate":"9999-99-99"}}"""),
        new(DemoCounty.Xinyong, "POST", "/api/credit/entities", """{"code":"91350100M000100Y43","name":"<img src=x onerror=alert(1)>","entityCategory":"x","address":"11010519491231002X"}"""),
        new(DemoCounty.Zhangsan, "POST", "/api/applications", """{"itemId":"' OR 1=1 --","applicantName":"张三","applicantIdNumber":"abc","applicantPhone":"1","idempotencyKey":"k"}"""),
        new(DemoCounty.Zhangsan, "POST", "/api/applications", "{\"itemId\":\"x\",\"idempotencyKey\":\"" + Many('k', 5000) + "\"}"),
        new(DemoCounty.Zhangsan, "POST", "/api/applications/SH20260101ABCDEFGH:reveal", """{"reason":"\n\n"}"""),
        new(DemoCounty.Zhangsan, "POST", "/api/applications/materials", """{"fileName":"../../etc/passwd","content":"TVqQAAMAAAAEAAAA"}"""),
        new(DemoCounty.Zhangsan, "POST", "/api/applications/materials", """{"fileName":"a.pdf","content":"not base64 at all!!"}"""),
        new(DemoCounty.Zhangsan, "POST", "/api/applications/materials", "{\"fileName\":\"" + Many('名', 5000) + "\",\"content\":\"JVBERi0=\"}"),
        new(DemoCounty.Zhangsan, "POST", "/api/applications", """{"itemId":"x","applicantName":"张三","idempotencyKey":"k","materials":[{"slot":"' OR 1=1","materialId":"../../x"}]}"""),
        new(DemoCounty.Zhangsan, "GET", "/api/applications/SH20260101ABCDEFGH/materials/..%2F..%2Fetc"),
        new(DemoCounty.Zhangsan, "POST", "/api/catalog/items/x/consultations", "{\"question\":\"" + Many('问', 100_000) + "\"}"),
        new(DemoCounty.Yiyuan, "POST", "/api/disclosures/organizations/x/disclosures", """{"kind":"DISCLOSURE_KIND_NOPE"}"""),
        new(DemoCounty.Yiyuan, "POST", "/api/disclosures/organizations", """{"id":"../../etc","sector":99}"""),
    ];

    public static TheoryData<Case> Cases => new(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task No_hostile_input_gets_a_server_error(Case hostile)
    {
        var http = hostile.Who == "anonymous" ? hall.Http : await hall.HttpAs(hostile.Who);
        using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Path);
        if (hostile.Body is not null)
        {
            request.Content = new StringContent(hostile.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(hostile.ContentType ?? "application/json");
        }
        if (hostile.Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", hostile.Authorization);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{hostile}: {status} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    [Fact]
    public void The_run_holds_at_least_sixty_cases() => Assert.True(All.Length >= 60, $"{All.Length} cases");
}
