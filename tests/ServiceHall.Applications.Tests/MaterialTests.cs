using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.Materials;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;
using static ServiceHall.Applications.Tests.Callers;

namespace ServiceHall.Applications.Tests;

/// <summary>申请材料: uploads checked and stored whole or not at all, attached under the guide's materials, read by the case's readers only.</summary>
public sealed class MaterialTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string Form = "食品经营许可申请书";
    const string Photo = "经营场所照片";
    const string Paper = "营业执照原件";

    /// <summary>食品经营许可 lists a required form, an optional photo and a required paper-only original (brought to the window).</summary>
    static FakeCatalog Catalog() => new FakeCatalog().With("food-licence", ItemStatus.Published)
        .WithMaterials("food-licence", (Form, "必要", "电子"), (Photo, "非必要", "纸质或电子"), (Paper, "必要", "纸质"));

    static async Task<MaterialFile> UploadAsync(ApplicationsHost host, TestUser who, byte[]? content = null, string name = "申请书.pdf") =>
        await host.As(who).UploadMaterialAsync(new UploadMaterialRequest { FileName = name, Content = ByteString.CopyFrom(content ?? SampleFiles.Pdf()) }, cancellationToken: Cancel);

    static SubmitApplicationRequest With(SubmitApplicationRequest request, params (string Slot, string Id)[] materials)
    {
        request.Materials.AddRange(materials.Select(m => new AttachedMaterial { Slot = m.Slot, MaterialId = m.Id }));
        return request;
    }

    /// <summary>The files in the store, leaving out its folder for writes in progress.</summary>
    static string[] FilesOnDisk(ApplicationsHost host) =>
        [.. Directory.EnumerateFiles(host.FilesFolder, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".incoming", StringComparison.Ordinal))];

    static async Task<List<MaterialRecord>> StoredMaterialsAsync(ApplicationsHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationsDb>().Materials.AsNoTracking().ToListAsync(Cancel);
    }

    [Theory]
    [MemberData(nameof(MaterialContentTests.AcceptedFiles), MemberType = typeof(MaterialContentTests))]
    public async Task An_upload_of_each_accepted_kind_is_stored_with_its_size_and_sha256(string name, byte[] content, MaterialKind kind)
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());
        var material = await UploadAsync(host, ZhangSan, content, $"材料.{name}");

        Assert.Equal((kind, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), $"材料.{name}"),
            (material.Kind, (int)material.Size, material.Sha256, material.FileName));
        Assert.Equal(MaterialContentCheck.MediaType(kind), material.ContentType);
        Assert.Equal(("", MaterialPurpose.Unspecified), (material.Slot, material.Purpose));
        var file = Assert.Single(FilesOnDisk(host));
        Assert.Equal(content, await File.ReadAllBytesAsync(file, Cancel));
    }

    [Fact]
    public async Task A_program_renamed_to_pdf_is_refused_by_its_content_and_leaves_nothing_behind()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());
        var refused = await RefusedAsync(host.As(ZhangSan).UploadMaterialAsync(new UploadMaterialRequest
        {
            FileName = "营业执照.pdf", Content = ByteString.CopyFrom([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00]),
        }, cancellationToken: Cancel));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("营业执照.pdf", refused.Status.Detail);
        Assert.Contains(MaterialContentCheck.Accepted, refused.Status.Detail);
        Assert.Empty(FilesOnDisk(host));
        Assert.Empty(await StoredMaterialsAsync(host));
    }

    [Fact]
    public async Task A_file_over_the_configured_limit_is_refused_naming_the_limit()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog(),
            settings: new Dictionary<string, string?> { ["Applications:Materials:MaxFileBytes"] = "2048" });
        await UploadAsync(host, ZhangSan, SampleFiles.Pdf()); // well under 2 KB

        var big = SampleFiles.Pdf(new string('x', 3000));
        var refused = await RefusedAsync(host.As(ZhangSan).UploadMaterialAsync(new UploadMaterialRequest { FileName = "大文件.pdf", Content = ByteString.CopyFrom(big) }, cancellationToken: Cancel));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("大文件.pdf", refused.Status.Detail);
        Assert.Contains("2KB", refused.Status.Detail);
        Assert.Single(FilesOnDisk(host));
    }

    sealed class RejectingScanner : IMaterialScanner
    {
        public int Scanned { get; private set; }

        public Task<ScanVerdict> ScanAsync(string fileName, MaterialKind kind, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        {
            Scanned++;
            return Task.FromResult(ScanVerdict.Rejected("发现病毒 EICAR-Test-File"));
        }
    }

    [Fact]
    public async Task A_file_the_scanner_rejects_is_refused_with_its_reason_and_no_file_is_kept()
    {
        var scanner = new RejectingScanner();
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog(), scanner: scanner);
        var refused = await RefusedAsync(host.As(ZhangSan).UploadMaterialAsync(new UploadMaterialRequest { FileName = "申请书.pdf", Content = ByteString.CopyFrom(SampleFiles.Pdf()) }, cancellationToken: Cancel));

        Assert.Equal(1, scanner.Scanned);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("EICAR-Test-File", refused.Status.Detail);
        Assert.Empty(FilesOnDisk(host));
        Assert.Empty(await StoredMaterialsAsync(host));
    }

    [Fact]
    public async Task When_the_row_cannot_be_saved_the_stored_file_is_removed_again()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApplicationsDb>().Database.ExecuteSqlRawAsync("DROP TABLE materials", Cancel);
        }

        await RefusedAsync(host.As(ZhangSan).UploadMaterialAsync(new UploadMaterialRequest { FileName = "申请书.pdf", Content = ByteString.CopyFrom(SampleFiles.Pdf()) }, cancellationToken: Cancel));

        Assert.Empty(FilesOnDisk(host));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_submission_without_a_required_material_is_refused_naming_it_and_attaches_nothing(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var photo = await UploadAsync(host, ZhangSan, SampleFiles.Jpeg(), "门头.jpg");

        var refused = await RefusedAsync(host.As(ZhangSan).SubmitApplicationAsync(With(Submit("key-1"), (Photo, photo.Id)), cancellationToken: Cancel));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains($"缺少必要材料“{Form}”", refused.Status.Detail);
        Assert.DoesNotContain(Paper, refused.Status.Detail); // paper only: brought to the window
        Assert.Equal(0, await StoredApplicationsAsync(host));
        Assert.All(await StoredMaterialsAsync(host), m => Assert.Null(m.TrackingNumber));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_unknown_slot_and_another_applicants_file_are_refused(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var mine = await UploadAsync(host, ZhangSan);
        var lisis = await UploadAsync(host, LiSi);

        var refused = await RefusedAsync(host.As(ZhangSan).SubmitApplicationAsync(
            With(Submit("key-1"), (Form, lisis.Id), ("身份证复印件", mine.Id)), cancellationToken: Cancel));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains($"没有编号为 {lisis.Id} 的本人上传的材料文件", refused.Status.Detail);
        Assert.Contains("“身份证复印件”不是本事项办事指南列出的材料", refused.Status.Detail);
        Assert.Equal(0, await StoredApplicationsAsync(host));
        Assert.All(await StoredMaterialsAsync(host), m => Assert.Null(m.TrackingNumber));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Attached_files_are_listed_and_downloaded_by_the_cases_readers_only_and_every_download_is_audited(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var content = SampleFiles.Pdf("application form");
        var form = await UploadAsync(host, ZhangSan, content);
        var photo = await UploadAsync(host, ZhangSan, SampleFiles.Png(), "门头.png");
        var submitted = await host.As(ZhangSan).SubmitApplicationAsync(With(Submit("key-1"), (Form, form.Id), (Photo, photo.Id)), cancellationToken: Cancel);
        var number = submitted.TrackingNumber;

        foreach (var reader in new[] { ZhangSan, Shichang, Jiancha })
        {
            var listed = await host.As(reader).ListCaseMaterialsAsync(new ListCaseMaterialsRequest { TrackingNumber = number }, cancellationToken: Cancel);
            Assert.Equal([(Form, form.Id), (Photo, photo.Id)], listed.Materials.Select(m => (m.Slot, m.Id)));
            var downloaded = await host.As(reader).DownloadMaterialAsync(new DownloadMaterialRequest { TrackingNumber = number, MaterialId = form.Id }, cancellationToken: Cancel);
            Assert.Equal(content, downloaded.Content.ToByteArray());
            Assert.Equal(("申请书.pdf", "application/pdf"), (downloaded.Material.FileName, downloaded.Material.ContentType));
        }
        foreach (var stranger in new[] { LiSi, Gongan })
        {
            var list = await RefusedAsync(host.As(stranger).ListCaseMaterialsAsync(new ListCaseMaterialsRequest { TrackingNumber = number }, cancellationToken: Cancel));
            var download = await RefusedAsync(host.As(stranger).DownloadMaterialAsync(new DownloadMaterialRequest { TrackingNumber = number, MaterialId = form.Id }, cancellationToken: Cancel));
            Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (list.StatusCode, download.StatusCode));
        }
        var anonymous = await RefusedAsync(host.Anonymous.DownloadMaterialAsync(new DownloadMaterialRequest { TrackingNumber = number, MaterialId = form.Id }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        // A file of another case is not found through this one.
        var other = await host.As(LiSi).SubmitApplicationAsync(With(SubmitAsLiSi("key-2"), (Form, (await UploadAsync(host, LiSi)).Id)), cancellationToken: Cancel);
        var notHere = await RefusedAsync(host.As(LiSi).DownloadMaterialAsync(new DownloadMaterialRequest { TrackingNumber = other.TrackingNumber, MaterialId = form.Id }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.NotFound, notHere.StatusCode);

        var downloads = (await host.Audit.RecentAsync(200, Cancel)).Where(r => r.Action == ApplicationsService.DownloadAction).ToList();
        Assert.Equal(3, downloads.Count(r => r.Result == "OK" && r.Target == $"tracking_number={number} material_id={form.Id}"));
        Assert.Equal(2, downloads.Count(r => r.Result == "PermissionDenied"));
        Assert.All(downloads.Where(r => r.Result == "OK"), r => Assert.Contains(form.Sha256, r.Detail));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Racing_submits_with_one_upload_make_one_case_and_an_identical_retry_gets_it(string database)
    {
        // Every submit passes the checks before any saves: the attach's condition (still unattached) must decide.
        var catalog = Catalog();
        catalog.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        catalog.GateOpensAt = 3;
        await using var host = new ApplicationsHost(database, catalog);
        var zhangsan = host.As(ZhangSan);
        var form = await UploadAsync(host, ZhangSan);

        var calls = new[] { "race-1", "race-1", "race-2" }
            .Select(key => zhangsan.SubmitApplicationAsync(With(Submit(key), (Form, form.Id)), cancellationToken: Cancel).ResponseAsync).ToList();
        try
        {
            await Task.WhenAll(calls);
        }
        catch (RpcException)
        {
            // Looked at one by one below.
        }

        Assert.Equal(3, catalog.Lookups);
        Assert.Equal(1, await StoredApplicationsAsync(host));
        var number = Assert.Single((await StoredMaterialsAsync(host)).Select(m => m.TrackingNumber).Distinct());
        var answered = calls.Where(c => c.IsCompletedSuccessfully).Select(c => c.Result.TrackingNumber).ToList();
        Assert.All(answered, n => Assert.Equal(number, n));
        // The two race-1 submits are one application; whichever key lost is refused (race-2, or race-1 when race-2 won).
        var refused = calls.Where(c => c.IsFaulted).Select(c => ((RpcException)c.Exception!.InnerException!).StatusCode).ToList();
        Assert.True(refused.Count is 1 or 2, $"{refused.Count} refused");
        Assert.All(refused, code => Assert.True(code is StatusCode.FailedPrecondition or StatusCode.InvalidArgument, code.ToString()));
        Assert.Equal(3, answered.Count + refused.Count);
        // A retry is never refused for the files its own first try attached: both race-1 calls answer, or neither.
        Assert.Equal(calls[0].IsCompletedSuccessfully, calls[1].IsCompletedSuccessfully);
        Assert.NotEqual(calls[0].IsCompletedSuccessfully, calls[2].IsCompletedSuccessfully);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_file_of_an_earlier_completed_case_is_reused_and_one_in_an_open_case_is_not(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var zhangsan = host.As(ZhangSan);
        var shichang = host.As(Shichang);
        var form = await UploadAsync(host, ZhangSan);
        var first = (await zhangsan.SubmitApplicationAsync(With(Submit("key-1"), (Form, form.Id)), cancellationToken: Cancel)).TrackingNumber;

        var whileOpen = await RefusedAsync(zhangsan.SubmitApplicationAsync(With(Submit("key-2"), (Form, form.Id)), cancellationToken: Cancel));
        Assert.Contains($"已用于申请 {first}", whileOpen.Status.Detail);

        await shichang.AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = first }, cancellationToken: Cancel);
        await shichang.DecideApplicationAsync(new DecideApplicationRequest
        {
            TrackingNumber = first, Decision = Decision.Approve, Opinion = "准予许可", DocumentNumber = "镇市监食许〔2026〕12号", DocumentTitle = "食品经营许可证",
        }, cancellationToken: Cancel);
        await shichang.CompleteApplicationAsync(new CompleteApplicationRequest { TrackingNumber = first }, cancellationToken: Cancel);

        var second = (await zhangsan.SubmitApplicationAsync(With(Submit("key-3"), (Form, form.Id)), cancellationToken: Cancel)).TrackingNumber;
        var reused = Assert.Single((await zhangsan.ListCaseMaterialsAsync(new ListCaseMaterialsRequest { TrackingNumber = second }, cancellationToken: Cancel)).Materials);
        Assert.NotEqual(form.Id, reused.Id);
        Assert.Equal((form.Sha256, Form), (reused.Sha256, reused.Slot));
        Assert.Single(FilesOnDisk(host)); // the same bytes, held once
        Assert.Equal(SampleFiles.Pdf(), (await zhangsan.DownloadMaterialAsync(new DownloadMaterialRequest { TrackingNumber = second, MaterialId = reused.Id }, cancellationToken: Cancel)).Content.ToByteArray());

        // 李四 cannot reuse 张三's file, completed case or not.
        var lisi = await RefusedAsync(host.As(LiSi).SubmitApplicationAsync(With(SubmitAsLiSi("key-4"), (Form, form.Id)), cancellationToken: Cancel));
        Assert.Contains("本人上传的材料文件", lisi.Status.Detail);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Uploads_never_attached_are_swept_after_a_day_once_and_attached_ones_stay(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var kept = await UploadAsync(host, ZhangSan);
        var forgotten = await UploadAsync(host, ZhangSan, SampleFiles.Png(), "忘了用.png");
        await host.As(ZhangSan).SubmitApplicationAsync(With(Submit("key-1"), (Form, kept.Id)), cancellationToken: Cancel);

        host.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await host.SweepMaterialsAsync());
        Assert.Equal(2, FilesOnDisk(host).Length);

        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await host.SweepMaterialsAsync());
        Assert.Equal(0, await host.SweepMaterialsAsync()); // idempotent
        Assert.Equal([kept.Id], (await StoredMaterialsAsync(host)).Select(m => m.Id));
        Assert.Single(FilesOnDisk(host));

        var gone = await RefusedAsync(host.As(ZhangSan).SubmitApplicationAsync(With(Submit("key-2"), (Form, forgotten.Id)), cancellationToken: Cancel));
        Assert.Contains($"没有编号为 {forgotten.Id}", gone.Status.Detail);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_correction_replaces_a_slots_files_and_the_decision_document_is_the_applicants_to_download(string database)
    {
        await using var host = new ApplicationsHost(database, Catalog());
        var zhangsan = host.As(ZhangSan);
        var shichang = host.As(Shichang);
        var blurred = await UploadAsync(host, ZhangSan, SampleFiles.Pdf("blurred"));
        var number = (await zhangsan.SubmitApplicationAsync(With(Submit("key-1"), (Form, blurred.Id)), cancellationToken: Cancel)).TrackingNumber;
        await shichang.AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = number }, cancellationToken: Cancel);
        await shichang.RequestCorrectionAsync(new RequestCorrectionRequest
        {
            TrackingNumber = number, Items = { new CorrectionItem { Material = Form, Problem = "不清晰" }, new CorrectionItem { Material = "健康证明", Problem = "缺少" } },
        }, cancellationToken: Cancel);

        var clear = await UploadAsync(host, ZhangSan, SampleFiles.Pdf("clear"));
        var health = await UploadAsync(host, ZhangSan, SampleFiles.Jpeg(), "健康证.jpg");
        var corrected = await zhangsan.SubmitCorrectionAsync(new SubmitCorrectionRequest
        {
            TrackingNumber = number, Response = "已重新上传",
            Materials = { new AttachedMaterial { Slot = Form, MaterialId = clear.Id }, new AttachedMaterial { Slot = "健康证明", MaterialId = health.Id } },
        }, cancellationToken: Cancel);
        Assert.Equal(ApplicationStatus.Accepted, corrected.Status);

        var listed = (await zhangsan.ListCaseMaterialsAsync(new ListCaseMaterialsRequest { TrackingNumber = number }, cancellationToken: Cancel)).Materials;
        Assert.Equal([(blurred.Id, true), (clear.Id, false), (health.Id, false)],
            listed.OrderBy(m => m.Slot == Form ? 0 : 1).ThenBy(m => m.Replaced ? 0 : 1).Select(m => (m.Id, m.Replaced)));

        // The officer's own upload becomes the case's 决定文书; the applicant downloads it.
        var ofd = SampleFiles.Ofd();
        var certificate = await UploadAsync(host, Shichang, ofd, "食品经营许可证.ofd");
        var notHis = await RefusedAsync(shichang.DecideApplicationAsync(new DecideApplicationRequest
        {
            TrackingNumber = number, Decision = Decision.Approve, Opinion = "准予许可", DocumentNumber = "镇市监食许〔2026〕12号", DocumentTitle = "食品经营许可证", DocumentMaterialId = health.Id,
        }, cancellationToken: Cancel));
        Assert.Contains("本人上传的文件", notHis.Status.Detail);
        await shichang.DecideApplicationAsync(new DecideApplicationRequest
        {
            TrackingNumber = number, Decision = Decision.Approve, Opinion = "准予许可", DocumentNumber = "镇市监食许〔2026〕12号", DocumentTitle = "食品经营许可证", DocumentMaterialId = certificate.Id,
        }, cancellationToken: Cancel);
        var document = (await zhangsan.ListCaseMaterialsAsync(new ListCaseMaterialsRequest { TrackingNumber = number }, cancellationToken: Cancel)).Materials[^1];
        Assert.Equal((certificate.Id, MaterialPurpose.DecisionDocument), (document.Id, document.Purpose));
        var downloaded = await zhangsan.DownloadMaterialAsync(new DownloadMaterialRequest { TrackingNumber = number, MaterialId = certificate.Id }, cancellationToken: Cancel);
        Assert.Equal(ofd, downloaded.Content.ToByteArray());
        Assert.Equal("application/ofd", downloaded.Material.ContentType);
    }

    [Fact]
    public async Task A_case_whose_files_together_pass_the_limit_is_refused_naming_it()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog(),
            settings: new Dictionary<string, string?> { ["Applications:Materials:MaxCaseBytes"] = "1024" });
        var form = await UploadAsync(host, ZhangSan, SampleFiles.Pdf(new string('a', 400)));
        var photo = await UploadAsync(host, ZhangSan, SampleFiles.Pdf(new string('b', 400)), "照片.pdf");

        var refused = await RefusedAsync(host.As(ZhangSan).SubmitApplicationAsync(With(Submit("key-1"), (Form, form.Id), (Photo, photo.Id)), cancellationToken: Cancel));

        Assert.Contains("超过每件申请1KB的上限", refused.Status.Detail);
        Assert.Equal(0, await StoredApplicationsAsync(host));
    }

    [Fact]
    public async Task A_personal_number_in_a_file_name_is_kept_and_shown_masked()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());
        var material = await UploadAsync(host, ZhangSan, name: $"身份证{ZhangSanId}.pdf");

        Assert.Equal($"身份证{ZhangSanIdMasked}.pdf", material.FileName);
        Assert.DoesNotContain(ZhangSanId, (await StoredMaterialsAsync(host)).Single().FileName);
    }

    [Fact]
    public async Task Upload_and_download_work_over_json_with_base64_content()
    {
        await using var host = new ApplicationsHost(Testing.Databases.Sqlite, Catalog());
        using var http = host.Http(ZhangSan);
        var content = SampleFiles.Pdf();
        using var upload = await http.PostAsync("/api/applications/materials",
            new StringContent($$"""{"fileName": "申请书.pdf", "content": "{{Convert.ToBase64String(content)}}"}""", System.Text.Encoding.UTF8, "application/json"), Cancel);
        var uploaded = System.Text.Json.Nodes.JsonNode.Parse(await upload.Content.ReadAsStringAsync(Cancel))!;
        Assert.True(upload.IsSuccessStatusCode, uploaded.ToJsonString());
        Assert.Equal("MATERIAL_KIND_PDF", (string?)uploaded["kind"]);

        var submitted = await host.As(ZhangSan).SubmitApplicationAsync(With(Submit("key-1"), (Form, (string)uploaded["id"]!)), cancellationToken: Cancel);
        var downloaded = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync($"/api/applications/{submitted.TrackingNumber}/materials/{uploaded["id"]}", Cancel))!;
        Assert.Equal(content, Convert.FromBase64String((string)downloaded["content"]!));
    }
}
