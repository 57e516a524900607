using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>Only valid tokens count, and every write and every refusal lands in the catalog's hash-chained audit trail.</summary>
public sealed class TokenAndAuditTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    [Fact]
    public async Task An_expired_token_one_for_another_audience_or_an_identity_token_is_unauthenticated()
    {
        await using var host = new ServiceHost<Program>("catalog", Testing.Databases.Sqlite);
        await Sample.AddDepartmentsAsync(host);
        var expired = WithToken(host, TestIdentity.Token(Sample.PoliceOfficer, TimeSpan.FromMinutes(-5)));
        var otherAudience = WithToken(host, TestIdentity.Token(Sample.PoliceOfficer, audience: "another-system"));
        // Signed by the same issuer for the same audience, but typed "JWT" as identity tokens are, not "at+jwt".
        var identityToken = WithToken(host, TestIdentity.Token(Sample.PoliceOfficer, tokenType: "JWT"));

        foreach (var catalog in new[] { expired, otherAudience, identityToken })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => catalog.CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() }).ResponseAsync);
            Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        }
        // The same officer with a fresh token gets in.
        Assert.Equal(ItemStatus.Draft, (await Sample.Catalog(host, Sample.PoliceOfficer).CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() })).Status);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Every_write_and_every_refusal_is_audited_in_an_intact_chain(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        await Sample.AddDepartmentsAsync(host);
        var police = Sample.Catalog(host, Sample.PoliceOfficer);
        var item = await police.CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() });
        await police.PublishItemAsync(new ChangeItemRequest { Id = item.Id });
        var asked = await Sample.Consultations(host, Sample.Zhangsan).AskQuestionAsync(new AskQuestionRequest { ItemId = item.Id, Question = "能办吗？" });
        await Sample.Consultations(host, Sample.PoliceOfficer).AnswerConsultationAsync(new AnswerConsultationRequest { Id = asked.Id, Answer = "能。" });
        await Sample.Catalog(host).GetItemAsync(new GetItemRequest { Id = item.Id }); // a public read: not audited
        await Refused(StatusCode.FailedPrecondition, police.PublishItemAsync(new ChangeItemRequest { Id = item.Id, Reason = "再次发布" }));
        await Refused(StatusCode.Unauthenticated, Sample.Catalog(host).CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() }));
        await Refused(StatusCode.PermissionDenied, Sample.Catalog(host, Sample.Zhangsan).CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() }));
        await Refused(StatusCode.PermissionDenied, Sample.Catalog(host, Sample.TownOfficer).CancelItemAsync(new ChangeItemRequest { Id = item.Id, Reason = "取消" }));
        await Refused(StatusCode.PermissionDenied, Sample.Consultations(host, Sample.Lisi).GetConsultationAsync(new GetConsultationRequest { Id = asked.Id }));
        await Refused(StatusCode.Unauthenticated, WithToken(host, TestIdentity.Token(Sample.PoliceOfficer, TimeSpan.FromMinutes(-5)))
            .CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() }));

        var audit = host.Services.GetRequiredService<AuditTrail>();
        var records = (await audit.RecentAsync(100, TestContext.Current.CancellationToken)).Reverse().ToList();
        (string Method, string Result, string Actor)[] expected =
        [
            ("CatalogService/CreateDepartment", "OK", "admin [administrator]"),
            ("CatalogService/CreateDepartment", "OK", "admin [administrator]"),
            ("CatalogService/CreateItem", "OK", "gongan [officer] of " + Sample.PoliceCode),
            ("CatalogService/PublishItem", "OK", "gongan [officer] of " + Sample.PoliceCode),
            ("ConsultationService/AskQuestion", "OK", "zhangsan [applicant]"),
            ("ConsultationService/AnswerConsultation", "OK", "gongan [officer] of " + Sample.PoliceCode),
            ("CatalogService/PublishItem", "FailedPrecondition", "gongan [officer] of " + Sample.PoliceCode),
            ("CatalogService/CreateItem", "Unauthenticated", "anonymous"),
            ("CatalogService/CreateItem", "PermissionDenied", "zhangsan [applicant]"),
            ("CatalogService/CancelItem", "PermissionDenied", "mengpeng [officer] of " + Sample.TownCode),
            ("ConsultationService/GetConsultation", "PermissionDenied", "lisi [applicant]"),
            ("CatalogService/CreateItem", "Unauthenticated", "anonymous"),
        ];
        Assert.Equal(expected.Select(e => (e.Method, e.Result, e.Actor)),
            records.Select(r => (r.Action[(r.Action.LastIndexOf('.') + 1)..], r.Result, r.Actor)));
        // Writes and tenancy refusals name the object acted on.
        Assert.Contains($"id={item.Id}", records[3].Target);
        Assert.Contains($"id={item.Id}", records[9].Target);
        Assert.Contains($"id={asked.Id}", records[5].Target);

        var verification = await audit.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(expected.Length, verification.Records);
    }

    static V1.CatalogService.CatalogServiceClient WithToken(ServiceHost<Program> host, string token) =>
        new(host.Channel.CreateCallInvoker().Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return metadata;
        }));

    static async Task Refused<T>(StatusCode expected, AsyncUnaryCall<T> call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(expected, refused.StatusCode);
    }
}
