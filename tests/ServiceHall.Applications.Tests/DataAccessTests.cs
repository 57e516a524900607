using Google.Protobuf;
using Grpc.Core;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;
using static ServiceHall.Applications.Tests.Callers;

namespace ServiceHall.Applications.Tests;

/// <summary>谁查看了我的信息: the applicant reads, from the audit trail, who revealed their numbers or downloaded their files.</summary>
public sealed class DataAccessTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string Form = "食品经营许可申请书";

    static FakeCatalog Catalog() => new FakeCatalog().With("food-licence", ItemStatus.Published).WithMaterials("food-licence", (Form, "必要", "电子"));

    static async Task<Application> SubmitWithFormAsync(ApplicationsHost host, TestUser who, SubmitApplicationRequest request)
    {
        var form = await host.As(who).UploadMaterialAsync(new UploadMaterialRequest { FileName = "申请书.pdf", Content = ByteString.CopyFrom(SampleFiles.Pdf()) }, cancellationToken: Cancel);
        request.Materials.Add(new AttachedMaterial { Slot = Form, MaterialId = form.Id });
        return await host.As(who).SubmitApplicationAsync(request, cancellationToken: Cancel);
    }

    static async Task<string> FirstMaterialAsync(ApplicationsHost host, TestUser reader, string trackingNumber) =>
        (await host.As(reader).ListCaseMaterialsAsync(new ListCaseMaterialsRequest { TrackingNumber = trackingNumber }, cancellationToken: Cancel)).Materials[0].Id;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_applicant_sees_each_reveal_and_download_of_their_case_by_role_department_and_reason_newest_first(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var mine = await SubmitWithFormAsync(host, ZhangSan, Submit("key-1"));
        var lisis = await SubmitWithFormAsync(host, LiSi, SubmitAsLiSi("key-2"));
        var number = mine.TrackingNumber;
        var material = await FirstMaterialAsync(host, Shichang, number);

        await host.As(Shichang).RevealApplicantAsync(new RevealApplicantRequest { TrackingNumber = number, Reason = "电话通知申请人补正材料" }, cancellationToken: Cancel);
        await host.As(Shichang).DownloadMaterialAsync(new DownloadMaterialRequest { TrackingNumber = number, MaterialId = material }, cancellationToken: Cancel);
        await host.As(Jiancha).DownloadMaterialAsync(new DownloadMaterialRequest { TrackingNumber = number, MaterialId = material }, cancellationToken: Cancel);
        await host.As(ZhangSan).RevealApplicantAsync(new RevealApplicantRequest { TrackingNumber = number, Reason = "核对本人填报信息" }, cancellationToken: Cancel);
        // Someone else's case, and a refused try on this one: neither is zhangsan's to see as a look at his data.
        await host.As(Shichang).RevealApplicantAsync(new RevealApplicantRequest { TrackingNumber = lisis.TrackingNumber, Reason = "核对" }, cancellationToken: Cancel);
        await RefusedAsync(host.As(Gongan).RevealApplicantAsync(new RevealApplicantRequest { TrackingNumber = number, Reason = "想看看" }, cancellationToken: Cancel));

        var seen = (await host.As(ZhangSan).ListMyDataAccessAsync(new ListMyDataAccessRequest(), cancellationToken: Cancel)).Accesses;

        Assert.Equal(
            [
                (DataAccessKind.Reveal, AccessorRole.Self, "", "", "核对本人填报信息", ""),
                (DataAccessKind.Download, AccessorRole.Supervisor, "", "", "", "申请书.pdf"),
                (DataAccessKind.Download, AccessorRole.Officer, FakeCatalog.MarketRegulation, mine.Department, "", "申请书.pdf"),
                (DataAccessKind.Reveal, AccessorRole.Officer, FakeCatalog.MarketRegulation, mine.Department, "电话通知申请人补正材料", ""),
            ],
            seen.Select(a => (a.Kind, a.Role, a.DepartmentCode, a.Department, a.Reason, a.FileName)));
        Assert.All(seen, a => Assert.Equal(number, a.TrackingNumber));
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.At >= p.Second.At), "newest first");
        Assert.NotEmpty(mine.Department);
        // Who by role and department, never which officer: no subject or user name travels to the applicant.
        Assert.DoesNotContain("shichang", seen.ToString());
        Assert.DoesNotContain("jiancha", seen.ToString());

        var lisiSees = (await host.As(LiSi).ListMyDataAccessAsync(new ListMyDataAccessRequest(), cancellationToken: Cancel)).Accesses;
        Assert.Equal([(DataAccessKind.Reveal, AccessorRole.Officer, "核对")], lisiSees.Select(a => (a.Kind, a.Role, a.Reason)));
    }

    [Fact]
    public async Task The_list_pages_and_an_applicant_without_cases_sees_nothing()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());
        var number = (await SubmitWithFormAsync(host, ZhangSan, Submit("key-1"))).TrackingNumber;
        for (var i = 1; i <= 3; i++)
        {
            await host.As(Shichang).RevealApplicantAsync(new RevealApplicantRequest { TrackingNumber = number, Reason = $"第{i}次核对" }, cancellationToken: Cancel);
        }

        var first = await host.As(ZhangSan).ListMyDataAccessAsync(new ListMyDataAccessRequest { PageSize = 2 }, cancellationToken: Cancel);
        var second = await host.As(ZhangSan).ListMyDataAccessAsync(new ListMyDataAccessRequest { PageSize = 2, PageToken = first.NextPageToken }, cancellationToken: Cancel);

        Assert.Equal(["第3次核对", "第2次核对"], first.Accesses.Select(a => a.Reason));
        Assert.Equal(["第1次核对"], second.Accesses.Select(a => a.Reason));
        Assert.Equal("", second.NextPageToken);
        Assert.Empty((await host.As(LiSi).ListMyDataAccessAsync(new ListMyDataAccessRequest(), cancellationToken: Cancel)).Accesses);
    }

    [Fact]
    public async Task Only_applicants_read_their_data_access()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());

        var byOfficer = await RefusedAsync(host.As(Shichang).ListMyDataAccessAsync(new ListMyDataAccessRequest(), cancellationToken: Cancel));
        var anonymous = await RefusedAsync(host.Anonymous.ListMyDataAccessAsync(new ListMyDataAccessRequest(), cancellationToken: Cancel));
        var badToken = await RefusedAsync(host.As(ZhangSan).ListMyDataAccessAsync(new ListMyDataAccessRequest { PageToken = "not-a-token" }, cancellationToken: Cancel));

        Assert.Equal(StatusCode.PermissionDenied, byOfficer.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, badToken.StatusCode);
        Assert.Contains("翻页标记", badToken.Status.Detail);
    }
}
