using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using ServiceHall.Applications.V1;
using ServiceHall.Testing;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

/// <summary>A case's files on the case pages: listed, downloaded through the portal, given with a 补正 answer and as the decision document.</summary>
public sealed class CaseFilesTests
{
    static readonly string MyCase = "/my/applications/" + SampleCases.Number, WorkCase = "/work/cases/" + SampleCases.Number;

    static MultipartFormDataContent Form(string page, Dictionary<string, string> fields, params (string Field, string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(PortalHost.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        foreach (var (field, name, content) in files)
        {
            form.Add(new ByteArrayContent(content), field, name);
        }
        return form;
    }

    static FakeHall Uploading(FakeHall hall) => hall.On<UploadMaterialRequest, MaterialFile>("UploadMaterial", r =>
        new MaterialFile { Id = "id-" + r.FileName, FileName = r.FileName, Kind = MaterialKind.Pdf, ContentType = "application/pdf", Size = r.Content.Length });

    [Fact]
    public async Task The_applicants_case_lists_its_files_with_downloads_and_offers_the_decision_document()
    {
        await using var host = new PortalHost();
        host.Hall.WithCase(SampleCases.Case(ApplicationStatus.Approved));

        var (status, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync(MyCase);

        Assert.Equal(HttpStatusCode.OK, status);
        var files = Section(html, "files");
        Assert.Equal(3, Count(files, "<td><a href="));
        Assert.Contains("<tr class=\"file-replaced\">\n<td>近期免冠照片</td>\n<td><a href=\"" + MyCase + "/files/m-photo-1\" download>照片.jpg</a></td>\n<td>JPEG</td>\n<td>2 KB</td>\n<td>已被补正替换</td>", files);
        Assert.Contains("<td><a href=\"" + MyCase + "/files/m-photo-2\" download>白底照片.png</a></td>\n<td>PNG</td>\n<td>3 MB</td>\n<td>有效</td>", files);
        Assert.Contains("<td>决定文书</td>", files);
        Assert.Contains("<a href=\"" + MyCase + "/files/m-decision\" download>下载决定文书</a>", html);
    }

    [Fact]
    public async Task A_file_downloads_through_the_portal_with_its_type_and_name_as_the_reader_and_no_cache_keeps_it()
    {
        await using var host = new PortalHost();
        var pdf = SampleFiles.Pdf("准予许可");
        host.Hall.On<DownloadMaterialRequest, MaterialContent>("DownloadMaterial", r => r.MaterialId == "m-decision"
            ? new MaterialContent { Material = new MaterialFile { Id = r.MaterialId, FileName = "准予许可决定书.pdf", ContentType = "application/pdf", Kind = MaterialKind.Pdf }, Content = ByteString.CopyFrom(pdf) }
            : throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, "没有这个文件")));
        var browser = host.Browser(TestUser.Zhangsan);

        using var response = await browser.GetAsync(MyCase + "/files/m-decision", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("准予许可决定书.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("private", response.Headers.CacheControl?.ToString());
        var call = Assert.Single(host.Hall.CallsTo("DownloadMaterial"));
        Assert.Equal(SampleCases.Number, ((DownloadMaterialRequest)call.Request).TrackingNumber);
        Assert.Equal("Bearer " + TestSignIn.AccessTokenOf(TestUser.Zhangsan.Subject), call.Authorization);

        using var missing = await browser.GetAsync(WorkCase + "/files/other", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var anonymous = await host.Browser().GetAsync(MyCase + "/files/m-decision", Ct);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_correction_answer_uploads_a_file_for_a_material_the_list_names_and_sends_it_with_the_answer()
    {
        await using var host = new PortalHost();
        Uploading(host.Hall.WithCase(SampleCases.Case(ApplicationStatus.MaterialsRequested)))
            .On<SubmitCorrectionRequest, Application>("SubmitCorrection", _ => SampleCases.Case());
        var browser = host.Browser(TestUser.Zhangsan);
        var (_, page) = await browser.GetPageAsync(MyCase);
        Assert.Contains("enctype=\"multipart/form-data\"", Section(page, "correction"));
        Assert.Contains("<label for=\"material-0\">近期免冠照片</label>", Section(page, "correction"));

        using var response = await browser.PostAsync(MyCase + "?handler=correct", Form(page, new()
        {
            ["CorrectionResponse"] = "已换白底照片", ["CorrectionFiles[0].Name"] = "近期免冠照片",
        }, ("CorrectionFiles[0].File", "白底照片.png", SampleFiles.Png())), Ct);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("白底照片.png", ((UploadMaterialRequest)Assert.Single(host.Hall.CallsTo("UploadMaterial")).Request).FileName);
        var request = (SubmitCorrectionRequest)Assert.Single(host.Hall.CallsTo("SubmitCorrection")).Request;
        Assert.Equal([("近期免冠照片", "id-白底照片.png")], request.Materials.Select(m => (m.Slot, m.MaterialId)));
    }

    [Fact]
    public async Task The_officers_case_lists_the_files_and_a_decision_goes_with_the_uploaded_document()
    {
        await using var host = new PortalHost();
        Uploading(host.Hall.WithCase(SampleCases.Case(ApplicationStatus.UnderReview)))
            .On<DecideApplicationRequest, Application>("DecideApplication", _ => SampleCases.Case(ApplicationStatus.Approved));
        var browser = host.Browser(TestUser.Officer);
        var (_, page) = await browser.GetPageAsync(WorkCase);
        Assert.Contains("<a href=\"" + WorkCase + "/files/m-photo-1\" download>照片.jpg</a>", Section(page, "files"));
        Assert.Contains("<input id=\"decide-document-file\" type=\"file\" name=\"Document.File\"", page);

        using var response = await browser.PostAsync(WorkCase + "?handler=decide", Form(page, new()
        {
            ["Decision"] = "Approve", ["Opinion"] = "符合条件", ["DocumentNumber"] = "镇公〔2026〕1号", ["DocumentTitle"] = "准予许可决定书",
        }, ("Document.File", "决定书.pdf", SampleFiles.Pdf())), Ct);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var upload = Assert.Single(host.Hall.CallsTo("UploadMaterial"));
        Assert.Equal("Bearer " + TestSignIn.AccessTokenOf(TestUser.Officer.Subject), upload.Authorization);
        Assert.Equal("id-决定书.pdf", ((DecideApplicationRequest)Assert.Single(host.Hall.CallsTo("DecideApplication")).Request).DocumentMaterialId);
    }

    [Fact]
    public async Task A_refused_decision_document_is_shown_beside_its_input_and_the_decision_is_not_taken()
    {
        await using var host = new PortalHost();
        host.Hall.WithCase(SampleCases.Case(ApplicationStatus.UnderReview))
            .On<UploadMaterialRequest, MaterialFile>("UploadMaterial", r => throw SampleCases.Refusal(Grpc.Core.StatusCode.InvalidArgument, ("content", $"文件“{r.FileName}”是空的")));
        var browser = host.Browser(TestUser.Officer);
        var (_, page) = await browser.GetPageAsync(WorkCase);

        using var response = await browser.PostAsync(WorkCase + "?handler=decide", Form(page, new()
        {
            ["Decision"] = "Approve", ["Opinion"] = "符合条件", ["DocumentNumber"] = "镇公〔2026〕1号", ["DocumentTitle"] = "准予许可决定书",
        }, ("Document.File", "决定书.pdf", [1])), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Hall.CallsTo("DecideApplication"));
        Assert.Contains("<p class=\"field-error\" id=\"document-material-id-error\">文件“决定书.pdf”是空的</p>", html);
        Assert.Contains("<p class=\"error\" role=\"alert\">未能提交，请按下面各项的提示修改后再提交。</p>", html);
        Assert.Contains("value=\"镇公〔2026〕1号\"", html);
    }
}
