using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

/// <summary>The apply form's files (one input per material of the guide) and 暂存 (drafts): saving, continuing, submitting, deleting.</summary>
public sealed class UploadTests
{
    static readonly string ApplyPage = "/items/" + SampleHall.IdCardItem + "/apply";

    /// <summary>The sample item with a second electronic material, so the form has two file inputs (the paper ones none).</summary>
    static FakeHall WithTwoMaterials(FakeHall hall) => hall.WithCatalog().On<GetItemRequest, ServiceItem>("GetItem", _ =>
    {
        var item = SampleHall.IdCard();
        item.Guide.Materials.Add(new Material { Name = "申请书", Type = "电子件", Form = "纸质或电子", Necessity = "非必要", Source = "申请人自备" });
        return item;
    });

    /// <summary>Uploads answered as the service does: an id from the name, the kind refused when the content is no PDF, JPEG or PNG.</summary>
    static FakeHall Uploading(FakeHall hall) => hall.On<UploadMaterialRequest, MaterialFile>("UploadMaterial", r =>
        r.Content.Span.StartsWith("%PDF"u8) || r.Content.Span.StartsWith(new byte[] { 0xFF, 0xD8 }) || r.Content.Span.StartsWith(new byte[] { 0x89, 0x50 })
            ? new MaterialFile { Id = "id-" + r.FileName, FileName = r.FileName, Kind = MaterialKind.Pdf, ContentType = "application/pdf", Size = r.Content.Length, UploadedAt = Timestamp.FromDateTime(DateTime.UtcNow) }
            : throw SampleCases.Refusal(Grpc.Core.StatusCode.InvalidArgument, ("content", $"文件“{r.FileName}”不是可接受的格式：只接受PDF、JPEG、PNG、OFD文件（按文件内容判断，不看扩展名）")));

    static MultipartFormDataContent Form(string page, Dictionary<string, string> fields, params (string Field, string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(PortalHost.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        fields.TryAdd("IdempotencyKey", KeyOf(page));
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        foreach (var (field, name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, field, name);
        }
        return form;
    }

    static string KeyOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"IdempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;

    static Dictionary<string, string> Filled() => new()
    {
        ["ApplicantName"] = "张三", ["ApplicantIdNumber"] = "11010519491231002X", ["ApplicantPhone"] = "13812345678", ["Delivery"] = "Electronic",
        ["Note"] = "请电子送达", ["Materials[0].Name"] = "近期免冠照片", ["Materials[1].Name"] = "申请书",
    };

    [Fact]
    public async Task The_form_has_a_file_input_for_each_electronic_material_with_the_required_ones_marked_and_posts_multipart()
    {
        await using var host = new PortalHost();
        WithTwoMaterials(host.Hall);

        var (status, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync(ApplyPage);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("enctype=\"multipart/form-data\"", html);
        var materials = System.Text.RegularExpressions.Regex.Match(html, "<fieldset id=\"materials\".*?</fieldset>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("<label for=\"material-0\">近期免冠照片<span class=\"required\">（必要）</span></label>", materials);
        Assert.Contains("<label for=\"material-1\">申请书</label>", materials);
        Assert.Contains("<input id=\"material-0\" type=\"file\" name=\"Materials[0].File\" accept=\"" + MaterialUploads.Accept + "\"", materials);
        Assert.Contains("每个文件不超过10 MB，可以是PDF、JPEG、PNG或OFD格式", materials);
        // 居民户口簿 and the 登记表 are paper only: brought to the window, no input.
        Assert.DoesNotContain("居民户口簿", materials);
        Assert.Equal(2, Count(materials, "type=\"file\""));
        Assert.Contains("formaction=\"" + ApplyPage + "?handler=draft\"", html);
    }

    [Fact]
    public async Task Chosen_files_are_uploaded_with_the_citizens_token_and_the_application_names_them_under_their_materials()
    {
        await using var host = new PortalHost();
        Uploading(WithTwoMaterials(host.Hall)).On<SubmitApplicationRequest, Application>("SubmitApplication", _ => SampleCases.Case(ApplicationStatus.Submitted));
        var browser = host.Browser(TestUser.Zhangsan);
        var (_, page) = await browser.GetPageAsync(ApplyPage);

        using var response = await browser.PostAsync(ApplyPage, Form(page, Filled(),
            ("Materials[0].File", "照片.jpg", SampleFiles.Jpeg()), ("Materials[1].File", "申请书.pdf", SampleFiles.Pdf())), Ct);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/my/applications/" + SampleCases.Number, response.Headers.Location?.OriginalString);
        var uploads = host.Hall.CallsTo("UploadMaterial").ToList();
        Assert.Equal(["照片.jpg", "申请书.pdf"], uploads.Select(c => ((UploadMaterialRequest)c.Request).FileName));
        Assert.Equal(SampleFiles.Jpeg(), ((UploadMaterialRequest)uploads[0].Request).Content.ToByteArray());
        Assert.All(uploads, c => Assert.Equal("Bearer " + TestSignIn.AccessTokenOf(TestUser.Zhangsan.Subject), c.Authorization));
        var request = (SubmitApplicationRequest)Assert.Single(host.Hall.CallsTo("SubmitApplication")).Request;
        Assert.Equal([("近期免冠照片", "id-照片.jpg"), ("申请书", "id-申请书.pdf")], request.Materials.Select(m => (m.Slot, m.MaterialId)));
        Assert.Equal(KeyOf(page), request.IdempotencyKey);
    }

    [Fact]
    public async Task A_refused_file_is_shown_beside_its_material_and_the_file_that_was_taken_is_kept_by_id_and_name()
    {
        await using var host = new PortalHost();
        Uploading(WithTwoMaterials(host.Hall));
        var browser = host.Browser(TestUser.Zhangsan);
        var (_, page) = await browser.GetPageAsync(ApplyPage);

        using var response = await browser.PostAsync(ApplyPage, Form(page, Filled(),
            ("Materials[0].File", "照片.jpg", SampleFiles.Jpeg()), ("Materials[1].File", "申请书.docx", SampleFiles.Zip("word/document.xml"))), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Hall.CallsTo("SubmitApplication"));
        Assert.Contains("<p class=\"field-error\" id=\"material-1-error\">文件“申请书.docx”不是可接受的格式", html);
        Assert.Contains("<p class=\"error\" role=\"alert\">申请未能提交，请按下面各项的提示修改后再提交。</p>", html);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"material-1-error materials-hint\"", html);
        // The photo went up: kept as a hidden id, shown by name, not to be chosen again.
        Assert.Contains("<input type=\"hidden\" name=\"Materials[0].MaterialId\" value=\"id-照片.jpg\">", html);
        Assert.Contains("已上传：照片.jpg", html);
        Assert.Contains("value=\"11010519491231002X\"", html);
        Assert.Contains(">请电子送达</textarea>", html);
        Assert.Equal(KeyOf(page), KeyOf(html));
    }

    [Fact]
    public async Task A_required_material_the_service_misses_is_named_beside_its_input()
    {
        await using var host = new PortalHost();
        WithTwoMaterials(host.Hall).On<SubmitApplicationRequest, Application>("SubmitApplication", _ => throw SampleCases.Refusal(Grpc.Core.StatusCode.InvalidArgument,
            ("materials", "缺少必要材料“近期免冠照片”（请先上传文件，再以材料名称“近期免冠照片”附上）")));
        var browser = host.Browser(TestUser.Zhangsan);
        var (_, page) = await browser.GetPageAsync(ApplyPage);

        using var response = await browser.PostAsync(ApplyPage, Form(page, Filled()), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"material-0-error\">缺少必要材料“近期免冠照片”", html);
        Assert.Contains("请按下面各项的提示修改后再提交", html);
    }

    [Fact]
    public async Task Saving_as_a_draft_keeps_the_form_and_its_files_and_the_form_comes_back_from_the_draft_with_masked_numbers()
    {
        await using var host = new PortalHost();
        SubmitApplicationRequest? saved = null;
        Uploading(WithTwoMaterials(host.Hall))
            .On<SaveDraftRequest, Draft>("SaveDraft", r =>
            {
                saved = r.Application.Clone();
                return Draft(r.Application);
            })
            .On<GetDraftRequest, Draft>("GetDraft", r => r.DraftId == "d1" ? Draft(saved!) : throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, "没有草稿")));
        var browser = host.Browser(TestUser.Zhangsan);
        var (_, page) = await browser.GetPageAsync(ApplyPage);

        using var response = await browser.PostAsync(ApplyPage + "?handler=draft", Form(page, Filled(), ("Materials[0].File", "照片.jpg", SampleFiles.Jpeg())), Ct);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(ApplyPage + "?draft=d1&saved=true", response.Headers.Location?.OriginalString);
        var request = (SaveDraftRequest)Assert.Single(host.Hall.CallsTo("SaveDraft")).Request;
        Assert.Equal("", request.DraftId);
        Assert.Equal(("13812345678", "请电子送达"), (request.Application.ApplicantPhone, request.Application.Note));
        Assert.Equal([("近期免冠照片", "id-照片.jpg")], request.Application.Materials.Select(m => (m.Slot, m.MaterialId)));

        var (status, again) = await browser.GetPageAsync(ApplyPage + "?draft=d1&saved=true");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("已暂存", again);
        Assert.Contains("<input type=\"hidden\" name=\"DraftId\" value=\"d1\">", again);
        Assert.Contains("value=\"110***********002X\"", again);
        Assert.Contains("value=\"138****5678\"", again);
        Assert.Contains("<option value=\"Electronic\" selected=\"selected\">电子送达</option>", again);
        Assert.Contains("<input type=\"hidden\" name=\"Materials[0].MaterialId\" value=\"id-照片.jpg\">", again);
        Assert.Contains("已上传：已保存的文件", again);
    }

    static Draft Draft(SubmitApplicationRequest form)
    {
        var masked = form.Clone();
        masked.ApplicantIdNumber = "110***********002X";
        masked.ApplicantPhone = "138****5678";
        return new Draft
        {
            DraftId = "d1", ItemName = "居民身份证申领", Application = masked,
            SavedAt = Timestamp.FromDateTime(new DateTime(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc)),
            ExpiresAt = Timestamp.FromDateTime(new DateTime(2027, 1, 6, 2, 0, 0, DateTimeKind.Utc)),
        };
    }

    [Fact]
    public async Task Submitting_a_continued_draft_saves_the_form_onto_it_and_submits_the_draft()
    {
        await using var host = new PortalHost();
        var form = Filled();
        Uploading(WithTwoMaterials(host.Hall))
            .On<GetDraftRequest, Draft>("GetDraft", _ => Draft(new SubmitApplicationRequest { ItemId = SampleHall.IdCardItem, ApplicantName = "张三" }))
            .On<SaveDraftRequest, Draft>("SaveDraft", r => Draft(r.Application))
            .On<SubmitDraftRequest, Application>("SubmitDraft", _ => SampleCases.Case(ApplicationStatus.Submitted));
        var browser = host.Browser(TestUser.Zhangsan);
        var (_, page) = await browser.GetPageAsync(ApplyPage + "?draft=d1");
        form["DraftId"] = "d1";
        form["ApplicantIdNumber"] = "110***********002X";

        using var response = await browser.PostAsync(ApplyPage, Form(page, form, ("Materials[0].File", "照片.jpg", SampleFiles.Jpeg())), Ct);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/my/applications/" + SampleCases.Number, response.Headers.Location?.OriginalString);
        var save = (SaveDraftRequest)Assert.Single(host.Hall.CallsTo("SaveDraft")).Request;
        // The masked number goes back unchanged: the service keeps the one it saved.
        Assert.Equal(("d1", "110***********002X"), (save.DraftId, save.Application.ApplicantIdNumber));
        Assert.Equal("d1", ((SubmitDraftRequest)Assert.Single(host.Hall.CallsTo("SubmitDraft")).Request).DraftId);
        Assert.Empty(host.Hall.CallsTo("SubmitApplication"));
    }

    [Fact]
    public async Task My_applications_list_the_drafts_to_continue_or_delete()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListMyApplicationsRequest, ListApplicationsResponse>("ListMyApplications", _ => new() { Applications = { SampleCases.Case() } })
            .On<ListMyDraftsRequest, ListDraftsResponse>("ListMyDrafts", _ => new() { Drafts = { Draft(new SubmitApplicationRequest { ItemId = SampleHall.IdCardItem }) } })
            .On<DeleteDraftRequest, DeleteDraftResponse>("DeleteDraft", r => new() { DraftId = r.DraftId });
        var browser = host.Browser(TestUser.Zhangsan);

        var (status, html) = await browser.GetPageAsync("/my/applications");

        Assert.Equal(HttpStatusCode.OK, status);
        var draft = Assert.Single(Elements(html, "li", "draft"));
        Assert.Contains("居民身份证申领", draft);
        Assert.Contains("2026年12月7日（星期一）暂存", draft);
        Assert.Contains("保存至2027年1月6日（星期三）", draft);
        Assert.Contains($"<a class=\"button-link\" href=\"{ApplyPage}?draft=d1\" aria-label=\"继续填写：居民身份证申领\">继续填写</a>", draft);
        Assert.Single(Elements(html, "li", "case"));

        using var response = await browser.PostAsync("/my/applications?handler=deletedraft", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(html), ["draftId"] = "d1",
        }), Ct);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("d1", ((DeleteDraftRequest)Assert.Single(host.Hall.CallsTo("DeleteDraft")).Request).DraftId);
    }

    [Fact]
    public async Task Another_persons_draft_is_not_found()
    {
        await using var host = new PortalHost();
        WithTwoMaterials(host.Hall).Fail("GetDraft", Grpc.Core.StatusCode.PermissionDenied);

        var (status, _) = await host.Browser(TestUser.Zhangsan).GetPageAsync(ApplyPage + "?draft=someone-elses");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
