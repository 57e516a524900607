using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

/// <summary>The lookup box from credit's own store (FindEntities), against SQLite and PostgreSQL alike.</summary>
public sealed class CreditLookupTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string Hospital = "1253092401590001X1";
    const string Restaurant = "91530924MA6K00014F";
    const string Bakery = "91530924MA6K00022A";
    const string Machinery = "91530924MA6K000305";
    const string HospitalRegistration = "530924000000129";

    static readonly TestUser Xinyong = TestUser.CreditEditor(DemoCounty.MarketRegulation, DemoCounty.Xinyong);

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    static async Task SeedAsync(ServiceHost<Program> host)
    {
        var credit = new V1.CreditService.CreditServiceClient(host.As(Xinyong));
        await credit.RegisterEntityAsync(new RegisterEntityRequest
        {
            Code = Hospital, Name = "县人民医院", EntityCategory = "事业单位", LegalRepresentative = "赵医生",
            RegistrationNumber = HospitalRegistration, OrganisationCode = "01590001-x",
        }, cancellationToken: Cancel);
        await credit.RegisterEntityAsync(new RegisterEntityRequest
        {
            Code = Restaurant, Name = "镇康县好滋味餐饮管理有限公司", EntityCategory = "法人及非法人组织", LegalRepresentative = "陈建国",
        }, cancellationToken: Cancel);
        await credit.RegisterEntityAsync(new RegisterEntityRequest
        {
            Code = Bakery, Name = "镇康县好滋味烘焙店", EntityCategory = "个体工商户", LegalRepresentative = "李美华", Status = EntityStatus.Revoked,
        }, cancellationToken: Cancel);
        await credit.RegisterEntityAsync(new RegisterEntityRequest
        {
            Code = Machinery, Name = "南伞边贸精工机械有限公司", EntityCategory = "法人及非法人组织", LegalRepresentative = "王志强", Status = EntityStatus.Deregistered,
        }, cancellationToken: Cancel);
    }

    static async Task<FindEntitiesResponse> FindAsync(ServiceHost<Program> host, string q, int pageSize = 0, string pageToken = "") =>
        await new V1.CreditLookupService.CreditLookupServiceClient(host.Channel)
            .FindEntitiesAsync(new FindEntitiesRequest { Q = q, PageSize = pageSize, PageToken = pageToken }, cancellationToken: Cancel);

    static string Codes(FindEntitiesResponse found) => string.Join(",", found.Entities.Select(e => e.Code));

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Finds_an_entity_by_its_credit_code_registration_number_and_organisation_code(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        await SeedAsync(host);

        var byCode = await FindAsync(host, " " + Hospital.ToLowerInvariant());
        var hit = Assert.Single(byCode.Entities);
        Assert.Equal((Hospital, "县人民医院", EntityMatch.CreditCode, EntityStatus.Operating), (hit.Code, hit.Name, hit.MatchedBy, hit.Status));
        Assert.Equal((HospitalRegistration, "01590001X"), (hit.RegistrationNumber, hit.OrganisationCode));

        var byNumber = Assert.Single((await FindAsync(host, HospitalRegistration)).Entities);
        Assert.Equal((Hospital, EntityMatch.RegistrationNumber), (byNumber.Code, byNumber.MatchedBy));

        // Every credit code carries its organisation code, so an entity registered without one is found by it too.
        var byOrganisation = Assert.Single((await FindAsync(host, "ma6k0001-4")).Entities);
        Assert.Equal((Restaurant, EntityMatch.OrganisationCode, "MA6K00014"), (byOrganisation.Code, byOrganisation.MatchedBy, byOrganisation.OrganisationCode));

        // A valid code nobody registered finds nothing, rather than names that happen to contain its digits.
        Assert.Empty((await FindAsync(host, "91530924MA6K000492")).Entities);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Finds_entities_by_name_prefix_text_pinyin_and_initials_with_their_status(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        await SeedAsync(host);

        // The beginning of the name: both 好滋味 entities, the revoked one showing it.
        var prefix = await FindAsync(host, "镇康县好滋味");
        Assert.Equal($"{Bakery},{Restaurant}", Codes(prefix));
        Assert.All(prefix.Entities, e => Assert.Equal(EntityMatch.NamePrefix, e.MatchedBy));
        Assert.Equal(EntityStatus.Revoked, prefix.Entities[0].Status);

        // Any part of it, and several words each found somewhere in it.
        var inside = Assert.Single((await FindAsync(host, "精工机械")).Entities);
        Assert.Equal((Machinery, EntityMatch.NameText, EntityStatus.Deregistered), (inside.Code, inside.MatchedBy, inside.Status));
        Assert.Equal(Restaurant, Assert.Single((await FindAsync(host, "好滋味 餐饮")).Entities).Code);

        // Pinyin, whole or from a syllable inside, spaces and case ignored; and initials.
        var pinyin = Assert.Single((await FindAsync(host, "xianrenminyiyuan")).Entities);
        Assert.Equal((Hospital, EntityMatch.Pinyin), (pinyin.Code, pinyin.MatchedBy));
        Assert.Equal(Hospital, Assert.Single((await FindAsync(host, "Renmin Yiyuan")).Entities).Code);
        var initials = Assert.Single((await FindAsync(host, "xrmyy")).Entities);
        Assert.Equal((Hospital, EntityMatch.Initials), (initials.Code, initials.MatchedBy));
        Assert.Equal($"{Bakery},{Restaurant}", Codes(await FindAsync(host, "zkxhzw")));

        // A homophone typed in characters (县仁民医院) still meets the name by its sound.
        var homophone = Assert.Single((await FindAsync(host, "县仁民医院")).Entities);
        Assert.Equal((Hospital, EntityMatch.Pinyin), (homophone.Code, homophone.MatchedBy));

        Assert.Empty((await FindAsync(host, "不存在的公司")).Entities);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Pages_through_many_matches_in_a_stable_order(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        var credit = new V1.CreditService.CreditServiceClient(host.As(Xinyong));
        var codes = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var code = CodeFor($"MA6P000{i}");
            codes.Add(code);
            await credit.RegisterEntityAsync(new RegisterEntityRequest { Code = code, Name = $"镇康县第{"一二三四五六七"[i]}分店", EntityCategory = "个体工商户" }, cancellationToken: Cancel);
        }

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await FindAsync(host, "zkxd", pageSize: 3, pageToken: token);
            Assert.True(page.Entities.Count <= 3);
            seen.AddRange(page.Entities.Select(e => e.Code));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(codes.Order().ToList(), seen.Order().ToList());
        Assert.Equal(7, seen.Distinct().Count());
    }

    [Fact]
    public async Task Refuses_an_empty_query_a_long_one_and_personal_numbers()
    {
        await using var host = new ServiceHost<Program>("credit", Testing.Databases.Sqlite);

        var empty = await Assert.ThrowsAsync<RpcException>(() => FindAsync(host, "  "));
        Assert.Equal((StatusCode.InvalidArgument, "查询内容：必填"), (empty.StatusCode, empty.Status.Detail));
        var longer = await Assert.ThrowsAsync<RpcException>(() => FindAsync(host, new string('县', 101)));
        Assert.Contains("查询内容：不能超过100个字", longer.Status.Detail);
        var person = await Assert.ThrowsAsync<RpcException>(() => FindAsync(host, "11010519491231002X"));
        Assert.Equal(StatusCode.InvalidArgument, person.StatusCode);
        Assert.Contains("不能按身份证号码或手机号码查询", person.Status.Detail);
        var token = await Assert.ThrowsAsync<RpcException>(() => FindAsync(host, "县", pageToken: "not-ours"));
        Assert.Contains("翻页标记", token.Status.Detail);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Registration_checks_the_older_codes_and_the_status(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        var credit = new V1.CreditService.CreditServiceClient(host.As(Xinyong));

        var refused = await Assert.ThrowsAsync<RpcException>(() => credit.RegisterEntityAsync(new RegisterEntityRequest
        {
            Code = Restaurant, Name = "镇康县好滋味餐饮管理有限公司", EntityCategory = "法人及非法人组织",
            RegistrationNumber = "530924000000128", OrganisationCode = "MA6K00022", Status = (EntityStatus)42,
        }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("工商注册号：校验位（第15位）应为“9”，不是“8”", refused.Status.Detail);
        Assert.Contains("组织机构代码：应与统一社会信用代码第9至17位（MA6K00014）一致", refused.Status.Detail);
        Assert.Contains("登记状态：不是已知的登记状态", refused.Status.Detail);

        var wrongCheck = await Assert.ThrowsAsync<RpcException>(() => credit.RegisterEntityAsync(new RegisterEntityRequest
        {
            Code = Restaurant, Name = "镇康县好滋味餐饮管理有限公司", EntityCategory = "法人及非法人组织", OrganisationCode = "MA6K0001-5",
        }, cancellationToken: Cancel).ResponseAsync);
        Assert.Contains("组织机构代码：校验码（第9位）应为“4”，不是“5”", wrongCheck.Status.Detail);

        var registered = await credit.RegisterEntityAsync(new RegisterEntityRequest
        {
            Code = Restaurant, Name = "镇康县好滋味餐饮管理有限公司", EntityCategory = "法人及非法人组织", RegistrationNumber = "530924 000000 129",
        }, cancellationToken: Cancel);
        Assert.Equal(("530924000000129", "MA6K00014", EntityStatus.Operating), (registered.RegistrationNumber, registered.OrganisationCode, registered.Status));
        var shown = await new V1.CreditService.CreditServiceClient(host.Channel).GetEntityAsync(new GetEntityRequest { Code = Restaurant }, cancellationToken: Cancel);
        Assert.Equal(("530924000000129", "MA6K00014", EntityStatus.Operating), (shown.RegistrationNumber, shown.OrganisationCode, shown.Status));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_backfill_gives_entities_stored_before_the_lookup_their_pinyin(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        await SeedAsync(host);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // As the EntityLookup migration leaves the rows registered before it.
            await scope.ServiceProvider.GetRequiredService<CreditDb>().Entities
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.NamePinyin, "").SetProperty(e => e.NameInitials, ""), Cancel);
        }
        Assert.Empty((await FindAsync(host, "xrmyy")).Entities);

        var backfill = host.Services.GetRequiredService<NamePinyinBackfill>();
        Assert.Equal(4, await backfill.FillAsync(Cancel));
        Assert.Equal(0, await backfill.FillAsync(Cancel));

        Assert.Equal(Hospital, Assert.Single((await FindAsync(host, "xrmyy")).Entities).Code);
        await using var check = host.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<CreditDb>().Entities.AsNoTracking().SingleAsync(e => e.Code == Machinery, Cancel);
        Assert.Equal(("nansanbianmaojinggongjixieyouxiangongsi", "nsbmjgjxyxgs"), (stored.NamePinyin, stored.NameInitials));
    }

    [Theory]
    [InlineData("县人民医院", "xianrenminyiyuan", "xrmyy")]
    [InlineData("ABC科技（镇康）有限公司", "abckejizhenkangyouxiangongsi", "abckjzkyxgs")]
    [InlineData("镇康县张*店", "zhenkangxianzhangdian", "zkxzd")]
    public void The_name_pinyin_keeps_letters_and_digits_and_skips_punctuation(string name, string pinyin, string initials) =>
        Assert.Equal((pinyin, initials), (Data.MarketEntity.NamePinyinOf(name), Data.MarketEntity.NameInitialsOf(name)));

    [Theory]
    [InlineData("110108000000016", null)]
    [InlineData("530924000000129", null)]
    [InlineData("530924000000128", "校验位（第15位）应为“9”，不是“8”")]
    [InlineData("53092400000012", "应为15位数字，现为14位")]
    [InlineData("53092400000012A", "只能由数字组成")]
    public void A_registration_number_has_an_ISO_7064_check_digit(string number, string? problem) =>
        Assert.Equal(problem, LegacyCodes.RegistrationNumberProblem(number));

    static string CodeFor(string organisationBody)
    {
        var organisation = organisationBody + CreditCode.OrganisationCheckCharacter(organisationBody);
        var first17 = "91530924" + organisation;
        return first17 + CreditCode.CheckCharacter(first17);
    }
}
