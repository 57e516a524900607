using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;
using static ServiceHall.Applications.Tests.Callers;

namespace ServiceHall.Applications.Tests;

/// <summary>The applications service in-process over gRPC with a faked catalog, against SQLite and PostgreSQL alike.</summary>
public sealed class ApplicationsServiceTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    static FakeCatalog Catalog() => new FakeCatalog().With("food-licence", ItemStatus.Published).With("draft-item", ItemStatus.Draft);

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_retried_submit_returns_the_first_application(string database)
    {
        var catalog = Catalog();
        await using var host = new ApplicationsHost(database, catalog);
        var zhangsan = host.As(ZhangSan);

        var first = await zhangsan.SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel);
        var retried = await zhangsan.SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel);

        Assert.Equal(first, retried);
        Assert.Matches(new Regex(@"^SH\d{8}[0-9A-HJKMNP-TV-Z]{8}$"), first.TrackingNumber);
        Assert.Equal(ApplicationStatus.Submitted, first.Status);
        Assert.Equal("食品经营许可", first.ItemName);
        Assert.Equal("县市场监督管理局", first.Department);
        Assert.Equal(FakeCatalog.MarketRegulation, first.DepartmentCode);
        Assert.Equal("张三", first.ApplicantName);
        Assert.Equal("person", first.ApplicantKind);
        Assert.Equal("", first.ApplicantCreditCode);
        Assert.Equal("新开早餐店", first.Note);
        Assert.Equal(1, await StoredApplicationsAsync(host));
        // The retry was answered from the stored application without asking the catalog again.
        Assert.Equal(1, catalog.Lookups);
        // The owner is the token's subject, and the numbers are kept whole for the department.
        var stored = await StoredAsync(host, first.TrackingNumber);
        Assert.Equal((DemoCounty.Zhangsan, ZhangSanId, ZhangSanPhone), (stored.OwnerSubject, stored.ApplicantIdNumber, stored.ApplicantPhone));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Racing_identical_submits_make_one_application(string database)
    {
        // Both submits pass the "key already used?" check before either saves; the unique index must decide.
        var catalog = Catalog();
        catalog.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        catalog.GateOpensAt = 2;
        await using var host = new ApplicationsHost(database, catalog);
        var zhangsan = host.As(ZhangSan);

        var answers = await Task.WhenAll(
            zhangsan.SubmitApplicationAsync(Submit("race-1"), cancellationToken: Cancel).ResponseAsync,
            zhangsan.SubmitApplicationAsync(Submit("race-1"), cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(2, catalog.Lookups);
        Assert.Equal(answers[0].TrackingNumber, answers[1].TrackingNumber);
        Assert.Equal(1, await StoredApplicationsAsync(host));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_used_key_cannot_submit_a_different_application(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog().With("other-item", ItemStatus.Published));
        var zhangsan = host.As(ZhangSan);
        await zhangsan.SubmitApplicationAsync(Submit("key-2"), cancellationToken: Cancel);

        var otherItem = await RefusedAsync(zhangsan.SubmitApplicationAsync(Submit("key-2", "other-item"), cancellationToken: Cancel));
        var otherApplicant = Submit("key-2");
        otherApplicant.ApplicantName = "李四";
        var otherPerson = await RefusedAsync(zhangsan.SubmitApplicationAsync(otherApplicant, cancellationToken: Cancel));
        var otherPhone = Submit("key-2");
        otherPhone.ApplicantPhone = LiSiPhone;
        var otherNumber = await RefusedAsync(zhangsan.SubmitApplicationAsync(otherPhone, cancellationToken: Cancel));

        Assert.Equal(StatusCode.FailedPrecondition, otherItem.StatusCode);
        Assert.Equal("提交标识：已用于另一份申请", otherItem.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, otherPerson.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, otherNumber.StatusCode);
        Assert.Equal(1, await StoredApplicationsAsync(host));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Only_published_items_that_exist_take_applications(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var zhangsan = host.As(ZhangSan);

        var unknown = await RefusedAsync(zhangsan.SubmitApplicationAsync(Submit("key-3", "no-such-item"), cancellationToken: Cancel));
        var draft = await RefusedAsync(zhangsan.SubmitApplicationAsync(Submit("key-4", "draft-item"), cancellationToken: Cancel));

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("办理事项：没有编号为 no-such-item 的服务事项", unknown.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, draft.StatusCode);
        Assert.Contains("item_id: 办理事项：服务事项 draft-item 现在不受理网上申请", draft.Violations());
        Assert.Equal(0, await StoredApplicationsAsync(host));
    }

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded)]
    [InlineData(StatusCode.Internal)]
    public async Task A_catalog_that_cannot_answer_makes_the_submit_unavailable_and_stores_nothing(StatusCode failure)
    {
        var catalog = Catalog();
        catalog.Failure = failure;
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, catalog);
        var zhangsan = host.As(ZhangSan);

        var error = await RefusedAsync(zhangsan.SubmitApplicationAsync(Submit("key-5"), cancellationToken: Cancel));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("服务事项目录", error.Status.Detail);
        Assert.Contains("同一提交标识", error.Status.Detail);
        Assert.Equal(0, await StoredApplicationsAsync(host));

        // Once the catalog is back, the retry with the same key goes through.
        catalog.Failure = null;
        var submitted = await zhangsan.SubmitApplicationAsync(Submit("key-5"), cancellationToken: Cancel);
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
    }

    [Fact]
    public async Task The_department_code_is_taken_from_the_guide_when_the_catalog_sends_no_department()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite,
            Catalog().WithGuideDepartmentOnly("hukou", FakeCatalog.PublicSecurity).WithGuideDepartmentOnly("orphan", ""));
        var zhangsan = host.As(ZhangSan);

        var submitted = await zhangsan.SubmitApplicationAsync(Submit("key-g1", "hukou"), cancellationToken: Cancel);
        var orphan = await RefusedAsync(zhangsan.SubmitApplicationAsync(Submit("key-g2", "orphan"), cancellationToken: Cancel));

        Assert.Equal(FakeCatalog.PublicSecurity, submitted.DepartmentCode);
        Assert.Equal(StatusCode.Unavailable, orphan.StatusCode);
        Assert.Contains("缺少实施主体", orphan.Status.Detail);
        Assert.Equal(1, await StoredApplicationsAsync(host));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Missing_fields_are_refused_with_every_field_named_and_nothing_saved(string database)
    {
        var catalog = Catalog();
        await using var host = new ApplicationsHost(database, catalog);
        var zhangsan = host.As(ZhangSan);

        var error = await RefusedAsync(zhangsan.SubmitApplicationAsync(
            new SubmitApplicationRequest { ItemId = "", ApplicantName = " ", IdempotencyKey = "", Note = new string('注', 2001) }, cancellationToken: Cancel));
        var tooLong = await RefusedAsync(zhangsan.SubmitApplicationAsync(
            new SubmitApplicationRequest
            {
                ItemId = "food-licence", ApplicantName = new string('张', 101), IdempotencyKey = new string('k', 101),
                ApplicantIdNumber = ZhangSanId, ApplicantPhone = ZhangSanPhone,
            }, cancellationToken: Cancel));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("item_id: 办理事项：必填", error.Violations());
        Assert.Contains("applicant_name: 申请人姓名：必填", error.Violations());
        Assert.Contains("idempotency_key: 提交标识：必填", error.Violations());
        Assert.Contains("note: 备注：不能超过2000个字", error.Violations());
        Assert.Contains("applicant_id_number: 申请人身份证号码：必填", error.Violations());
        Assert.Contains("applicant_phone: 申请人手机号码：必填", error.Violations());
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
        Assert.Contains("applicant_name: 申请人姓名：不能超过100个字", tooLong.Violations());
        Assert.Contains("idempotency_key: 提交标识：不能超过100个字", tooLong.Violations());
        Assert.DoesNotContain("applicant_id_number", tooLong.Violations());
        Assert.DoesNotContain("applicant_phone", tooLong.Violations());
        Assert.Equal(0, catalog.Lookups);
        Assert.Equal(0, await StoredApplicationsAsync(host));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_application_is_found_by_its_tracking_number(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var zhangsan = host.As(ZhangSan);
        var submitted = await zhangsan.SubmitApplicationAsync(Submit("key-6"), cancellationToken: Cancel);

        var found = await zhangsan.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = submitted.TrackingNumber }, cancellationToken: Cancel);
        var typedInLowerCase = await zhangsan.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = submitted.TrackingNumber.ToLowerInvariant() }, cancellationToken: Cancel);
        var malformed = await RefusedAsync(zhangsan.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = "SH2025-0001" }, cancellationToken: Cancel));
        var unknown = await RefusedAsync(zhangsan.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = "SH20250101AAAAAAAA" }, cancellationToken: Cancel));

        Assert.Equal(submitted, found);
        Assert.Equal(submitted, typedInLowerCase);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Contains("tracking_number", malformed.Violations());
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public void Tracking_numbers_carry_the_county_day_and_leave_out_confusable_letters()
    {
        var numbers = Enumerable.Range(0, 200).Select(_ => TrackingNumber.New(new DateTime(2025, 3, 31, 16, 30, 0, DateTimeKind.Utc))).ToList();

        Assert.All(numbers, n => Assert.StartsWith("SH20250401", n));
        Assert.All(numbers, n => Assert.Equal(TrackingNumber.Length, n.Length));
        Assert.DoesNotContain(numbers, n => n[10..].IndexOfAny(['I', 'L', 'O', 'U']) >= 0);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Equal(n, TrackingNumber.Normalize(n)));
        Assert.Null(TrackingNumber.Normalize("SH20250401IIIIIIII"));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Json_transcoding_submits_lists_reads_and_reveals_an_application(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var http = host.Http(ZhangSan);

        var posted = await http.PostAsJsonAsync("/api/applications",
            new { itemId = "food-licence", applicantName = "张三", idempotencyKey = "http-1", applicantIdNumber = ZhangSanId, applicantPhone = ZhangSanPhone }, Cancel);
        var postedText = await posted.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        using var submitted = JsonDocument.Parse(postedText);
        var trackingNumber = submitted.RootElement.GetProperty("trackingNumber").GetString();

        var read = await http.GetAsync($"/api/applications/{trackingNumber}", Cancel);
        var mine = await http.GetAsync("/api/applications/mine?pageSize=5", Cancel);
        var refused = await http.PostAsJsonAsync("/api/applications", new { itemId = "food-licence" }, Cancel);
        var revealed = await http.PostAsJsonAsync($"/api/applications/{trackingNumber}:reveal", new { reason = "核对本人信息" }, Cancel);
        var anonymous = await host.Http(null).GetAsync($"/api/applications/{trackingNumber}", Cancel);
        var someoneElse = await host.Http(LiSi).GetAsync($"/api/applications/{trackingNumber}", Cancel);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var readText = await read.Content.ReadAsStringAsync(Cancel);
        using var found = JsonDocument.Parse(readText);
        Assert.Equal(trackingNumber, found.RootElement.GetProperty("trackingNumber").GetString());
        Assert.Equal("食品经营许可", found.RootElement.GetProperty("itemName").GetString());
        Assert.Equal(ZhangSanIdMasked, found.RootElement.GetProperty("applicantIdNumber").GetString());
        Assert.Equal(ZhangSanPhoneMasked, found.RootElement.GetProperty("applicantPhone").GetString());
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var mineText = await mine.Content.ReadAsStringAsync(Cancel);
        using var listed = JsonDocument.Parse(mineText);
        Assert.Equal(trackingNumber, Assert.Single(listed.RootElement.GetProperty("applications").EnumerateArray()).GetProperty("trackingNumber").GetString());
        foreach (var body in new[] { postedText, readText, mineText })
        {
            Assert.DoesNotContain(ZhangSanId, body);
            Assert.DoesNotContain(ZhangSanPhone, body);
        }
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("applicant_name", await refused.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        using var numbers = JsonDocument.Parse(await revealed.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(ZhangSanId, numbers.RootElement.GetProperty("applicantIdNumber").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, someoneElse.StatusCode);
    }
}
