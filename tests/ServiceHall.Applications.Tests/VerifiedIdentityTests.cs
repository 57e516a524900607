using Grpc.Core;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;
using static ServiceHall.Applications.Tests.Callers;

namespace ServiceHall.Applications.Tests;

/// <summary>
/// When the identity provider verified who someone is (实名认证), an application carries that name and resident ID:
/// empty fields take them, different ones are refused, so nobody applies under another person's identity.
/// </summary>
public sealed class VerifiedIdentityTests
{
    static readonly TestUser VerifiedZhangSan = ZhangSan with { VerifiedName = "张三", VerifiedIdNumber = ZhangSanId };

    static FakeCatalog Catalog() => new FakeCatalog().With("food-licence", ItemStatus.Published);

    [Fact]
    public async Task Empty_name_and_resident_id_are_taken_from_the_verified_identity()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());
        var request = Submit("key-1");
        request.ApplicantName = "";
        request.ApplicantIdNumber = "";

        var submitted = await host.As(VerifiedZhangSan).SubmitApplicationAsync(request, cancellationToken: Cancel);

        Assert.Equal("张三", submitted.ApplicantName);
        Assert.Equal(ZhangSanIdMasked, submitted.ApplicantIdNumber);
        Assert.Equal(ZhangSanId, (await StoredAsync(host, submitted.TrackingNumber)).ApplicantIdNumber);
    }

    [Fact]
    public async Task The_same_name_and_resident_id_as_verified_are_accepted()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());
        var request = Submit("key-1");
        request.ApplicantIdNumber = ZhangSanId.ToLowerInvariant(); // the same number, written with a lower-case x

        var submitted = await host.As(VerifiedZhangSan).SubmitApplicationAsync(request, cancellationToken: Cancel);

        Assert.Equal("张三", submitted.ApplicantName);
    }

    [Theory]
    [InlineData("李四", ZhangSanId, "applicant_name: 申请人姓名：与登录账号实名认证的姓名不一致")]
    [InlineData("张三", LiSiId, "applicant_id_number: 申请人身份证号码：与登录账号实名认证的身份证号码不一致")]
    public async Task Another_name_or_resident_id_than_the_verified_one_is_refused_and_nothing_is_stored(string name, string idNumber, string problem)
    {
        var catalog = Catalog();
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, catalog);
        var request = Submit("key-1");
        request.ApplicantName = name;
        request.ApplicantIdNumber = idNumber;

        var error = await RefusedAsync(host.As(VerifiedZhangSan).SubmitApplicationAsync(request, cancellationToken: Cancel));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.StartsWith(problem, error.Violations());
        Assert.DoesNotContain(idNumber, error.Status.Detail);
        Assert.DoesNotContain(ZhangSanId, error.Status.Detail);
        Assert.Equal(0, catalog.Lookups);
        Assert.Equal(0, await StoredApplicationsAsync(host));
    }

    [Fact]
    public async Task A_business_handler_with_a_verified_id_cannot_name_another_person_as_handler()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());
        var handler = Qiye with { VerifiedName = "王五", VerifiedIdNumber = ZhangSanId };
        var request = Submit("key-1");
        request.ApplicantName = "县某某科技有限公司"; // a business applies under its own name, not its handler's
        request.ApplicantIdNumber = LiSiId;

        var error = await RefusedAsync(host.As(handler).SubmitApplicationAsync(request, cancellationToken: Cancel));
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);

        request.ApplicantIdNumber = "";
        var submitted = await host.As(handler).SubmitApplicationAsync(request, cancellationToken: Cancel);
        Assert.Equal("县某某科技有限公司", submitted.ApplicantName);
        Assert.Equal(ZhangSanIdMasked, submitted.ApplicantIdNumber);
    }

    [Fact]
    public async Task Without_verified_claims_the_request_names_the_applicant_as_before()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());
        var request = SubmitAsLiSi("key-1");

        var submitted = await host.As(LiSi).SubmitApplicationAsync(request, cancellationToken: Cancel);

        Assert.Equal("李四", submitted.ApplicantName);
    }
}
