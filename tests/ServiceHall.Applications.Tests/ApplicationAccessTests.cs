using Grpc.Core;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;
using static ServiceHall.Applications.Tests.Callers;

namespace ServiceHall.Applications.Tests;

/// <summary>Who may submit, read and list applications: roles first, then the one application's tenancy.</summary>
public sealed class ApplicationAccessTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    static FakeCatalog Catalog() => new FakeCatalog().With("food-licence", ItemStatus.Published);

    /// <summary>Every method once, as the given client; the tracking number is of a real application.</summary>
    static IEnumerable<(string Method, Func<Task> Call)> EveryMethod(V1.ApplicationsService.ApplicationsServiceClient client, string trackingNumber) =>
    [
        ("SubmitApplication", () => client.SubmitApplicationAsync(Submit("any-key"), cancellationToken: Cancel).ResponseAsync),
        ("GetApplication", () => client.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = trackingNumber }, cancellationToken: Cancel).ResponseAsync),
        ("ListMyApplications", () => client.ListMyApplicationsAsync(new ListMyApplicationsRequest(), cancellationToken: Cancel).ResponseAsync),
        ("RevealApplicant", () => client.RevealApplicantAsync(new RevealApplicantRequest { TrackingNumber = trackingNumber, Reason = "核对" }, cancellationToken: Cancel).ResponseAsync),
    ];

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Without_a_valid_token_every_method_is_unauthenticated_and_audited(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var submitted = await host.As(ZhangSan).SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel);
        var expired = host.WithToken(TestIdentity.Token(ZhangSan, TimeSpan.FromMinutes(-5)));
        var otherAudience = host.WithToken(TestIdentity.Token(ZhangSan, audience: "someone-else"));

        foreach (var client in new[] { host.Anonymous, expired, otherAudience })
        {
            foreach (var (method, call) in EveryMethod(client, submitted.TrackingNumber))
            {
                var error = await Assert.ThrowsAsync<RpcException>(call);
                Assert.True(error.StatusCode == StatusCode.Unauthenticated, $"{method}: {error.StatusCode}");
            }
        }

        Assert.Equal(1, await StoredApplicationsAsync(host));
        var records = await host.Audit.RecentAsync(100, Cancel);
        Assert.Equal(12, records.Count(r => r.Result == "Unauthenticated"));
        Assert.Contains(records, r => r.Result == "Unauthenticated" && r.Action.EndsWith("/RevealApplicant", StringComparison.Ordinal) && r.Actor == "anonymous");
        Assert.True((await host.Audit.VerifyAsync(Cancel)).Intact);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Roles_that_have_no_business_with_a_method_are_refused_before_it_runs(string database)
    {
        var catalog = Catalog();
        await using var host = new ApplicationsHost(database, catalog);
        var submitted = await host.As(ZhangSan).SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel);
        // Method → the callers whose role may never call it (tenancy aside).
        var refusals = new Dictionary<string, TestUser[]>
        {
            ["SubmitApplication"] = [Shichang, Jiancha, Xinyong, Yiyuan, Admin, Bank],
            ["GetApplication"] = [Xinyong, Yiyuan, Admin, Bank],
            ["ListMyApplications"] = [Shichang, Jiancha, Xinyong, Yiyuan, Admin, Bank],
            ["RevealApplicant"] = [Jiancha, Xinyong, Yiyuan, Admin, Bank],
        };

        var expected = 0;
        foreach (var (method, users) in refusals)
        {
            foreach (var user in users)
            {
                var call = EveryMethod(host.As(user), submitted.TrackingNumber).Single(m => m.Method == method).Call;
                var error = await Assert.ThrowsAsync<RpcException>(call);
                Assert.True(error.StatusCode == StatusCode.PermissionDenied, $"{user.Subject} calling {method}: {error.StatusCode}");
                expected++;
            }
        }

        Assert.Equal(1, catalog.Lookups);
        Assert.Equal(1, await StoredApplicationsAsync(host));
        var denials = (await host.Audit.RecentAsync(200, Cancel)).Where(r => r.Result == "PermissionDenied").ToList();
        Assert.Equal(expected, denials.Count);
        Assert.Contains(denials, r => r.Actor.StartsWith("yiyuan [publisher]", StringComparison.Ordinal) && r.Action.EndsWith("/GetApplication", StringComparison.Ordinal));
        Assert.True((await host.Audit.VerifyAsync(Cancel)).Intact);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Applicant_B_cannot_read_applicant_As_application(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var mine = await host.As(ZhangSan).SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel);
        var lisi = host.As(LiSi);

        var read = await RefusedAsync(lisi.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = mine.TrackingNumber }, cancellationToken: Cancel));
        var listed = await lisi.ListMyApplicationsAsync(new ListMyApplicationsRequest(), cancellationToken: Cancel);
        // The same idempotency key is 李四's own: it makes his application, and never answers with 张三's.
        var ownUnderSameKey = await lisi.SubmitApplicationAsync(SubmitAsLiSi("key-1"), cancellationToken: Cancel);

        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
        Assert.Contains(mine.TrackingNumber, read.Status.Detail);
        Assert.Contains("无权查看", read.Status.Detail);
        Assert.Empty(listed.Applications);
        Assert.NotEqual(mine.TrackingNumber, ownUnderSameKey.TrackingNumber);
        Assert.Equal("李四", ownUnderSameKey.ApplicantName);
        Assert.Equal(2, await StoredApplicationsAsync(host));
        var denial = Assert.Single(await host.Audit.RecentAsync(100, Cancel), r => r.Result == "PermissionDenied");
        Assert.StartsWith("lisi [applicant]", denial.Actor);
        Assert.Equal($"tracking_number={mine.TrackingNumber}", denial.Target);
        Assert.True((await host.Audit.VerifyAsync(Cancel)).Intact);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Officers_read_their_departments_cases_only_and_supervisors_read_all(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var submitted = await host.As(ZhangSan).SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel);
        var get = new GetApplicationRequest { TrackingNumber = submitted.TrackingNumber };

        var byOfficer = await host.As(Shichang).GetApplicationAsync(get, cancellationToken: Cancel);
        var bySupervisor = await host.As(Jiancha).GetApplicationAsync(get, cancellationToken: Cancel);
        var byOtherDepartment = await RefusedAsync(host.As(Gongan).GetApplicationAsync(get, cancellationToken: Cancel));
        // An officer is an officer by role: a credit editor of the very same department handles no cases.
        var byCreditEditor = await RefusedAsync(host.As(Xinyong).GetApplicationAsync(get, cancellationToken: Cancel));

        Assert.Equal(submitted, byOfficer);
        Assert.Equal(submitted, bySupervisor);
        Assert.Equal(StatusCode.PermissionDenied, byOtherDepartment.StatusCode);
        Assert.Contains("承办部门的工作人员", byOtherDepartment.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, byCreditEditor.StatusCode);
        var denials = (await host.Audit.RecentAsync(100, Cancel)).Where(r => r.Result == "PermissionDenied").ToList();
        Assert.Contains(denials, r => r.Actor.StartsWith("gongan [officer]", StringComparison.Ordinal) && r.Target == $"tracking_number={submitted.TrackingNumber}");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_business_applies_under_the_credit_code_of_its_sign_in(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var qiye = host.As(Qiye);
        var request = Submit("biz-1");
        request.ApplicantName = "镇康县好滋味餐饮管理有限公司";
        request.ApplicantIdNumber = "";

        var submitted = await qiye.SubmitApplicationAsync(request, cancellationToken: Cancel);
        var statingItsOwnCode = Submit("biz-2");
        statingItsOwnCode.ApplicantCreditCode = QiyeCode.ToLowerInvariant();
        var stated = await qiye.SubmitApplicationAsync(statingItsOwnCode, cancellationToken: Cancel);
        var forAnother = Submit("biz-3");
        forAnother.ApplicantCreditCode = "91350100M000100Y43";
        var another = await RefusedAsync(qiye.SubmitApplicationAsync(forAnother, cancellationToken: Cancel));
        var personWithCode = Submit("person-1");
        personWithCode.ApplicantCreditCode = QiyeCode;
        var person = await RefusedAsync(host.As(ZhangSan).SubmitApplicationAsync(personWithCode, cancellationToken: Cancel));
        var businessWithoutCode = await RefusedAsync(host.As(new TestUser("odd", [ServiceDefaults.HallRoles.Applicant], ApplicantKind: "business"))
            .SubmitApplicationAsync(Submit("odd-1"), cancellationToken: Cancel));

        Assert.Equal(("business", QiyeCode, ""), (submitted.ApplicantKind, submitted.ApplicantCreditCode, submitted.ApplicantIdNumber));
        Assert.Equal(QiyeCode, stated.ApplicantCreditCode);
        Assert.Equal(ZhangSanIdMasked, stated.ApplicantIdNumber);
        Assert.Equal(StatusCode.PermissionDenied, another.StatusCode);
        Assert.Contains($"本企业（{DemoCounty.Business}）", another.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, person.StatusCode);
        Assert.Contains("applicant_credit_code: 申请单位统一社会信用代码：个人申请时不填", person.Violations());
        Assert.Equal(StatusCode.PermissionDenied, businessWithoutCode.StatusCode);
        Assert.Equal(2, await StoredApplicationsAsync(host));
        Assert.Equal(DemoCounty.Qiye, (await StoredAsync(host, submitted.TrackingNumber)).OwnerSubject);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task My_applications_are_listed_newest_first_in_pages(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var zhangsan = host.As(ZhangSan);
        var submitted = new List<Application>();
        for (var i = 1; i <= 3; i++)
        {
            submitted.Add(await zhangsan.SubmitApplicationAsync(Submit($"key-{i}"), cancellationToken: Cancel));
            host.Clock.Advance(TimeSpan.FromMinutes(1)); // the hall's clock is a fake one that stands still
        }
        await host.As(LiSi).SubmitApplicationAsync(SubmitAsLiSi("key-1"), cancellationToken: Cancel);

        var page1 = await zhangsan.ListMyApplicationsAsync(new ListMyApplicationsRequest { PageSize = 2 }, cancellationToken: Cancel);
        var page2 = await zhangsan.ListMyApplicationsAsync(new ListMyApplicationsRequest { PageSize = 2, PageToken = page1.NextPageToken }, cancellationToken: Cancel);
        var badToken = await RefusedAsync(zhangsan.ListMyApplicationsAsync(new ListMyApplicationsRequest { PageToken = "not-ours" }, cancellationToken: Cancel));

        Assert.Equal([submitted[2], submitted[1]], page1.Applications);
        Assert.NotEqual("", page1.NextPageToken);
        Assert.Equal(submitted[0], Assert.Single(page2.Applications));
        Assert.Equal("", page2.NextPageToken);
        Assert.Equal(StatusCode.InvalidArgument, badToken.StatusCode);
        Assert.All(page1.Applications.Concat(page2.Applications), a => Assert.Equal((ZhangSanIdMasked, ZhangSanPhoneMasked), (a.ApplicantIdNumber, a.ApplicantPhone)));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Every_write_goes_into_the_audit_trail_without_a_whole_personal_number(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var zhangsan = host.As(ZhangSan);
        var submitted = await zhangsan.SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel);
        var bad = Submit("key-2");
        bad.ApplicantIdNumber = "110105194912310021";
        await RefusedAsync(zhangsan.SubmitApplicationAsync(bad, cancellationToken: Cancel));

        var records = await host.Audit.RecentAsync(100, Cancel);

        var written = Assert.Single(records, r => r.Action.EndsWith("/SubmitApplication", StringComparison.Ordinal) && r.Result == "OK");
        Assert.StartsWith("zhangsan [applicant]", written.Actor);
        Assert.Contains($"tracking_number={submitted.TrackingNumber}", written.Target);
        Assert.Contains($"department_code={FakeCatalog.MarketRegulation}", written.Target);
        var refused = Assert.Single(records, r => r.Result == "InvalidArgument");
        Assert.Contains("申请人身份证号码", refused.Detail);
        Assert.All(records, r => Assert.DoesNotContain(ZhangSanId, string.Join('|', r.Actor, r.Action, r.Target, r.Detail)));
        Assert.All(records, r => Assert.DoesNotContain(ZhangSanPhone, string.Join('|', r.Actor, r.Action, r.Target, r.Detail)));
        Assert.True((await host.Audit.VerifyAsync(Cancel)).Intact);
    }
    [Fact]
    public async Task A_person_applies_only_for_items_serving_people_and_a_business_only_for_items_serving_businesses()
    {
        var catalog = Catalog().With("company-registration", ItemStatus.Published, "企业设立登记", audiences: ["法人"])
            .With("birth-registration", ItemStatus.Published, "出生登记", audiences: ["自然人"]);
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, catalog);

        var person = await RefusedAsync(host.As(ZhangSan).SubmitApplicationAsync(Submit("key-1", "company-registration"), cancellationToken: Cancel));
        var business = await RefusedAsync(host.As(Qiye).SubmitApplicationAsync(Submit("key-1", "birth-registration"), cancellationToken: Cancel));

        Assert.Equal((StatusCode.FailedPrecondition, StatusCode.FailedPrecondition), (person.StatusCode, business.StatusCode));
        Assert.Equal("item_id: 办理事项：“企业设立登记”的服务对象是法人，个人不能申请", person.Violations());
        Assert.Equal("item_id: 办理事项：“出生登记”的服务对象是自然人，企业不能申请", business.Violations());
        Assert.Equal(0, await StoredApplicationsAsync(host));
        // The item for both still takes both.
        await host.As(ZhangSan).SubmitApplicationAsync(Submit("key-2"), cancellationToken: Cancel);
    }
}
