using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Tests;

/// <summary>The applications service in-process over gRPC with a faked catalog, against SQLite and PostgreSQL alike.</summary>
public sealed class ApplicationsServiceTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    static FakeCatalog Catalog() => new FakeCatalog().With("food-licence", "published").With("draft-item", "draft");

    static SubmitApplicationRequest Submit(string key, string itemId = "food-licence") =>
        new() { ItemId = itemId, ApplicantName = "张三", IdempotencyKey = key, Note = "新开早餐店" };

    static async Task<int> StoredApplicationsAsync(ApplicationsHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationsDb>().Applications.CountAsync(Cancel);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_retried_submit_returns_the_first_application(string database)
    {
        var catalog = Catalog();
        await using var host = new ApplicationsHost(database, catalog);

        var first = await host.Client.SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel);
        var retried = await host.Client.SubmitApplicationAsync(Submit("key-1"), cancellationToken: Cancel);

        Assert.Equal(first, retried);
        Assert.Matches(new Regex(@"^SH\d{8}[0-9A-HJKMNP-TV-Z]{8}$"), first.TrackingNumber);
        Assert.Equal("submitted", first.Status);
        Assert.Equal("食品经营许可", first.ItemName);
        Assert.Equal("县市场监督管理局", first.Department);
        Assert.Equal("张三", first.ApplicantName);
        Assert.Equal("新开早餐店", first.Note);
        Assert.Equal(1, await StoredApplicationsAsync(host));
        // The retry was answered from the stored application without asking the catalog again.
        Assert.Equal(1, catalog.Lookups);
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

        var answers = await Task.WhenAll(
            host.Client.SubmitApplicationAsync(Submit("race-1"), cancellationToken: Cancel).ResponseAsync,
            host.Client.SubmitApplicationAsync(Submit("race-1"), cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(2, catalog.Lookups);
        Assert.Equal(answers[0].TrackingNumber, answers[1].TrackingNumber);
        Assert.Equal(1, await StoredApplicationsAsync(host));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_used_key_cannot_submit_a_different_application(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog().With("other-item", "published"));
        await host.Client.SubmitApplicationAsync(Submit("key-2"), cancellationToken: Cancel);

        var otherItem = await Assert.ThrowsAsync<RpcException>(() => host.Client.SubmitApplicationAsync(Submit("key-2", "other-item"), cancellationToken: Cancel).ResponseAsync);
        var otherApplicant = Submit("key-2");
        otherApplicant.ApplicantName = "李四";
        var otherPerson = await Assert.ThrowsAsync<RpcException>(() => host.Client.SubmitApplicationAsync(otherApplicant, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, otherItem.StatusCode);
        Assert.Equal("idempotency_key: already used for a different application", otherItem.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, otherPerson.StatusCode);
        Assert.Equal(1, await StoredApplicationsAsync(host));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Only_published_items_that_exist_take_applications(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());

        var unknown = await Assert.ThrowsAsync<RpcException>(() => host.Client.SubmitApplicationAsync(Submit("key-3", "no-such-item"), cancellationToken: Cancel).ResponseAsync);
        var draft = await Assert.ThrowsAsync<RpcException>(() => host.Client.SubmitApplicationAsync(Submit("key-4", "draft-item"), cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("item_id: service item 'no-such-item' does not exist", unknown.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, draft.StatusCode);
        Assert.Contains("item_id: service item 'draft-item' is not open for applications", draft.Status.Detail);
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

        var error = await Assert.ThrowsAsync<RpcException>(() => host.Client.SubmitApplicationAsync(Submit("key-5"), cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("catalog", error.Status.Detail);
        Assert.Contains("same idempotency_key", error.Status.Detail);
        Assert.Equal(0, await StoredApplicationsAsync(host));

        // Once the catalog is back, the retry with the same key goes through.
        catalog.Failure = null;
        var submitted = await host.Client.SubmitApplicationAsync(Submit("key-5"), cancellationToken: Cancel);
        Assert.Equal("submitted", submitted.Status);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Missing_fields_are_refused_with_every_field_named_and_nothing_saved(string database)
    {
        var catalog = Catalog();
        await using var host = new ApplicationsHost(database, catalog);

        var error = await Assert.ThrowsAsync<RpcException>(() => host.Client.SubmitApplicationAsync(
            new SubmitApplicationRequest { ItemId = "", ApplicantName = " ", IdempotencyKey = "", Note = new string('注', 2001) }, cancellationToken: Cancel).ResponseAsync);
        var tooLong = await Assert.ThrowsAsync<RpcException>(() => host.Client.SubmitApplicationAsync(
            new SubmitApplicationRequest { ItemId = "food-licence", ApplicantName = new string('张', 101), IdempotencyKey = new string('k', 101) }, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("item_id: is required", error.Status.Detail);
        Assert.Contains("applicant_name: is required", error.Status.Detail);
        Assert.Contains("idempotency_key: is required", error.Status.Detail);
        Assert.Contains("note: is longer than 2000 characters", error.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
        Assert.Contains("applicant_name: is longer than 100 characters", tooLong.Status.Detail);
        Assert.Contains("idempotency_key: is longer than 100 characters", tooLong.Status.Detail);
        Assert.Equal(0, catalog.Lookups);
        Assert.Equal(0, await StoredApplicationsAsync(host));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_application_is_found_by_its_tracking_number(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var submitted = await host.Client.SubmitApplicationAsync(Submit("key-6"), cancellationToken: Cancel);

        var found = await host.Client.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = submitted.TrackingNumber }, cancellationToken: Cancel);
        var typedInLowerCase = await host.Client.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = submitted.TrackingNumber.ToLowerInvariant() }, cancellationToken: Cancel);
        var malformed = await Assert.ThrowsAsync<RpcException>(() => host.Client.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = "SH2025-0001" }, cancellationToken: Cancel).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => host.Client.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = "SH20250101AAAAAAAA" }, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(submitted, found);
        Assert.Equal(submitted, typedInLowerCase);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Contains("tracking_number", malformed.Status.Detail);
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
    public async Task Json_transcoding_submits_and_reads_an_application(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var http = host.CreateHttpClient();

        var posted = await http.PostAsJsonAsync("/api/applications",
            new { itemId = "food-licence", applicantName = "张三", idempotencyKey = "http-1" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        using var submitted = JsonDocument.Parse(await posted.Content.ReadAsStringAsync(Cancel));
        var trackingNumber = submitted.RootElement.GetProperty("trackingNumber").GetString();

        var read = await http.GetAsync($"/api/applications/{trackingNumber}", Cancel);
        var refused = await http.PostAsJsonAsync("/api/applications", new { itemId = "food-licence" }, Cancel);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var found = JsonDocument.Parse(await read.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(trackingNumber, found.RootElement.GetProperty("trackingNumber").GetString());
        Assert.Equal("食品经营许可", found.RootElement.GetProperty("itemName").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("applicant_name", await refused.Content.ReadAsStringAsync(Cancel));
    }
}
