using Grpc.Core;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;
using static ServiceHall.Applications.Tests.Callers;

namespace ServiceHall.Applications.Tests;

/// <summary>The applicant's resident ID and mobile number: checked on the way in, masked on every way out, revealed only with an audit record.</summary>
public sealed class ApplicantNumbersTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    static FakeCatalog Catalog() => new FakeCatalog().With("food-licence", ItemStatus.Published);

    [Theory]
    [InlineData("110105194912310021", ZhangSanPhone, "applicant_id_number: 申请人身份证号码：不是有效的居民身份证号码")]  // wrong check character
    [InlineData("11010519491231002", ZhangSanPhone, "applicant_id_number: 申请人身份证号码：不是有效的居民身份证号码")]   // 17 characters
    [InlineData("1101051949123100AX", ZhangSanPhone, "applicant_id_number: 申请人身份证号码：不是有效的居民身份证号码")]  // letters
    [InlineData(ZhangSanId, "12812345678", "applicant_phone: 申请人手机号码：不是手机号码")]                            // 12x is no mobile prefix
    [InlineData(ZhangSanId, "088312345678", "applicant_phone: 申请人手机号码：不是手机号码")]                           // a landline
    [InlineData(ZhangSanId, "1381234567", "applicant_phone: 申请人手机号码：不是手机号码")]                             // 10 digits
    public async Task Bad_numbers_are_refused_by_field_without_repeating_them(string idNumber, string phone, string problem)
    {
        var catalog = Catalog();
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, catalog);
        var request = Submit("key-1");
        request.ApplicantIdNumber = idNumber;
        request.ApplicantPhone = phone;

        var error = await RefusedAsync(host.As(ZhangSan).SubmitApplicationAsync(request, cancellationToken: Cancel));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(problem, error.Violations());
        Assert.DoesNotContain(idNumber, error.Status.Detail);
        Assert.DoesNotContain(phone, error.Status.Detail);
        Assert.Equal(0, catalog.Lookups);
        Assert.Equal(0, await StoredApplicationsAsync(host));
    }

    [Fact]
    public async Task A_lower_case_check_character_is_accepted_and_stored_upper_case()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());
        var request = Submit("key-1");
        request.ApplicantIdNumber = " " + ZhangSanId.ToLowerInvariant() + " ";

        var submitted = await host.As(ZhangSan).SubmitApplicationAsync(request, cancellationToken: Cancel);

        Assert.Equal(ZhangSanIdMasked, submitted.ApplicantIdNumber);
        Assert.Equal(ZhangSanId, (await StoredAsync(host, submitted.TrackingNumber)).ApplicantIdNumber);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Every_application_response_masks_the_numbers_even_in_the_note(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var zhangsan = host.As(ZhangSan);
        var request = Submit("key-1");
        request.Note = $"白天请打 {ZhangSanPhone}，证件号 {ZhangSanId}";

        var submitted = await zhangsan.SubmitApplicationAsync(request, cancellationToken: Cancel);
        var retried = await zhangsan.SubmitApplicationAsync(request, cancellationToken: Cancel);
        var get = new GetApplicationRequest { TrackingNumber = submitted.TrackingNumber };
        var byOwner = await zhangsan.GetApplicationAsync(get, cancellationToken: Cancel);
        var byOfficer = await host.As(Shichang).GetApplicationAsync(get, cancellationToken: Cancel);
        var bySupervisor = await host.As(Jiancha).GetApplicationAsync(get, cancellationToken: Cancel);
        var listed = Assert.Single((await zhangsan.ListMyApplicationsAsync(new ListMyApplicationsRequest(), cancellationToken: Cancel)).Applications);

        foreach (var application in new[] { submitted, retried, byOwner, byOfficer, bySupervisor, listed })
        {
            Assert.Equal(ZhangSanIdMasked, application.ApplicantIdNumber);
            Assert.Equal(ZhangSanPhoneMasked, application.ApplicantPhone);
            Assert.Equal($"白天请打 {ZhangSanPhoneMasked}，证件号 {ZhangSanIdMasked}", application.Note);
            Assert.False(PersonalNumbers.Found(application.ToString()), application.ToString());
        }
        // Stored whole: the department needs the real numbers to handle the case.
        Assert.Equal(request.Note, (await StoredAsync(host, submitted.TrackingNumber)).Note);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_owner_and_an_officer_of_the_department_may_reveal_and_each_reveal_is_audited(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var submitted = await host.As(ZhangSan).SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel);

        var byOwner = await host.As(ZhangSan).RevealApplicantAsync(
            new RevealApplicantRequest { TrackingNumber = submitted.TrackingNumber.ToLowerInvariant(), Reason = "核对本人填报信息" }, cancellationToken: Cancel);
        var byOfficer = await host.As(Shichang).RevealApplicantAsync(
            new RevealApplicantRequest { TrackingNumber = submitted.TrackingNumber, Reason = "电话通知申请人补正材料" }, cancellationToken: Cancel);

        var expected = new ApplicantNumbers { TrackingNumber = submitted.TrackingNumber, ApplicantIdNumber = ZhangSanId, ApplicantPhone = ZhangSanPhone };
        Assert.Equal(expected, byOwner);
        Assert.Equal(expected, byOfficer);
        var reveals = (await host.Audit.RecentAsync(100, Cancel)).Where(r => r.Action == "reveal").OrderBy(r => r.Sequence).ToList();
        Assert.Equal(2, reveals.Count);
        Assert.StartsWith("zhangsan [applicant]", reveals[0].Actor);
        Assert.StartsWith($"shichang [officer] of {FakeCatalog.MarketRegulation}", reveals[1].Actor);
        Assert.All(reveals, r => Assert.Equal(($"tracking_number={submitted.TrackingNumber}", "OK"), (r.Target, r.Result)));
        Assert.Equal(["reason: 核对本人填报信息", "reason: 电话通知申请人补正材料"], reveals.Select(r => r.Detail));
        await AssertNoWholeNumberAuditedAsync(host);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Anyone_else_is_refused_a_reveal_and_the_refusal_is_audited(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var submitted = await host.As(ZhangSan).SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel);
        var reveal = new RevealApplicantRequest { TrackingNumber = submitted.TrackingNumber, Reason = "想看看" };

        var byOtherApplicant = await RefusedAsync(host.As(LiSi).RevealApplicantAsync(reveal, cancellationToken: Cancel));
        var byOtherDepartment = await RefusedAsync(host.As(Gongan).RevealApplicantAsync(reveal, cancellationToken: Cancel));
        // A supervisor reads every case, masked; whole numbers are not a supervisor's business.
        var bySupervisor = await RefusedAsync(host.As(Jiancha).RevealApplicantAsync(reveal, cancellationToken: Cancel));

        Assert.All(new[] { byOtherApplicant, byOtherDepartment, bySupervisor }, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Contains("只有申请人本人和承办部门的工作人员可以查看", byOtherApplicant.Status.Detail);
        Assert.DoesNotContain(ZhangSanId, byOtherApplicant.Status.Detail + byOtherDepartment.Status.Detail);
        var records = await host.Audit.RecentAsync(100, Cancel);
        var refusedReveals = records.Where(r => r.Action == "reveal").ToList();
        Assert.Equal(2, refusedReveals.Count);
        Assert.All(refusedReveals, r => Assert.Equal(("PermissionDenied", "reason: 想看看"), (r.Result, r.Detail)));
        Assert.Contains(refusedReveals, r => r.Actor.StartsWith("lisi [applicant]", StringComparison.Ordinal));
        Assert.Contains(refusedReveals, r => r.Actor.StartsWith("gongan [officer]", StringComparison.Ordinal));
        // The supervisor was stopped by role before the method ran; the refusal is audited all the same.
        Assert.Contains(records, r => r.Actor.StartsWith("jiancha [supervisor]", StringComparison.Ordinal) && r.Result == "PermissionDenied");
        await AssertNoWholeNumberAuditedAsync(host);
    }

    [Theory]
    [InlineData("", "reason: 查看原因：必填")]
    [InlineData("第一行\n第二行", "reason: 查看原因：只能写一行")]
    public async Task A_reveal_needs_a_one_line_reason(string reason, string problem)
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());
        var submitted = await host.As(ZhangSan).SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel);

        var error = await RefusedAsync(host.As(ZhangSan).RevealApplicantAsync(
            new RevealApplicantRequest { TrackingNumber = submitted.TrackingNumber, Reason = reason }, cancellationToken: Cancel));
        var tooLong = await RefusedAsync(host.As(ZhangSan).RevealApplicantAsync(
            new RevealApplicantRequest { TrackingNumber = submitted.TrackingNumber, Reason = new string('因', RevealReason.MaxLength + 1) }, cancellationToken: Cancel));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(problem, error.Violations());
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
        Assert.DoesNotContain(await host.Audit.RecentAsync(100, Cancel), r => r.Action == "reveal");
    }

    [Fact]
    public async Task A_reveal_of_an_unknown_application_is_not_found()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());

        var error = await RefusedAsync(host.As(Shichang).RevealApplicantAsync(
            new RevealApplicantRequest { TrackingNumber = "SH20250101AAAAAAAA", Reason = "核对" }, cancellationToken: Cancel));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.DoesNotContain(await host.Audit.RecentAsync(100, Cancel), r => r.Action == "reveal");
    }

    static async Task AssertNoWholeNumberAuditedAsync(ApplicationsHost host)
    {
        var records = await host.Audit.RecentAsync(1000, Cancel);
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var text = string.Join('|', record.Actor, record.Action, record.Target, record.Result, record.Detail);
            Assert.DoesNotContain(ZhangSanId, text);
            Assert.DoesNotContain(ZhangSanPhone, text);
        }
        Assert.True((await host.Audit.VerifyAsync(Cancel)).Intact);
    }
}
