using Grpc.Core;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>A guide is public: a resident ID anywhere, or a mobile number outside the phone fields, is refused.</summary>
public sealed class GuidePersonalNumberTests
{
    [Fact]
    public async Task Personal_numbers_in_guide_text_are_refused_by_field_without_repeating_them()
    {
        await using var host = new ServiceHost<Program>("catalog", Databases.Sqlite);
        await Sample.AddDepartmentsAsync(host);
        var catalog = Sample.Catalog(host, Sample.OfficerOf(Sample.PoliceCode));
        var guide = Sample.Guide();
        guide.Conditions += "如有疑问请联系经办人，身份证号11010519491231002X。";
        guide.Faqs[0].Answer = "可以，或拨打13812345678咨询。";

        var refused = await Assert.ThrowsAsync<RpcException>(() => catalog.CreateItemAsync(new CreateItemRequest { Guide = guide }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("guide.conditions: 受理条件：含有居民身份证号码", refused.Violations());
        Assert.Contains("guide.faqs[0].answer: 常见问题第1项的解答：含有手机号码", refused.Violations());
        Assert.DoesNotContain("11010519491231002X", refused.Status.Detail);
        Assert.DoesNotContain("13812345678", refused.Status.Detail);

        // A mobile number as the consultation line is a service line people may call.
        var withMobileLine = Sample.Guide(basicCode: "000100000002");
        withMobileLine.Contacts.ConsultPhone = "13812345678";
        var created = await catalog.CreateItemAsync(new CreateItemRequest { Guide = withMobileLine });
        Assert.DoesNotContain(created.Problems, p => p.Rule == "no-personal-numbers");
    }
}
