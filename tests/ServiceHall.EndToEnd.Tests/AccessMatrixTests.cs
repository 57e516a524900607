using System.Text;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Credit.V1;
using ServiceHall.Disclosures.V1;
using ServiceHall.Search.V1;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// Every operation of every service reachable through the gateway, taken from the contracts themselves (each gRPC
/// method, and its JSON route from the google.api.http annotation), tried by anonymous and by every demo account,
/// over gRPC and over JSON. Each try targets objects that belong to someone (an item of 公安局, 张三's question and
/// application, 县人民医院's disclosures), so a tenancy hole shows up as an allow. A method without an expectation
/// fails the test: the matrix cannot fall behind the contracts.
/// </summary>
public sealed partial class AccessMatrixTests(HallFixture hall) : IDisposable
{
    const string Anonymous = "anonymous";

    /// <summary>Every demo account of the README, one or two per role.</summary>
    static readonly string[] Accounts = [DemoCounty.Zhangsan, DemoCounty.Lisi, DemoCounty.Qiye, DemoCounty.Gongan, DemoCounty.GonganHead, DemoCounty.Shichang, DemoCounty.Ziranziyuan, DemoCounty.Xinyong, DemoCounty.Yiyuan, DemoCounty.Xuexiao, DemoCounty.Jiancha, DemoCounty.Admin];
    static readonly string[] Everyone = [Anonymous, .. Accounts];
    static readonly string[] Applicants = [DemoCounty.Zhangsan, DemoCounty.Lisi, DemoCounty.Qiye];

    /// <summary>Every service a person or program calls through the gateway (the export is service to service).</summary>
    internal static readonly ServiceDescriptor[] Contracts =
    [
        CatalogService.Descriptor, ConsultationService.Descriptor, CalendarService.Descriptor, ApplicationsService.Descriptor, SupervisionService.Descriptor, RatingService.Descriptor, PublicFiguresService.Descriptor,
        CreditService.Descriptor, CreditImportService.Descriptor, CreditCorrectionService.Descriptor, CreditOpenApi.Descriptor, CreditLookupService.Descriptor, CreditListsService.Descriptor, DisclosuresService.Descriptor, SearchService.Descriptor,
    ];

    static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    /// <summary>What belongs to whom when the matrix runs.</summary>
    sealed record World(ServiceItem PoliceItem, Consultation Question, Application Application, string MaterialId, Draft Draft, Draft DraftToDelete, string Suffix, SupervisionNote Note)
    {
        /// <summary>张三's bad rating of another completed case of the item: its comment pending, its follow-up open.</summary>
        public required Rating BadRating { get; init; }
    }

    sealed record Probe(Func<World, IMessage> Request, IReadOnlySet<string> Allowed);

    static Probe Allow(Func<World, IMessage> request, params string[] allowed) => new(request, new HashSet<string>(allowed));

    /// <summary>The access rules of issue 5, one line per operation.</summary>
    static Dictionary<string, Probe> Expectations() => new()
    {
        // Catalog: guides are public, their drafts and every change belong to the item's department.
        ["servicehall.catalog.v1.CatalogService/GetItem"] = Allow(w => new GetItemRequest { Id = w.PoliceItem.Id }, Everyone),
        ["servicehall.catalog.v1.CatalogService/GetItemVersion"] = Allow(w => new GetItemVersionRequest { Id = w.PoliceItem.Id, GuideVersion = 1 }, Everyone),
        ["servicehall.catalog.v1.CatalogService/GetItemHistory"] = Allow(w => new GetItemRequest { Id = w.PoliceItem.Id }, Everyone),
        ["servicehall.catalog.v1.CatalogService/ListItems"] = Allow(_ => new ListItemsRequest { DepartmentCode = SampleGuide.Police }, Everyone),
        ["servicehall.catalog.v1.CatalogService/GetNavigation"] = Allow(_ => new GetNavigationRequest(), Everyone),
        ["servicehall.catalog.v1.CatalogService/GetDepartment"] = Allow(_ => new GetDepartmentRequest { Code = SampleGuide.Police }, Everyone),
        ["servicehall.catalog.v1.CatalogService/ListDepartments"] = Allow(_ => new ListDepartmentsRequest(), Everyone),
        ["servicehall.catalog.v1.CatalogService/CreateItem"] = Allow(w => new CreateItemRequest { Guide = SampleGuide.Complete("矩阵新建事项" + w.Suffix, SampleGuide.Police) }, DemoCounty.Gongan),
        ["servicehall.catalog.v1.CatalogService/UpdateItem"] = Allow(w => new UpdateItemRequest { Id = w.PoliceItem.Id, Guide = w.PoliceItem.Guide, ExpectedVersion = 999 }, DemoCounty.Gongan),
        // A wrong expected version: the owner passes every access check and is then refused for the version, so
        // the matrix itself never changes the item's state.
        ["servicehall.catalog.v1.CatalogService/PublishItem"] = Allow(w => Change(w), DemoCounty.Gongan),
        ["servicehall.catalog.v1.CatalogService/SuspendItem"] = Allow(w => Change(w), DemoCounty.Gongan),
        ["servicehall.catalog.v1.CatalogService/ResumeItem"] = Allow(w => Change(w), DemoCounty.Gongan),
        ["servicehall.catalog.v1.CatalogService/CancelItem"] = Allow(w => Change(w), DemoCounty.Gongan),
        ["servicehall.catalog.v1.CatalogService/GetItemDraft"] = Allow(w => new GetItemRequest { Id = w.PoliceItem.Id }, DemoCounty.Gongan, DemoCounty.Jiancha),
        ["servicehall.catalog.v1.CatalogService/GetGuideReport"] = Allow(_ => new GetGuideReportRequest { DepartmentCode = SampleGuide.Police }, DemoCounty.Gongan, DemoCounty.Jiancha, DemoCounty.Admin),
        ["servicehall.catalog.v1.CatalogService/UploadGuideFile"] = Allow(_ => new UploadGuideFileRequest
        {
            DepartmentCode = SampleGuide.Police, FileName = "矩阵测试样表.pdf", Content = Google.Protobuf.ByteString.CopyFrom(SampleFiles.Pdf()),
        }, DemoCounty.Gongan),
        ["servicehall.catalog.v1.CatalogService/CreateDepartment"] = Allow(_ => new CreateDepartmentRequest(), DemoCounty.Admin),
        // Consultations: anyone reads an item's public Q&A; a question belongs to its asker and the item's department.
        ["servicehall.catalog.v1.ConsultationService/ListItemQuestions"] = Allow(w => new ListItemQuestionsRequest { ItemId = w.PoliceItem.Id }, Everyone),
        ["servicehall.catalog.v1.ConsultationService/AskQuestion"] = Allow(w => new AskQuestionRequest { ItemId = w.PoliceItem.Id, Question = "请问可以委托他人办理吗？" }, Applicants),
        ["servicehall.catalog.v1.ConsultationService/ListMyConsultations"] = Allow(_ => new ListMyConsultationsRequest(), Applicants),
        ["servicehall.catalog.v1.ConsultationService/GetConsultation"] = Allow(w => new GetConsultationRequest { Id = w.Question.Id }, DemoCounty.Zhangsan, DemoCounty.Gongan, DemoCounty.Jiancha),
        ["servicehall.catalog.v1.ConsultationService/AnswerConsultation"] = Allow(w => new AnswerConsultationRequest { Id = w.Question.Id, Answer = "可以，需携带委托书。" }, DemoCounty.Gongan),
        ["servicehall.catalog.v1.ConsultationService/PublishConsultation"] = Allow(w => new PublishConsultationRequest { Id = w.Question.Id }, DemoCounty.Gongan),
        ["servicehall.catalog.v1.ConsultationService/ListOpenConsultations"] = Allow(_ => new ListOpenConsultationsRequest { DepartmentCode = SampleGuide.Police }, DemoCounty.Gongan, DemoCounty.Jiancha),
        ["servicehall.catalog.v1.ConsultationService/GetConsultationBoard"] = Allow(_ => new GetConsultationBoardRequest(), DemoCounty.Jiancha),
        // The working-day calendar: anyone reads a year; only the administrator sets one. The date outside the year
        // makes the administrator's call a refusal for the data, so the matrix never changes the calendar.
        ["servicehall.catalog.v1.CalendarService/GetCalendarYear"] = Allow(_ => new GetCalendarYearRequest { Year = 2026 }, Everyone),
        ["servicehall.catalog.v1.CalendarService/SetCalendarYear"] = Allow(_ => new SetCalendarYearRequest { Year = 2027, Holidays = { "2026-10-01" } }, DemoCounty.Admin),
        // Applications: a case belongs to its applicant and the item's department; the supervisor reads.
        ["servicehall.applications.v1.ApplicationsService/SubmitApplication"] = Allow(w => new SubmitApplicationRequest
        {
            ItemId = w.PoliceItem.Id, ApplicantName = "矩阵申请人", IdempotencyKey = "matrix-" + w.Suffix,
            ApplicantIdNumber = TestCodes.DemoResidentId, ApplicantPhone = TestCodes.DemoMobile,
        }, Applicants),
        // 办件统计公开: the public figures, for everyone.
        ["servicehall.applications.v1.PublicFiguresService/GetPublicFigures"] = Allow(_ => new GetPublicFiguresRequest(), Everyone),
        ["servicehall.applications.v1.ApplicationsService/GetApplication"] = Allow(w => new GetApplicationRequest { TrackingNumber = w.Application.TrackingNumber }, DemoCounty.Zhangsan, DemoCounty.Gongan, DemoCounty.GonganHead, DemoCounty.Jiancha),
        ["servicehall.applications.v1.ApplicationsService/RevealApplicant"] = Allow(w => new RevealApplicantRequest { TrackingNumber = w.Application.TrackingNumber, Reason = "核对申请人身份" }, DemoCounty.Zhangsan, DemoCounty.Gongan),
        ["servicehall.applications.v1.ApplicationsService/ListMyApplications"] = Allow(_ => new ListMyApplicationsRequest(), Applicants),
        ["servicehall.applications.v1.ApplicationsService/GetCaseTrail"] = Allow(w => new GetCaseTrailRequest { TrackingNumber = w.Application.TrackingNumber },
            DemoCounty.Zhangsan, DemoCounty.Gongan, DemoCounty.GonganHead, DemoCounty.Jiancha),
        ["servicehall.applications.v1.ApplicationsService/ListDepartmentCases"] = Allow(_ => new ListDepartmentCasesRequest { DepartmentCode = SampleGuide.Police },
            DemoCounty.Gongan, DemoCounty.GonganHead, DemoCounty.Jiancha),
        // 我的消息: each applicant's own feed; marking another's id read changes nothing (the feed is the caller's).
        ["servicehall.applications.v1.ApplicationsService/ListMyNotifications"] = Allow(_ => new ListMyNotificationsRequest(), Applicants),
        ["servicehall.applications.v1.ApplicationsService/ListMyDataAccess"] = Allow(_ => new ListMyDataAccessRequest(), Applicants),
        ["servicehall.applications.v1.ApplicationsService/MarkNotificationsRead"] = Allow(_ => new MarkNotificationsReadRequest(), Applicants),
        // Drafts: each applicant's own. The world holds two of 张三's, one to read and submit, one to delete.
        ["servicehall.applications.v1.ApplicationsService/SaveDraft"] = Allow(w => new SaveDraftRequest { Application = new SubmitApplicationRequest { ItemId = w.PoliceItem.Id } }, Applicants),
        ["servicehall.applications.v1.ApplicationsService/GetDraft"] = Allow(w => new GetDraftRequest { DraftId = w.Draft.DraftId }, DemoCounty.Zhangsan),
        ["servicehall.applications.v1.ApplicationsService/ListMyDrafts"] = Allow(_ => new ListMyDraftsRequest(), Applicants),
        ["servicehall.applications.v1.ApplicationsService/DeleteDraft"] = Allow(w => new DeleteDraftRequest { DraftId = w.DraftToDelete.DraftId }, DemoCounty.Zhangsan),
        ["servicehall.applications.v1.ApplicationsService/SubmitDraft"] = Allow(w => new SubmitDraftRequest { DraftId = w.Draft.DraftId }, DemoCounty.Zhangsan),
        // The case's life, in the contract's order, which is also a possible life of the world's case: each allowed
        // caller's first call takes the step, the same caller's later calls meet the next state (FailedPrecondition,
        // an allow as far as access goes). Every request is valid, so a refusal can only be about who calls.
        ["servicehall.applications.v1.ApplicationsService/AcceptApplication"] = Allow(w => new AcceptApplicationRequest { TrackingNumber = w.Application.TrackingNumber, Opinion = "予以受理" }, DemoCounty.Gongan),
        ["servicehall.applications.v1.ApplicationsService/RefuseApplication"] = Allow(w => new RefuseApplicationRequest { TrackingNumber = w.Application.TrackingNumber, Reason = "不属于本部门职权范围" }, DemoCounty.Gongan),
        ["servicehall.applications.v1.ApplicationsService/RecordReview"] = Allow(w => new RecordReviewRequest { TrackingNumber = w.Application.TrackingNumber, Step = w.Application.ReviewSteps.FirstOrDefault() ?? "审查", Opinion = "符合条件" }, DemoCounty.Gongan),
        ["servicehall.applications.v1.ApplicationsService/RequestCorrection"] = Allow(w => new RequestCorrectionRequest
        {
            TrackingNumber = w.Application.TrackingNumber, Items = { new CorrectionItem { Material = "户口簿", Problem = "复印件不清晰" } },
        }, DemoCounty.Gongan),
        ["servicehall.applications.v1.ApplicationsService/SubmitCorrection"] = Allow(w => new SubmitCorrectionRequest { TrackingNumber = w.Application.TrackingNumber, Response = "已重新上传" }, DemoCounty.Zhangsan),
        ["servicehall.applications.v1.ApplicationsService/StartSpecialProcedure"] = Allow(w => new StartSpecialProcedureRequest
        {
            TrackingNumber = w.Application.TrackingNumber, Kind = SpecialProcedureKind.Inspection, WorkingDays = 3, Reason = "需现场核查",
        }, DemoCounty.Gongan),
        ["servicehall.applications.v1.ApplicationsService/EndSpecialProcedure"] = Allow(w => new EndSpecialProcedureRequest { TrackingNumber = w.Application.TrackingNumber, Opinion = "核查属实" }, DemoCounty.Gongan),
        ["servicehall.applications.v1.ApplicationsService/ExtendDeadline"] = Allow(w => new ExtendDeadlineRequest { TrackingNumber = w.Application.TrackingNumber, WorkingDays = 1, Reason = "需补充核查" }, DemoCounty.GonganHead),
        ["servicehall.applications.v1.ApplicationsService/DecideApplication"] = Allow(w => new DecideApplicationRequest
        {
            TrackingNumber = w.Application.TrackingNumber, Decision = Decision.Approve, Opinion = "准予", DocumentNumber = "镇公〔2026〕1号", DocumentTitle = "准予决定书",
        }, DemoCounty.Gongan),
        ["servicehall.applications.v1.ApplicationsService/CompleteApplication"] = Allow(w => new CompleteApplicationRequest { TrackingNumber = w.Application.TrackingNumber }, DemoCounty.Gongan),
        // Materials: anyone who applies or decides uploads their own file (an officer's is a decision document); a
        // case's files are read by those who read the case, and each download is audited.
        ["servicehall.applications.v1.ApplicationsService/UploadMaterial"] = Allow(_ => new UploadMaterialRequest
        {
            FileName = "矩阵材料.pdf", Content = ByteString.CopyFrom(SampleFiles.Pdf("matrix")),
        }, [.. Applicants, DemoCounty.Gongan, DemoCounty.Shichang, DemoCounty.Ziranziyuan]),
        ["servicehall.applications.v1.ApplicationsService/ListCaseMaterials"] = Allow(w => new ListCaseMaterialsRequest { TrackingNumber = w.Application.TrackingNumber },
            DemoCounty.Zhangsan, DemoCounty.Gongan, DemoCounty.GonganHead, DemoCounty.Jiancha),
        ["servicehall.applications.v1.ApplicationsService/DownloadMaterial"] = Allow(w => new DownloadMaterialRequest { TrackingNumber = w.Application.TrackingNumber, MaterialId = w.MaterialId },
            DemoCounty.Zhangsan, DemoCounty.Gongan, DemoCounty.GonganHead, DemoCounty.Jiancha),
        ["servicehall.applications.v1.ApplicationsService/WithdrawApplication"] = Allow(w => new WithdrawApplicationRequest { TrackingNumber = w.Application.TrackingNumber }, DemoCounty.Zhangsan),
        // 电子监察: the supervisor reads every case and writes only 督办 notes; the case's department (公安局) reads and
        // answers them (the first answer stands, a second is FailedPrecondition: an allow as far as access goes).
        ["servicehall.applications.v1.SupervisionService/GetSupervisionBoard"] = Allow(_ => new GetSupervisionBoardRequest(), DemoCounty.Jiancha),
        ["servicehall.applications.v1.SupervisionService/ListSupervisedCases"] = Allow(_ => new ListSupervisedCasesRequest { DepartmentCode = SampleGuide.Police }, DemoCounty.Jiancha),
        ["servicehall.applications.v1.SupervisionService/GetCaseSupervision"] = Allow(w => new GetCaseSupervisionRequest { TrackingNumber = w.Application.TrackingNumber }, DemoCounty.Jiancha),
        ["servicehall.applications.v1.SupervisionService/AddSupervisionNote"] = Allow(w => new AddSupervisionNoteRequest { TrackingNumber = w.Application.TrackingNumber, Text = "矩阵测试督办" }, DemoCounty.Jiancha),
        ["servicehall.applications.v1.SupervisionService/ListSupervisionNotes"] = Allow(w => new ListSupervisionNotesRequest { TrackingNumber = w.Application.TrackingNumber },
            DemoCounty.Gongan, DemoCounty.GonganHead, DemoCounty.Jiancha),
        ["servicehall.applications.v1.SupervisionService/ListOpenSupervisionNotes"] = Allow(_ => new ListOpenSupervisionNotesRequest(), DemoCounty.Jiancha, DemoCounty.Gongan, DemoCounty.GonganHead, DemoCounty.Ziranziyuan, DemoCounty.Shichang),
        ["servicehall.applications.v1.SupervisionService/AnswerSupervisionNote"] = Allow(w => new AnswerSupervisionNoteRequest { NoteId = w.Note.NoteId, Answer = "矩阵测试答复" },
            DemoCounty.Gongan, DemoCounty.GonganHead),
        // 好差评: the owner rates a completed case (the world's rated case in another channel: the first call rates, later
        // ones meet AlreadyExists); the case's readers read its ratings; administrators moderate; the department works
        // the follow-up in the contract's order and the rater closes it; the department and supervisors list them.
        ["servicehall.applications.v1.RatingService/RateCase"] = Allow(w => new RateCaseRequest
        {
            TrackingNumber = w.BadRating.TrackingNumber, Channel = RatingChannel.Window, Level = RatingLevel.Satisfied,
        }, DemoCounty.Zhangsan),
        ["servicehall.applications.v1.RatingService/ListCaseRatings"] = Allow(w => new ListCaseRatingsRequest { TrackingNumber = w.BadRating.TrackingNumber },
            DemoCounty.Zhangsan, DemoCounty.Gongan, DemoCounty.GonganHead, DemoCounty.Jiancha),
        ["servicehall.applications.v1.RatingService/ListPendingComments"] = Allow(_ => new ListPendingCommentsRequest(), DemoCounty.Admin),
        ["servicehall.applications.v1.RatingService/ModerateComment"] = Allow(w => new ModerateCommentRequest { RatingId = w.BadRating.RatingId, Approve = true, Reason = "内容属实" }, DemoCounty.Admin),
        ["servicehall.applications.v1.RatingService/ListFollowUps"] = Allow(_ => new ListFollowUpsRequest { DepartmentCode = SampleGuide.Police },
            DemoCounty.Gongan, DemoCounty.GonganHead, DemoCounty.Jiancha),
        ["servicehall.applications.v1.RatingService/RecordRectification"] = Allow(w => new RecordRectificationRequest { RatingId = w.BadRating.RatingId, Rectification = "已整改" }, DemoCounty.Gongan),
        ["servicehall.applications.v1.RatingService/RecordCallBack"] = Allow(w => new RecordCallBackRequest { RatingId = w.BadRating.RatingId, CallBack = "已电话回访" }, DemoCounty.Gongan),
        ["servicehall.applications.v1.RatingService/CloseFollowUp"] = Allow(w => new CloseFollowUpRequest { RatingId = w.BadRating.RatingId, Resolved = true }, DemoCounty.Zhangsan),
        // Credit: the lookup is public; a penalty may be written only by a credit editor of the deciding authority
        // (here 公安局, whose credit editor is not among the demo accounts: nobody may write it).
        ["servicehall.credit.v1.CreditService/GetEntity"] = Allow(_ => new GetEntityRequest { Code = DemoCounty.Business }, Everyone),
        // A licence by id: public like the entity lookup (an unknown id is NotFound, an answer, not a refusal).
        ["servicehall.credit.v1.CreditService/GetLicence"] = Allow(_ => new GetLicenceRequest { Id = "0123456789abcdef0123456789abcdef" }, Everyone),
        // The lookup box: public like the entity it leads to.
        ["servicehall.credit.v1.CreditLookupService/FindEntities"] = Allow(_ => new FindEntitiesRequest { Q = "镇康县" }, Everyone),
        // The credit lists: public reading; an entry only by a credit editor of the deciding body (公安局 again: nobody here).
        ["servicehall.credit.v1.CreditListsService/ListEntries"] = Allow(_ => new ListEntriesRequest { Kind = CreditListKind.Black }, Everyone),
        ["servicehall.credit.v1.CreditListsService/AddListEntry"] = Allow(_ => new AddListEntryRequest
        {
            Entry = new ListEntry
            {
                Code = DemoCounty.Business, Kind = CreditListKind.Watch, DecidingBody = "县公安局", DecidingBodyCode = DemoCounty.PublicSecurity,
                Reason = "访问控制测试", DateIn = "2026-01-05",
            },
        }, []),
        ["servicehall.credit.v1.CreditService/RegisterEntity"] = Allow(_ => new RegisterEntityRequest(), DemoCounty.Xinyong, DemoCounty.Admin),
        ["servicehall.credit.v1.CreditService/AddPenalty"] = Allow(w => PoliceDecidedPenalty(w), []),
        // An import file of 市场监管局's own penalties: only its credit editor imports it (the first call records
        // the penalty, the others find it recorded and change nothing).
        ["servicehall.credit.v1.CreditImportService/ImportRecords"] = Allow(w => MarketRegulationImport(w), DemoCounty.Xinyong),
        // Corrections: credit editors only, and of the deciding department only (tested in the credit service's
        // tests: no other department's credit editor is among the demo accounts). An unknown penalty is NotFound, an
        // answer: the demo penalties are not changed by the matrix.
        ["servicehall.credit.v1.CreditCorrectionService/CorrectPenalty"] = Allow(_ => new CorrectPenaltyRequest
        {
            Id = "0123456789abcdef0123456789abcdef", Reason = "矩阵测试",
            Penalty = new PenaltyRecord { DecisionNumber = "县市监罚〔2026〕1号", Category = "警告", Content = "警告", DecisionDate = "2026-10-15", Authority = "县市场监督管理局", AuthorityCode = DemoCounty.MarketRegulation },
        }, DemoCounty.Xinyong),
        ["servicehall.credit.v1.CreditCorrectionService/WithdrawPenalty"] = Allow(_ => new WithdrawPenaltyRequest { Id = "0123456789abcdef0123456789abcdef", Reason = "矩阵测试" }, DemoCounty.Xinyong),
        ["servicehall.credit.v1.CreditCorrectionService/GetPenaltyHistory"] = Allow(_ => new GetPenaltyHistoryRequest { Id = "0123456789abcdef0123456789abcdef" }, DemoCounty.Xinyong),
        // The credit open API: institutions' clients only (a client-credentials token with the credit.lookup scope, which
        // no demo account's token carries; OpenApiJourneyTests uses them); a business reads who looked it up.
        ["servicehall.credit.v1.CreditOpenApi/LookUpEntity"] = Allow(_ => new LookUpEntityRequest { Code = DemoCounty.Business }, []),
        ["servicehall.credit.v1.CreditOpenApi/WatchEntity"] = Allow(_ => new WatchEntityRequest { Code = DemoCounty.Business }, []),
        ["servicehall.credit.v1.CreditOpenApi/UnwatchEntity"] = Allow(_ => new UnwatchEntityRequest { Code = DemoCounty.Business }, []),
        ["servicehall.credit.v1.CreditOpenApi/ListWatches"] = Allow(_ => new ListWatchesRequest(), []),
        ["servicehall.credit.v1.CreditOpenApi/SetWebhook"] = Allow(_ => new SetWebhookRequest { Url = "https://bank.example/hooks/credit" }, []),
        ["servicehall.credit.v1.CreditOpenApi/ListDeadLetters"] = Allow(_ => new ListDeadLettersRequest(), []),
        ["servicehall.credit.v1.CreditOpenApi/ListLookupsOfMyEntity"] = Allow(_ => new ListLookupsOfMyEntityRequest(), DemoCounty.Qiye),
        // Disclosures: public reading; only the organisation's own publisher publishes.
        ["servicehall.disclosures.v1.DisclosuresService/ListDisclosures"] = Allow(_ => new ListDisclosuresRequest { OrganizationId = DemoCounty.Hospital }, Everyone),
        ["servicehall.disclosures.v1.DisclosuresService/RegisterOrganization"] = Allow(_ => new RegisterOrganizationRequest(), DemoCounty.Admin),
        ["servicehall.disclosures.v1.DisclosuresService/PublishDisclosure"] = Allow(w => new PublishDisclosureRequest
        {
            OrganizationId = DemoCounty.Hospital, Kind = DisclosureKind.FeeSchedule, Title = "矩阵测试公示" + w.Suffix,
            Body = "住院床位费每日二十元。", EffectiveDate = "2026-11-01",
        }, DemoCounty.Yiyuan),
        // Search: the front door, open to all.
        ["servicehall.search.v1.SearchService/Search"] = Allow(_ => new SearchRequest { Q = "身份证" }, Everyone),
        ["servicehall.search.v1.SearchService/Suggest"] = Allow(_ => new SuggestRequest { Q = "身份" }, Everyone),
    };

    static ChangeItemRequest Change(World w) => new() { Id = w.PoliceItem.Id, Reason = "矩阵测试", ExpectedVersion = 999 };

    static ImportRecordsRequest MarketRegulationImport(World w) => new()
    {
        Kind = ImportKind.Penalties,
        FileName = "矩阵测试.csv",
        Content = ByteString.CopyFrom(CreditImportFiles.Csv(CreditImportFiles.CurrentPenaltyHeader,
            [CreditImportFiles.PenaltyRow("县示范企业", DemoCounty.Business, "县市监罚〔2026〕矩阵" + w.Suffix[..4] + "号", "2026-10-15", DemoCounty.MarketRegulation)])),
    };

    static AddPenaltyRequest PoliceDecidedPenalty(World w) => new()
    {
        Code = DemoCounty.Business,
        Penalty = new PenaltyRecord
        {
            DecisionNumber = "县公罚〔2026〕" + w.Suffix[..4] + "号", ViolationType = "治安管理", Facts = "矩阵测试", Basis = "《中华人民共和国治安管理处罚法》第二十三条",
            Category = "警告", Content = "警告", DecisionDate = "2026-10-15", Authority = "镇康县公安局", AuthorityCode = SampleGuide.Police,
        },
    };

    /// <summary>
    /// The contracts declare which operations are public (option servicehall.common.v1.public); the services open
    /// exactly those, and this matrix, which also runs through the gateway's anonymous routes, must agree with them.
    /// </summary>
    [Fact]
    public void Anonymous_callers_are_expected_exactly_where_the_contract_declares_the_operation_public()
    {
        var expectations = Expectations();
        var disagreements = Contracts.SelectMany(s => s.Methods)
            .Where(m => expectations.TryGetValue(Key(m), out var probe) && probe.Allowed.Contains(Anonymous) != PublicMethods.IsPublic(m))
            .Select(m => $"{Key(m)}: the contract says {(PublicMethods.IsPublic(m) ? "public" : "signed-in only")}")
            .ToList();
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        Assert.Contains(Contracts.SelectMany(s => s.Methods), PublicMethods.IsPublic);
    }

    [Fact]
    public async Task Every_account_and_anonymous_against_every_operation_finds_no_unexpected_allow()
    {
        var expectations = Expectations();
        var methods = Contracts.SelectMany(s => s.Methods).ToList();
        var unexpected = methods.Select(m => Key(m)).Where(k => !expectations.ContainsKey(k)).ToList();
        Assert.True(unexpected.Count == 0, "operations without an access expectation: " + string.Join(", ", unexpected));
        var stale = expectations.Keys.Where(k => methods.All(m => Key(m) != k)).ToList();
        Assert.True(stale.Count == 0, "expectations for operations that no longer exist: " + string.Join(", ", stale));

        var world = await PrepareWorldAsync();
        var report = new StringBuilder();
        var unexpectedAllows = new List<string>();
        var unexpectedDenials = new List<string>();
        var tries = 0;
        foreach (var method in methods)
        {
            var probe = expectations[Key(method)];
            var route = RouteOf(method);
            // The ones who must be refused go first: an allowed owner's call may change the object afterwards.
            foreach (var who in Everyone.OrderBy(p => probe.Allowed.Contains(p)))
            {
                var expected = probe.Allowed.Contains(who);
                var (grpcAllowed, grpcAnswer) = await CallGrpcAsync(Gateway(who), method, probe.Request(world));
                // Past the gateway, straight at the service's own port: it must refuse the same callers by itself.
                var (directAllowed, directAnswer) = await CallGrpcAsync(Direct(method, who), method, probe.Request(world));
                var outcomes = new List<(string Transport, bool Allowed, string Answer)> { ("gRPC", grpcAllowed, grpcAnswer), ("direct", directAllowed, directAnswer) };
                if (route is not null)
                {
                    var (jsonAllowed, jsonAnswer) = await CallJsonAsync(route.Value, probe.Request(world), who);
                    outcomes.Add(("JSON", jsonAllowed, jsonAnswer));
                }
                foreach (var (transport, allowed, answer) in outcomes)
                {
                    tries++;
                    report.AppendLine($"{Key(method),-70} {transport,-4} {who,-12} {(expected ? "allow" : "deny"),-5} → {answer}");
                    if (allowed && !expected)
                    {
                        unexpectedAllows.Add($"{Key(method)} over {transport} by {who}: {answer}");
                    }
                    if (!allowed && expected)
                    {
                        unexpectedDenials.Add($"{Key(method)} over {transport} by {who}: {answer}");
                    }
                }
            }
        }

        var artifact = Path.Combine(ArtifactsFolder(), "access-matrix.txt");
        await File.WriteAllTextAsync(artifact, $"{tries} tries: {methods.Count} operations × {Everyone.Length} callers × gRPC and JSON through the gateway, and gRPC straight to the service\n\n{report}",
            TestContext.Current.CancellationToken);
        TestContext.Current.SendDiagnosticMessage($"Access matrix: {tries} tries over {methods.Count} operations and {Everyone.Length} callers; written to {artifact}");
        Assert.True(unexpectedAllows.Count == 0, $"{unexpectedAllows.Count} unexpected allows of {tries} tries:\n" + string.Join('\n', unexpectedAllows));
        Assert.True(unexpectedDenials.Count == 0, $"{unexpectedDenials.Count} unexpected denials of {tries} tries:\n" + string.Join('\n', unexpectedDenials));
    }

    async Task<World> PrepareWorldAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var officer = new CatalogService.CatalogServiceClient(await hall.GrpcAs(DemoCounty.Gongan));
        var draft = await officer.CreateItemAsync(new CreateItemRequest { Guide = SampleGuide.ForEveryone("矩阵测试事项" + suffix, SampleGuide.Police) });
        var item = await officer.PublishItemAsync(new ChangeItemRequest { Id = draft.Id });
        var question = await new ConsultationService.ConsultationServiceClient(await hall.GrpcAs(DemoCounty.Zhangsan))
            .AskQuestionAsync(new AskQuestionRequest { ItemId = item.Id, Question = "请问需要本人到场吗？" });
        var zhangsan = new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Zhangsan));
        var form = await zhangsan.UploadFormAsync();
        var application = await zhangsan.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            ItemId = item.Id, ApplicantName = "张三", IdempotencyKey = "matrix-world-" + suffix,
            ApplicantIdNumber = TestCodes.DemoResidentId, ApplicantPhone = TestCodes.DemoMobile, Materials = { form },
        });
        // Two of 张三's drafts, complete with their own upload: one to read and submit, one to delete.
        var filled = new SubmitApplicationRequest { ItemId = item.Id, ApplicantName = "张三", ApplicantIdNumber = TestCodes.DemoResidentId, ApplicantPhone = TestCodes.DemoMobile };
        var draftToSubmit = await zhangsan.SaveDraftAsync(new SaveDraftRequest { Application = new SubmitApplicationRequest(filled) { Materials = { await zhangsan.UploadFormAsync() } } });
        var draftToDelete = await zhangsan.SaveDraftAsync(new SaveDraftRequest { Application = filled });
        var note = await new SupervisionService.SupervisionServiceClient(await hall.GrpcAs(DemoCounty.Jiancha))
            .AddSupervisionNoteAsync(new AddSupervisionNoteRequest { TrackingNumber = application.TrackingNumber, Text = "请说明办理进度" });
        // A second case of the item, worked to 办结 by 公安局 and rated badly by 张三 with a comment.
        var rated = await zhangsan.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            ItemId = item.Id, ApplicantName = "张三", IdempotencyKey = "matrix-rated-" + suffix,
            ApplicantIdNumber = TestCodes.DemoResidentId, ApplicantPhone = TestCodes.DemoMobile, Materials = { await zhangsan.UploadFormAsync() },
        });
        var police = new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Gongan));
        await police.AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = rated.TrackingNumber });
        await police.DecideApplicationAsync(new DecideApplicationRequest
        {
            TrackingNumber = rated.TrackingNumber, Decision = Decision.Approve, Opinion = "准予", DocumentNumber = "镇公〔2026〕2号", DocumentTitle = "准予决定书",
        });
        await police.CompleteApplicationAsync(new CompleteApplicationRequest { TrackingNumber = rated.TrackingNumber });
        var badRating = await new RatingService.RatingServiceClient(await hall.GrpcAs(DemoCounty.Zhangsan)).RateCaseAsync(new RateCaseRequest
        {
            TrackingNumber = rated.TrackingNumber, Channel = RatingChannel.Online, Level = RatingLevel.Dissatisfied, Comment = "等待时间太长",
        });
        return new World(item, question, application, form.MaterialId, draftToSubmit, draftToDelete, suffix, note) { BadRating = badRating };
    }

    static string Key(MethodDescriptor method) => $"{method.Service.FullName}/{method.Name}";

    static bool IsRefusal(StatusCode code) => code is StatusCode.Unauthenticated or StatusCode.PermissionDenied;

    async Task<CallInvoker> Gateway(string who) => who == Anonymous ? hall.GrpcAnonymous : await hall.GrpcAs(who);

    readonly Dictionary<string, Grpc.Net.Client.GrpcChannel> directChannels = [];

    /// <summary>A channel to the service that serves the method (servicehall.&lt;service&gt;.v1), bypassing the gateway.</summary>
    async Task<CallInvoker> Direct(MethodDescriptor method, string who)
    {
        var service = method.Service.FullName.Split('.')[1];
        if (!directChannels.TryGetValue(service, out var channel))
        {
            channel = directChannels[service] = Grpc.Net.Client.GrpcChannel.ForAddress(hall.Hall.ServiceAddresses[service]);
        }
        return who == Anonymous ? channel.CreateCallInvoker() : await hall.SignedIn.GrpcAs(hall.Hall, channel, who);
    }

    async Task<(bool Allowed, string Answer)> CallGrpcAsync(Task<CallInvoker> invokerTask, MethodDescriptor method, IMessage request)
    {
        var invoker = await invokerTask;
        var call = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Bytes, Bytes);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await invoker.AsyncUnaryCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), request.ToByteArray());
                return (true, "OK");
            }
            // The gateway's rate limit (429) reaches a gRPC client as Unavailable: wait and ask again.
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && attempt < 5)
            {
                await Task.Delay(1000);
            }
            catch (RpcException ex)
            {
                return (!IsRefusal(ex.StatusCode), ex.StatusCode.ToString());
            }
        }
    }

    async Task<(bool Allowed, string Answer)> CallJsonAsync((HttpMethod Verb, string Path, string Body) route, IMessage request, string who)
    {
        var http = who == Anonymous ? hall.Http : await hall.HttpAs(who);
        var (path, bound) = Fill(route.Path, request);
        var unbound = request.Descriptor.Parser.ParseFrom(request.ToByteString());
        foreach (var field in bound)
        {
            field.Accessor.Clear(unbound);
        }
        // body "*": the request's other fields; body "<field>": that field's message; no body: a query string.
        var json = route.Body is "" or "*"
            ? JsonFormatter.Default.Format(unbound)
            : request.Descriptor.FindFieldByName(route.Body).Accessor.GetValue(request) is IMessage part ? JsonFormatter.Default.Format(part) : "{}";
        if (route.Body == "")
        {
            var query = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject()
                .Where(p => p.Value is System.Text.Json.Nodes.JsonValue)
                .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!.ToString())}");
            path += query.Any() ? "?" + string.Join('&', query) : "";
        }
        for (var attempt = 1; ; attempt++)
        {
            using var message = new HttpRequestMessage(route.Verb, path);
            if (route.Body != "")
            {
                message.Content = new StringContent(json, Encoding.UTF8, new System.Net.Http.Headers.MediaTypeHeaderValue("application/json"));
            }
            using var response = await http.SendAsync(message);
            var status = (int)response.StatusCode;
            if (status is 429 or 503 && attempt < 5)
            {
                await Task.Delay(1000);
                continue;
            }
            return (status is not (401 or 403), status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The JSON route of a method from its google.api.http annotation, if it has one.</summary>
    static (HttpMethod Verb, string Path, string Body)? RouteOf(MethodDescriptor method)
    {
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        if (rule is null)
        {
            return null;
        }
        var body = rule.Body;
        return rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get, body),
            HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post, body),
            HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put, body),
            HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete, body),
            HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch, body),
            _ => null,
        };
    }

    /// <summary>The route's path with each {field} filled from the request, and the fields it took.</summary>
    static (string Path, List<FieldDescriptor> Bound) Fill(string template, IMessage request)
    {
        var bound = new List<FieldDescriptor>();
        var path = PathVariable().Replace(template, m =>
        {
            var field = request.Descriptor.FindFieldByName(m.Groups[1].Value)
                ?? throw new InvalidOperationException($"{template}: no field {m.Groups[1].Value} in {request.Descriptor.Name}");
            bound.Add(field);
            return Uri.EscapeDataString(field.Accessor.GetValue(request)?.ToString() ?? "");
        });
        return (path, bound);
    }

    [GeneratedRegex(@"\{([a-z_]+)(=[^}]*)?\}")]
    private static partial Regex PathVariable();

    public void Dispose()
    {
        foreach (var channel in directChannels.Values)
        {
            channel.Dispose();
        }
    }

    /// <summary>Where the test run leaves what people read afterwards (not committed: TestResults is ignored).</summary>
    static string ArtifactsFolder()
    {
        var folder = Path.Combine(Testing.RunningHall.RepositoryRoot(), "TestResults", "artifacts");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
