using Grpc.Core;
using ServiceHall.Credit.V1;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// The credit lookup box through the gateway, anonymous, on the running hall: an entity registered by the credit
/// editor is found by its credit code, 工商注册号, 组织机构代码, name, pinyin and initials, over JSON and gRPC,
/// from credit's own store (docs/domain.md §7).
/// </summary>
public sealed class CreditLookupJourneyTests(HallFixture hall)
{
    /// <summary>Characters whose pinyin the test spells out, so each run's name is its own.</summary>
    static readonly (char Han, string Pinyin)[] Syllables =
    [
        ('金', "jin"), ('木', "mu"), ('水', "shui"), ('火', "huo"), ('土', "tu"), ('松', "song"), ('柏', "bai"), ('竹', "zhu"),
        ('梅', "mei"), ('兰', "lan"), ('菊', "ju"), ('桃', "tao"), ('李', "li"), ('杏', "xing"), ('茶', "cha"), ('米', "mi"),
    ];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_entity_is_found_by_code_older_codes_name_pinyin_and_initials_through_the_gateway()
    {
        var code = TestCodes.NewCreditCode();
        var registrationNumber = TestCodes.NewRegistrationNumber();
        var picked = Enumerable.Range(0, 5).Select(_ => Syllables[Random.Shared.Next(Syllables.Length)]).ToList();
        var brand = string.Concat(picked.Select(s => s.Han));
        var name = "镇康县" + brand + "农业开发有限公司";
        var pinyin = "zhenkangxian" + string.Concat(picked.Select(s => s.Pinyin)) + "nongyekaifayouxiangongsi";
        var initials = "zkx" + string.Concat(picked.Select(s => s.Pinyin[..1])) + "nykfyxgs";

        var editor = await hall.HttpAs(DemoCounty.Xinyong);
        var (registered, _) = await editor.SendAsync(HttpMethod.Post, "/api/credit/entities", new
        {
            code, name, entityCategory = "法人及非法人组织", legalRepresentative = "赵六", address = "云南省临沧市镇康县凤尾镇",
            registrationNumber, organisationCode = code[8..16] + "-" + code[16], status = "ENTITY_STATUS_REVOKED",
        });
        Assert.Equal(200, registered);

        async Task<string?> FoundAsync(string q, string expectedMatch)
        {
            var (status, body) = await hall.Http.SendAsync(HttpMethod.Get, "/api/credit/entities?pageSize=100&q=" + Uri.EscapeDataString(q));
            Assert.Equal(200, status);
            var hit = body!["entities"]?.AsArray().SingleOrDefault(e => (string?)e!["code"] == code);
            Assert.True(hit is not null, $"{code} not found by {q}: {body.ToJsonString()}");
            Assert.Equal((name, "ENTITY_STATUS_REVOKED", expectedMatch), ((string?)hit["name"], (string?)hit["status"], (string?)hit["matchedBy"]));
            return (string?)hit["registrationNumber"];
        }

        Assert.Equal(registrationNumber, await FoundAsync(code.ToLowerInvariant(), "ENTITY_MATCH_CREDIT_CODE"));
        await FoundAsync(registrationNumber, "ENTITY_MATCH_REGISTRATION_NUMBER");
        await FoundAsync(code[8..16] + "-" + code[16], "ENTITY_MATCH_ORGANISATION_CODE");
        await FoundAsync("镇康县" + brand, "ENTITY_MATCH_NAME_PREFIX");
        await FoundAsync(brand + "农业", "ENTITY_MATCH_NAME_TEXT");
        await FoundAsync(pinyin, "ENTITY_MATCH_PINYIN");
        await FoundAsync(initials, "ENTITY_MATCH_INITIALS");

        // The same over gRPC through the gateway, without signing in.
        var lookup = new CreditLookupService.CreditLookupServiceClient(hall.GrpcAnonymous);
        var byInitials = await lookup.FindEntitiesAsync(new FindEntitiesRequest { Q = initials.ToUpperInvariant(), PageSize = 100 }, cancellationToken: Ct);
        var hit = Assert.Single(byInitials.Entities, e => e.Code == code);
        Assert.Equal((EntityStatus.Revoked, EntityMatch.Initials, code[8..17]), (hit.Status, hit.MatchedBy, hit.OrganisationCode));

        var refused = await Assert.ThrowsAsync<RpcException>(() => lookup.FindEntitiesAsync(new FindEntitiesRequest { Q = "" }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal((StatusCode.InvalidArgument, "查询内容：必填"), (refused.StatusCode, refused.Status.Detail));
    }
}
