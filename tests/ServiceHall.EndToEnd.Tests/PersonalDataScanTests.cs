using Lucene.Net.Index;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// ID and mobile numbers (docs/domain.md §6) never leave the hall unmasked: not in an answer, not in a log line, not in
/// the search index. The scan reads the whole seeded county and a journey that puts personal numbers in on
/// purpose, plus whatever the other end-to-end tests did before it in this run.
/// </summary>
public sealed class PersonalDataScanTests(HallFixture hall)
{
    [Fact]
    public async Task Answers_logs_and_the_search_index_hold_no_unmasked_ID_or_mobile_number()
    {
        var application = await PutPersonalNumbersInAsync();
        await ImportRecordsWithPersonalNumbersAsync();
        await ReadTheSeededCountyAsync();
        await ReadTheCreditOpenApiAsync();
        await ReadThePortalsCasePagesAsync(application);

        // The owner's explicit reveal is the one sanctioned full view, and it is audited by the service.
        var owner = await hall.HttpAs(DemoCounty.Zhangsan);
        var (revealed, full) = await owner.SendAsync(HttpMethod.Post, $"/api/applications/{application}:reveal", new { reason = "核对本人信息" });
        Assert.Equal(200, revealed);
        Assert.Equal(TestCodes.DemoResidentId, (string?)full!["applicantIdNumber"]);

        var answers = Recorded.Answers.Where(a => !a.Reveal).ToList();
        Assert.True(answers.Count > 200, $"only {answers.Count} answers were recorded");
        var leakingAnswers = answers.Where(a => PersonalNumbers.Found(a.Text)).Select(a => $"{a.Who} {a.What}: {Excerpt(a.Text)}").ToList();
        Assert.True(leakingAnswers.Count == 0, "answers with a personal number:\n" + string.Join('\n', leakingAnswers.Take(20)));

        var logs = hall.Hall.AllOutput.ToList();
        Assert.True(logs.Count > 100, $"only {logs.Count} log lines");
        var leakingLogs = logs.Where(PersonalNumbers.Found).ToList();
        Assert.True(leakingLogs.Count == 0, "log lines with a personal number:\n" + string.Join('\n', leakingLogs.Take(20)));

        var (documents, leakingIndex) = ScanIndex(Path.Combine(hall.Hall.DataFolder, "search-index"));
        Assert.True(documents > 200, $"only {documents} documents in the index");
        Assert.True(leakingIndex.Count == 0, "index entries with a personal number:\n" + string.Join('\n', leakingIndex.Take(20)));

        TestContext.Current.SendDiagnosticMessage($"Scanned {answers.Count} answers, {logs.Count} log lines, {documents} index documents: no unmasked personal number");
    }

    /// <summary>An application with ID and mobile number, a question quoting a phone, an officer and the owner reading both.</summary>
    async Task<string> PutPersonalNumbersInAsync()
    {
        var officer = new CatalogService.CatalogServiceClient(await hall.GrpcAs(DemoCounty.Gongan));
        var draft = await officer.CreateItemAsync(new CreateItemRequest { Guide = SampleGuide.ForEveryone("个人信息扫描测试事项" + Guid.NewGuid().ToString("N")[..6], SampleGuide.Police) });
        var item = await officer.PublishItemAsync(new ChangeItemRequest { Id = draft.Id });

        var applicant = new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Zhangsan));
        // A scan named after the numbers on it: its file name comes back in every answer about the file.
        var form = await applicant.UploadFormAsync($"身份证{TestCodes.DemoResidentId}-手机{TestCodes.DemoMobile}.pdf");
        var application = await applicant.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            ItemId = item.Id, ApplicantName = "张三", IdempotencyKey = Guid.NewGuid().ToString(),
            ApplicantIdNumber = TestCodes.DemoResidentId, ApplicantPhone = TestCodes.DemoMobile,
            Note = $"联系电话 {TestCodes.DemoMobile}，身份证 {TestCodes.DemoResidentId}",
            Materials = { form },
        });
        Assert.Equal(PersonalNumbers.MaskResidentId(TestCodes.DemoResidentId), application.ApplicantIdNumber);
        Assert.Equal(PersonalNumbers.MaskMobile(TestCodes.DemoMobile), application.ApplicantPhone);
        await applicant.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = application.TrackingNumber });
        await applicant.ListMyApplicationsAsync(new ListMyApplicationsRequest());
        var handling = new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Gongan));
        await handling.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = application.TrackingNumber });
        // The case's steps carry what officers and the applicant write: numbers in opinions, notes and 补正 lists.
        var number = application.TrackingNumber;
        await handling.AcceptApplicationAsync(new AcceptApplicationRequest
        {
            TrackingNumber = number, Opinion = $"已核对身份证 {TestCodes.DemoResidentId}", InternalNote = $"申请人电话 {TestCodes.DemoMobile}",
        });
        await handling.RequestCorrectionAsync(new RequestCorrectionRequest
        {
            TrackingNumber = number,
            Items = { new CorrectionItem { Material = $"身份证 {TestCodes.DemoResidentId} 复印件", Problem = $"不清晰，有疑问请拨 {TestCodes.DemoMobile}" } },
        });
        await applicant.GetApplicationAsync(new GetApplicationRequest { TrackingNumber = number });
        await applicant.SubmitCorrectionAsync(new SubmitCorrectionRequest { TrackingNumber = number, Response = $"已补充，联系电话 {TestCodes.DemoMobile}" });
        // Approved, the licence of a natural person goes public (credit, search) by masked name only: read it there too.
        var decisionNumber = $"镇公许〔2026〕{Random.Shared.Next(1000, 100_000)}号";
        await handling.DecideApplicationAsync(new DecideApplicationRequest
        {
            TrackingNumber = number, Decision = Decision.Approve, Opinion = $"准予许可，已核对身份证 {TestCodes.DemoResidentId}",
            DocumentNumber = decisionNumber, DocumentTitle = "许可决定书",
        });
        await ReadThePublishedLicenceAsync(decisionNumber);
        await applicant.GetCaseTrailAsync(new GetCaseTrailRequest { TrackingNumber = number });
        await applicant.ListMyNotificationsAsync(new ListMyNotificationsRequest());
        await handling.GetCaseTrailAsync(new GetCaseTrailRequest { TrackingNumber = number });
        await handling.ListDepartmentCasesAsync(new ListDepartmentCasesRequest());
        var supervisor = new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Jiancha));
        await supervisor.GetCaseTrailAsync(new GetCaseTrailRequest { TrackingNumber = number });
        await supervisor.ListDepartmentCasesAsync(new ListDepartmentCasesRequest());
        // 电子监察: a 督办 note and its answer quoting the numbers, and everything the supervisor reads, over gRPC and JSON.
        var supervision = new SupervisionService.SupervisionServiceClient(await hall.GrpcAs(DemoCounty.Jiancha));
        var note = await supervision.AddSupervisionNoteAsync(new AddSupervisionNoteRequest
        {
            TrackingNumber = number, Text = $"申请人（电话 {TestCodes.DemoMobile}，身份证 {TestCodes.DemoResidentId}）反映进度慢，请说明",
        });
        await supervision.GetSupervisionBoardAsync(new GetSupervisionBoardRequest());
        await supervision.ListSupervisedCasesAsync(new ListSupervisedCasesRequest { ExtendedOnly = false });
        await supervision.GetCaseSupervisionAsync(new GetCaseSupervisionRequest { TrackingNumber = number });
        var department = new SupervisionService.SupervisionServiceClient(await hall.GrpcAs(DemoCounty.Gongan));
        await department.ListSupervisionNotesAsync(new ListSupervisionNotesRequest { TrackingNumber = number });
        await department.AnswerSupervisionNoteAsync(new AnswerSupervisionNoteRequest { NoteId = note.NoteId, Answer = $"已电话联系申请人 {TestCodes.DemoMobile}" });
        var supervising = await hall.HttpAs(DemoCounty.Jiancha);
        Assert.Equal(200, (await supervising.SendAsync(HttpMethod.Get, $"/api/supervision/cases/{number}")).Status);
        Assert.Equal(200, (await supervising.SendAsync(HttpMethod.Get, $"/api/supervision/cases/{number}/notes")).Status);
        Assert.Equal(200, (await supervising.SendAsync(HttpMethod.Get, "/api/supervision/board")).Status);
        Assert.Equal(200, (await supervising.SendAsync(HttpMethod.Get, "/api/catalog/consultation-board")).Status);
        Assert.Equal(200, (await supervising.SendAsync(HttpMethod.Get, "/api/catalog/consultations?overdueOnly=true")).Status);
        Assert.Equal(200, (await supervising.SendAsync(HttpMethod.Get, "/api/supervision/cases?extendedOnly=true")).Status);
        // The file's metadata, over gRPC and JSON, to the applicant, the officer and the supervisor.
        foreach (var reader in new[] { applicant, handling, supervisor })
        {
            var listed = await reader.ListCaseMaterialsAsync(new ListCaseMaterialsRequest { TrackingNumber = number });
            Assert.Contains(listed.Materials, m => m.Id == form.MaterialId);
            await reader.DownloadMaterialAsync(new DownloadMaterialRequest { TrackingNumber = number, MaterialId = form.MaterialId });
        }
        // An officer's reveal whose reason quotes the number: 谁查看了我的信息 gives it back masked, over gRPC and JSON.
        await handling.RevealApplicantAsync(new RevealApplicantRequest { TrackingNumber = number, Reason = $"核对身份证 {TestCodes.DemoResidentId}" });
        var looked = await applicant.ListMyDataAccessAsync(new ListMyDataAccessRequest { PageSize = 100 });
        Assert.Contains(looked.Accesses, a => a.Kind == DataAccessKind.Reveal && a.Role == AccessorRole.Officer && a.TrackingNumber == number);
        Assert.Contains(looked.Accesses, a => a.Kind == DataAccessKind.Download && a.Role == AccessorRole.Supervisor && a.TrackingNumber == number);
        var owner = await hall.HttpAs(DemoCounty.Zhangsan);
        Assert.Equal(200, (await owner.SendAsync(HttpMethod.Get, "/api/applications/mine/data-access")).Status);
        Assert.Equal(200, (await owner.SendAsync(HttpMethod.Get, $"/api/applications/{number}/materials")).Status);
        Assert.Equal(200, (await owner.SendAsync(HttpMethod.Get, $"/api/applications/{number}/materials/{form.MaterialId}")).Status);
        Assert.Equal(200, (await owner.SendAsync(HttpMethod.Post, "/api/applications/materials",
            new { fileName = $"户口簿{TestCodes.DemoResidentId}.png", content = Convert.ToBase64String(SampleFiles.Png()) })).Status);

        await RateWithPersonalNumbersAsync(number);

        // A draft keeps the numbers whole for its submission and answers them masked, in the note too.
        var saved = await applicant.SaveDraftAsync(new SaveDraftRequest
        {
            Application = new SubmitApplicationRequest
            {
                ItemId = item.Id, ApplicantName = "张三", ApplicantIdNumber = TestCodes.DemoResidentId, ApplicantPhone = TestCodes.DemoMobile,
                Note = $"白天请打 {TestCodes.DemoMobile}", Materials = { await applicant.UploadFormAsync() },
            },
        });
        await applicant.GetDraftAsync(new GetDraftRequest { DraftId = saved.DraftId });
        await applicant.ListMyDraftsAsync(new ListMyDraftsRequest());
        await applicant.SubmitDraftAsync(new SubmitDraftRequest { DraftId = saved.DraftId });
        // One left unsubmitted, for the portal's draft list and the form continued from it.
        var kept = await applicant.SaveDraftAsync(new SaveDraftRequest
        {
            Application = new SubmitApplicationRequest
            {
                ItemId = item.Id, ApplicantName = "张三", ApplicantIdNumber = TestCodes.DemoResidentId, ApplicantPhone = TestCodes.DemoMobile,
                Note = $"白天请打 {TestCodes.DemoMobile}", Materials = { await applicant.UploadFormAsync($"申请表{TestCodes.DemoMobile}.pdf") },
            },
        });
        portalDraft = $"/items/{item.Id}/apply?draft={kept.DraftId}";

        var asker = new ConsultationService.ConsultationServiceClient(await hall.GrpcAs(DemoCounty.Zhangsan));
        var question = await asker.AskQuestionAsync(new AskQuestionRequest { ItemId = item.Id, Question = $"我的电话 {TestCodes.DemoMobile}，身份证号 {TestCodes.DemoResidentId}，可以代办吗？" });
        await asker.ListMyConsultationsAsync(new ListMyConsultationsRequest());
        var answering = new ConsultationService.ConsultationServiceClient(await hall.GrpcAs(DemoCounty.Gongan));
        await answering.GetConsultationAsync(new GetConsultationRequest { Id = question.Id });
        await answering.ListOpenConsultationsAsync(new ListOpenConsultationsRequest());
        await answering.AnswerConsultationAsync(new AnswerConsultationRequest { Id = question.Id, Answer = "可以代办，请携带委托书。" });
        // Published without the asker's details, so it may reach search; the text with them is refused.
        await answering.PublishConsultationAsync(new PublishConsultationRequest { Id = question.Id, PublicQuestion = "可以代办吗？" });
        return application.TrackingNumber;
    }

    /// <summary>
    /// 好差评 with numbers everywhere a person writes: the rater's comment and remark, the department's rectification
    /// and call-back, the moderator's reason; read by the rater, the department, the supervisor and the moderator.
    /// </summary>
    async Task RateWithPersonalNumbersAsync(string number)
    {
        // Approved already (PutPersonalNumbersInAsync reads its licence): completed here, then rated.
        var handling = new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Gongan));
        await handling.CompleteApplicationAsync(new CompleteApplicationRequest { TrackingNumber = number });
        var rater = new RatingService.RatingServiceClient(await hall.GrpcAs(DemoCounty.Zhangsan));
        var rating = await rater.RateCaseAsync(new RateCaseRequest
        {
            TrackingNumber = number, Channel = RatingChannel.Online, Level = RatingLevel.VeryDissatisfied, Reasons = { RatingReason.Attitude },
            Comment = $"请回电 {TestCodes.DemoMobile}，身份证 {TestCodes.DemoResidentId}",
        });
        var department = new RatingService.RatingServiceClient(await hall.GrpcAs(DemoCounty.Gongan));
        await department.ListFollowUpsAsync(new ListFollowUpsRequest());
        await department.RecordRectificationAsync(new RecordRectificationRequest { RatingId = rating.RatingId, Rectification = $"已联系 {TestCodes.DemoMobile} 说明情况" });
        await department.RecordCallBackAsync(new RecordCallBackRequest { RatingId = rating.RatingId, CallBack = $"拨打 {TestCodes.DemoMobile} 回访，核对身份证 {TestCodes.DemoResidentId}" });
        await new RatingService.RatingServiceClient(await hall.GrpcAs(DemoCounty.Jiancha)).ListFollowUpsAsync(new ListFollowUpsRequest());
        var moderator = new RatingService.RatingServiceClient(await hall.GrpcAs(DemoCounty.Admin));
        await moderator.ListPendingCommentsAsync(new ListPendingCommentsRequest());
        await moderator.ModerateCommentAsync(new ModerateCommentRequest { RatingId = rating.RatingId, Approve = false, Reason = $"含有联系电话 {TestCodes.DemoMobile}" });
        await rater.ListCaseRatingsAsync(new ListCaseRatingsRequest { TrackingNumber = number });
        await rater.CloseFollowUpAsync(new CloseFollowUpRequest { RatingId = rating.RatingId, Resolved = true, Remark = $"已解决，我的电话 {TestCodes.DemoMobile}" });
        var owner = await hall.HttpAs(DemoCounty.Zhangsan);
        Assert.Equal(200, (await owner.SendAsync(HttpMethod.Get, $"/api/ratings/cases/{number}")).Status);
    }

    /// <summary>
    /// The portal's pages that show the case: the applicant's 我的办件, case page and 我的消息, the officer's workbench and
    /// case page (with the internal notes), read with each one's portal session and kept with the other answers.
    /// </summary>
    /// <summary>The apply form continued from zhangsan's unsubmitted draft (its numbers masked, its file named by id).</summary>
    string portalDraft = "";

    async Task ReadThePortalsCasePagesAsync(string number)
    {
        foreach (var (account, paths) in new[]
        {
            // 我的办件 lists the drafts; the case page lists the case's files (the uploaded form) with their names.
            (DemoCounty.Zhangsan, new[] { "/my/applications", $"/my/applications/{number}", "/my/messages", "/my/data-access", portalDraft }),
            // The rating (its comment masked), the department's and the supervisor's 整改回访. The moderation page needs the
            // administrator's authenticator code, which this session's sign-in cannot give: the browser journey
            // (PortalJourneyTests.Ratings) checks that page for personal numbers instead.
            (DemoCounty.Gongan, new[] { "/work/cases", $"/work/cases/{number}", "/work/follow-ups?closed=1" }),
            // The supervisor's board and case page (with the 督办 note and its answer quoting the numbers), 整改回访 and the public figures.
            (DemoCounty.Jiancha, new[] { "/supervise", $"/supervise/cases/{number}", $"/work/cases/{number}", "/work/follow-ups?closed=1", "/figures" }),
        })
        {
            using var portal = await HallSignIn.PortalSessionAsync(hall.Hall.GatewayHttp, account, cancellationToken: TestContext.Current.CancellationToken);
            foreach (var path in paths)
            {
                using var response = await portal.GetAsync(path, TestContext.Current.CancellationToken);
                var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.True(response.IsSuccessStatusCode, $"{account} {path}: {(int)response.StatusCode}");
                if (path.EndsWith(number, StringComparison.Ordinal))
                {
                    // The case itself, not a sign-in page or an empty shell, with its files.
                    Assert.Contains("case-facts", html);
                    if (!path.StartsWith("/supervise", StringComparison.Ordinal))
                    {
                        Assert.Contains("/files/", html);
                    }
                    else
                    {
                        Assert.Contains("supervision-note", html);
                    }
                }
                if (path == $"/my/applications/{number}")
                {
                    Assert.Contains("id=\"rating\"", html);
                }
                if (path.StartsWith("/work/follow-ups", StringComparison.Ordinal))
                {
                    Assert.Contains(number, html);
                }
                if (path == "/my/data-access")
                {
                    // The officer's reveal and the downloads, read from the trail, each row naming the case.
                    Assert.Contains("完整身份证号码和手机号码", html);
                    Assert.Contains(number, html);
                }
                if (path == "/my/applications")
                {
                    Assert.Contains("class=\"draft\"", html);
                }
                if (path == portalDraft)
                {
                    Assert.Contains("name=\"DraftId\"", html);
                }
                Recorded.Add(account, "portal GET " + path, html);
            }
        }
    }

    /// <summary>
    /// Credit import files that carry the numbers: a natural person's licence with the ID number in 证件号码 and a
    /// mobile number in 许可内容, a penalty quoting both in 违法事实, and a refused file whose bad cell is an ID number
    /// (the report quotes bad cells); then the records read back, from credit and from search.
    /// </summary>
    async Task ImportRecordsWithPersonalNumbersAsync()
    {
        var editor = await hall.HttpAs(DemoCounty.Xinyong);
        var decisionNumber = $"县市监许〔2026〕扫{Random.Shared.Next(1000, 100_000)}号";
        string[] header = ["行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "证件类型", "证件号码", "行政许可决定文书名称",
            "行政许可决定文书号", "许可类别", "许可内容", "许可决定日期", "许可机关", "许可机关统一社会信用代码"];
        string[] person = ["张三", "自然人", "", "身份证", TestCodes.DemoResidentId, "准予许可决定书", decisionNumber, "普通",
            $"小餐饮经营许可（联系电话 {TestCodes.DemoMobile}）", "2026-10-15", "县市场监督管理局", DemoCounty.MarketRegulation];
        var (licences, _) = await editor.SendAsync(HttpMethod.Post, "/api/credit/imports",
            new { kind = "IMPORT_KIND_LICENCES", content = Convert.ToBase64String(CreditImportFiles.Csv(header, [person])) });
        Assert.Equal(200, licences);
        await ReadThePublishedLicenceAsync(decisionNumber);

        var code = TestCodes.NewCreditCode();
        var row = CreditImportFiles.PenaltyRow("镇康县扫描测试商行", code, $"县市监罚〔2026〕扫{Random.Shared.Next(1000, 100_000)}号", "2026-10-15", DemoCounty.MarketRegulation);
        row[Array.IndexOf(CreditImportFiles.CurrentPenaltyHeader, "违法事实")] = $"经营者（身份证 {TestCodes.DemoResidentId}，电话 {TestCodes.DemoMobile}）未按规定报送年度报告。";
        var badRow = (string[])row.Clone();
        badRow[Array.IndexOf(CreditImportFiles.CurrentPenaltyHeader, "处罚决定日期")] = TestCodes.DemoResidentId;
        var (refused, _) = await editor.SendAsync(HttpMethod.Post, "/api/credit/imports",
            new { kind = "IMPORT_KIND_PENALTIES", content = Convert.ToBase64String(CreditImportFiles.Csv(CreditImportFiles.CurrentPenaltyHeader, [badRow])) });
        Assert.Equal(400, refused);
        var (penalties, _) = await editor.SendAsync(HttpMethod.Post, "/api/credit/imports",
            new { kind = "IMPORT_KIND_PENALTIES", content = Convert.ToBase64String(CreditImportFiles.Csv(CreditImportFiles.CurrentPenaltyHeader, [row])) });
        Assert.Equal(200, penalties);
        var (found, entity) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/credit/entities/{code}");
        Assert.Equal(200, found);
        Assert.NotNull(await hall.Http.SearchUntilFoundAsync("镇康县扫描测试商行", code, TimeSpan.FromSeconds(60)));

        // A correction whose reason and content quote the numbers, and the history that keeps every version.
        var penalty = entity!["penalties"]![0]!;
        var id = (string)penalty["id"]!;
        var (corrected, _) = await editor.SendAsync(HttpMethod.Post, $"/api/credit/penalties/{id}:correct", new
        {
            reason = $"当事人来电（{TestCodes.DemoMobile}）指出身份证 {TestCodes.DemoResidentId} 写错",
            penalty = new
            {
                decisionNumber = (string?)penalty["decisionNumber"], violationType = "未按规定公示年度报告", facts = $"经营者（身份证 {TestCodes.DemoResidentId}）未按规定报送年度报告。",
                basis = "《企业信息公示暂行条例》第十七条", category = "罚款", content = "罚款人民币1万元", fineAmountWan = "1", decisionDate = "2026-10-15",
                authority = "县市场监督管理局", authorityCode = DemoCounty.MarketRegulation,
            },
        });
        Assert.Equal(200, corrected);
        Assert.Equal(200, (await editor.SendAsync(HttpMethod.Get, $"/api/credit/penalties/{id}/history")).Status);
        Assert.Equal(200, (await hall.Http.SendAsync(HttpMethod.Get, $"/api/credit/entities/{code}")).Status);
    }

    /// <summary>The approved case's licence, once search holds it (the events travel on their own): its hit and credit's lookup.</summary>
    async Task ReadThePublishedLicenceAsync(string decisionNumber)
    {
        var hit = await hall.Http.LicenceUntilFoundAsync(decisionNumber, TimeSpan.FromSeconds(60));
        Assert.True(hit is not null, $"no licence {decisionNumber} in search after 60 s");
        var (lookedUp, licence) = await hall.Http.SendAsync(HttpMethod.Get, (string)hit["url"]!);
        Assert.Equal(200, lookedUp);
        Assert.Equal(("HOLDER_KIND_NATURAL_PERSON", "张*"), ((string?)licence!["holderKind"], (string?)licence["holderName"]));
    }

    /// <summary>The credit open API: a bank's lookup, watches, dead letters and feed, and the business's list of who looked it up.</summary>
    async Task ReadTheCreditOpenApiAsync()
    {
        using var bank = await OpenApiJourneyTests.InstitutionAsync(hall);
        Assert.Equal(200, (await bank.SendAsync(HttpMethod.Get, $"/api/credit/open/v1/entities/{DemoCounty.Business}")).Status);
        Assert.Equal(200, (await bank.SendAsync(HttpMethod.Post, "/api/credit/open/v1/watches", new { code = DemoCounty.Business })).Status);
        Assert.Equal(200, (await bank.SendAsync(HttpMethod.Get, "/api/credit/open/v1/watches")).Status);
        Assert.Equal(200, (await bank.SendAsync(HttpMethod.Get, "/api/credit/open/v1/dead-letters")).Status);
        using var feed = await bank.GetAsync("/api/credit/open/v1/feed");
        Assert.Equal(System.Net.HttpStatusCode.OK, feed.StatusCode);
        var business = await hall.HttpAs(DemoCounty.Qiye);
        var (listed, lookups) = await business.SendAsync(HttpMethod.Get, "/api/credit/my/lookups");
        Assert.Equal(200, listed);
        Assert.Contains(lookups!["lookups"]!.AsArray(), l => (string?)l!["institution"] == "银行信用核查系统");
    }

    /// <summary>Everything the public and the staff can list: every item's guide, the departments, credit records, disclosures, searches.</summary>
    async Task ReadTheSeededCountyAsync()
    {
        var officer = await hall.HttpAs(DemoCounty.Jiancha);
        var pageToken = "";
        do
        {
            var (status, page) = await hall.Http.SendAsync(HttpMethod.Get, "/api/catalog/items?pageSize=100&pageToken=" + Uri.EscapeDataString(pageToken));
            Assert.Equal(200, status);
            foreach (var item in page!["items"]!.AsArray())
            {
                var id = (string)item!["id"]!;
                Assert.Equal(200, (await hall.Http.SendAsync(HttpMethod.Get, $"/api/catalog/items/{id}")).Status);
                Assert.Equal(200, (await hall.Http.SendAsync(HttpMethod.Get, $"/api/catalog/items/{id}/questions")).Status);
            }
            pageToken = (string?)page["nextPageToken"] ?? "";
        }
        while (pageToken.Length > 0);

        Assert.Equal(200, (await hall.Http.SendAsync(HttpMethod.Get, "/api/catalog/departments")).Status);
        Assert.Equal(200, (await officer.SendAsync(HttpMethod.Get, "/api/catalog/consultations")).Status);
        Assert.Equal(200, (await officer.SendAsync(HttpMethod.Get, "/api/catalog/guide-report")).Status);
        Assert.Equal(200, (await hall.Http.SendAsync(HttpMethod.Get, $"/api/credit/entities/{DemoCounty.Business}")).Status);
        // The lookup box by code, name, pinyin and initials; a resident ID is refused there too, and (the scan checks) not echoed.
        foreach (var q in new[] { DemoCounty.Business, "镇康县", "zhenkang", "zkx" })
        {
            Assert.Equal(200, (await hall.Http.SendAsync(HttpMethod.Get, "/api/credit/entities?q=" + Uri.EscapeDataString(q))).Status);
        }
        Assert.Equal(400, (await hall.Http.SendAsync(HttpMethod.Get, "/api/credit/entities?q=" + Uri.EscapeDataString(TestCodes.DemoResidentId))).Status);
        foreach (var kind in new[] { "CREDIT_LIST_KIND_RED", "CREDIT_LIST_KIND_BLACK", "CREDIT_LIST_KIND_ABNORMAL_OPERATION", "CREDIT_LIST_KIND_WATCH" })
        {
            Assert.Equal(200, (await hall.Http.SendAsync(HttpMethod.Get, $"/api/credit/lists/{kind}/entries")).Status);
        }
        Assert.Equal(200, (await hall.Http.SendAsync(HttpMethod.Get, "/api/figures")).Status);
        foreach (var organisation in new[] { DemoCounty.Hospital, DemoCounty.School, DemoCounty.WaterCompany })
        {
            Assert.Equal(200, (await hall.Http.SendAsync(HttpMethod.Get, $"/api/disclosures/organizations/{organisation}/disclosures")).Status);
        }
        foreach (var q in new[] { "身份证", "营业执照", "罚款", "医院收费", "户口", TestCodes.DemoMobile })
        {
            Assert.Equal(200, (await hall.Http.SendAsync(HttpMethod.Get, "/api/search?q=" + Uri.EscapeDataString(q))).Status);
        }
        // An ID number is never searched: refused, and (the scan checks) not echoed in the refusal.
        Assert.Equal(400, (await hall.Http.SendAsync(HttpMethod.Get, "/api/search?q=" + Uri.EscapeDataString(TestCodes.DemoResidentId))).Status);
    }

    /// <summary>Every stored field of every document, and every term of every field, of the committed index.</summary>
    static (int Documents, List<string> Leaks) ScanIndex(string folder)
    {
        using var directory = new Lucene.Net.Store.NIOFSDirectory(new DirectoryInfo(folder));
        using var reader = DirectoryReader.Open(directory);
        var leaks = new List<string>();
        var live = MultiFields.GetLiveDocs(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc))
            {
                continue;
            }
            foreach (var field in reader.Document(doc).Fields)
            {
                if (field.GetStringValue() is { } text && PersonalNumbers.Found(text))
                {
                    leaks.Add($"document {doc} field {field.Name}: {Excerpt(text)}");
                }
            }
        }
        var fields = MultiFields.GetFields(reader);
        foreach (var name in fields ?? Enumerable.Empty<string>())
        {
            var terms = fields!.GetTerms(name).GetEnumerator();
            while (terms.MoveNext())
            {
                var term = terms.Term.Utf8ToString();
                if (PersonalNumbers.Found(term))
                {
                    leaks.Add($"term {name}:{term}");
                }
            }
        }
        return (reader.NumDocs, leaks);
    }

    /// <summary>The text around the first number the mask would change.</summary>
    static string Excerpt(string text)
    {
        var masked = PersonalNumbers.MaskAll(text);
        var at = Enumerable.Range(0, Math.Min(text.Length, masked.Length)).FirstOrDefault(i => text[i] != masked[i]);
        var start = Math.Max(0, at - 80);
        return "…" + text[start..Math.Min(text.Length, at + 80)] + "…";
    }
}
