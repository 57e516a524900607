using System.Net;
using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Blobs;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>A guide's blank forms and samples: uploaded by the department, checked by content, linked, downloaded by anyone.</summary>
public sealed class GuideFileTests
{
    public static TheoryData<string> Engines => Testing.Databases.Both;

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    static UploadGuideFileRequest Upload(string name, byte[] content, string department = Sample.PoliceCode) =>
        new() { DepartmentCode = department, FileName = name, Content = ByteString.CopyFrom(content) };

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task An_uploaded_form_is_linked_from_a_published_guide_and_anyone_downloads_it_as_it_was(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        await Sample.AddDepartmentsAsync(host);
        var police = Sample.Catalog(host, Sample.PoliceOfficer);
        var form = BlankDocuments.Docx("居民身份证申领登记表", "测试");

        var file = await police.UploadGuideFileAsync(Upload("登记表.doc", form), cancellationToken: Cancel);
        Assert.Equal("/api/catalog/files/" + file.Id, file.Url);
        Assert.Equal("登记表.docx", file.FileName); // named as its content is
        Assert.Equal(FileKinds.Docx.MediaType, file.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(form)), file.Sha256);

        var guide = Sample.Guide();
        guide.Materials[1].BlankForm = file.Url;
        var item = await police.CreateItemAsync(new CreateItemRequest { Guide = guide }, cancellationToken: Cancel);
        await police.PublishItemAsync(new ChangeItemRequest { Id = item.Id }, cancellationToken: Cancel);

        using var anonymous = host.CreateClient();
        using var response = await anonymous.GetAsync(file.Url, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FileKinds.Docx.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("登记表.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal($"\"{file.Sha256}\"", response.Headers.ETag?.Tag);
        Assert.Equal(form, await response.Content.ReadAsByteArrayAsync(Cancel));

        using var unknown = await anonymous.GetAsync("/api/catalog/files/" + new string('0', 32), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_guide_linking_a_site_file_that_was_never_uploaded_is_refused_with_the_field(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        await Sample.AddDepartmentsAsync(host);
        var guide = Sample.Guide();
        guide.Materials[1].BlankForm = "/files/forms/nowhere.docx";
        guide.ResultSample = "/api/catalog/files/" + new string('a', 32);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Sample.Catalog(host, Sample.PoliceOfficer).CreateItemAsync(new CreateItemRequest { Guide = guide }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var violations = refused.Violations();
        Assert.Contains("guide.materials[1].blank_form:", violations);
        Assert.Contains("“/files/forms/nowhere.docx”不是本站已上传的文件", violations);
        Assert.Contains("guide.result_sample:", violations);
    }

    public static TheoryData<string, byte[]> Refused => new()
    {
        { "程序.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03] },                           // a Windows program renamed
        { "说明.docx", "这不是Word文件"u8.ToArray() },                              // text renamed
        { "压缩包.docx", ZipWith("readme.txt") },                                    // a ZIP that is no document
        { "空.pdf", [] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_is_judged_by_its_content_and_a_refused_one_leaves_nothing(string name, byte[] content)
    {
        await using var host = new ServiceHost<Program>("catalog", Databases.Sqlite);
        await Sample.AddDepartmentsAsync(host);
        var refused = await Assert.ThrowsAsync<RpcException>(() => Sample.Catalog(host, Sample.PoliceOfficer).UploadGuideFileAsync(Upload(name, content), cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains($"“{name}”", refused.Violations());
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CatalogDb>().GuideFiles.CountAsync(Cancel));
    }

    [Fact]
    public async Task Only_an_officer_of_the_department_uploads_its_files()
    {
        await using var host = new ServiceHost<Program>("catalog", Databases.Sqlite);
        await Sample.AddDepartmentsAsync(host);
        var pdf = BlankDocuments.Pdf("样表", "测试");
        var town = await Assert.ThrowsAsync<RpcException>(() => Sample.Catalog(host, Sample.TownOfficer).UploadGuideFileAsync(Upload("样表.pdf", pdf), cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, town.StatusCode);
        var person = await Assert.ThrowsAsync<RpcException>(() => Sample.Catalog(host, Sample.Zhangsan).UploadGuideFileAsync(Upload("样表.pdf", pdf), cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, person.StatusCode);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => Sample.Catalog(host).UploadGuideFileAsync(Upload("样表.pdf", pdf), cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        var own = await Sample.Catalog(host, Sample.TownOfficer).UploadGuideFileAsync(Upload("样表.pdf", pdf, Sample.TownCode), cancellationToken: Cancel);
        Assert.Equal(FileKinds.Pdf.MediaType, own.ContentType);
    }

    [Fact]
    public async Task The_seeded_county_links_only_files_that_exist_and_open_as_what_they_claim()
    {
        await using var host = new ServiceHost<Program>("catalog", Databases.Sqlite, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        var links = (await db.Items.AsNoTracking().ToListAsync(Cancel))
            .SelectMany(i => GuideFileLinks.Of(i.PublicGuide!)).Select(l => l.Link).Where(l => l.Length > 0).Distinct().ToList();
        Assert.True(links.Count > 100, $"only {links.Count} links");
        Assert.All(links, l => Assert.StartsWith("/api/catalog/files/", l));

        using var anonymous = host.CreateClient();
        foreach (var link in links)
        {
            using var response = await anonymous.GetAsync(link, Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode}");
            var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
            Assert.Equal(response.Content.Headers.ContentType?.MediaType, FileKinds.Recognize(bytes)?.MediaType);
        }
    }

    static byte[] ZipWith(string entry)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("hello");
        }
        return buffer.ToArray();
    }
}
