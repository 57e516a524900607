using Google.Protobuf.WellKnownTypes;
using ServiceHall.Catalog.V1;
using ServiceHall.Search.V1;
using ServiceHall.Testing;

namespace ServiceHall.Portal.Tests;

/// <summary>Demo-like answers of the catalog and search services: a county's navigation, a complete guide, its history and Q&amp;A.</summary>
public static class SampleHall
{
    public const string IdCardItem = "7f1c0a9e2b3d4c5e8f6a7b8c9d0e1f2a";
    public const string PoliceCode = DemoCounty.PublicSecurity;

    public static CatalogNavigation Navigation() => new()
    {
        PersonThemes =
        {
            new NavigationEntry { Value = "户籍办理", Label = "户籍办理", Count = 12 },
            new NavigationEntry { Value = "证件办理", Label = "证件办理", Count = 9 },
            new NavigationEntry { Value = "社会保障", Label = "社会保障", Count = 20 },
            new NavigationEntry { Value = "婚姻登记", Label = "婚姻登记", Count = 3 },
        },
        LegalPersonThemes =
        {
            new NavigationEntry { Value = "设立变更", Label = "设立变更", Count = 15 },
            new NavigationEntry { Value = "准营准办", Label = "准营准办", Count = 7 },
        },
        Departments = { new NavigationEntry { Value = PoliceCode, Label = "县公安局", Count = 30 } },
        Towns = { new NavigationEntry { Value = DemoCounty.Nansan, Label = "南伞镇", Count = 5 } },
        OnlineDepths = { new NavigationEntry { Value = "ONLINE_DEPTH_FULLY_ONLINE", Label = "全程网办", Count = 40 } },
    };

    public static ItemSummary Summary(string id, string name) => new()
    {
        Id = id, Name = name, DepartmentName = "县公安局", DepartmentCode = PoliceCode, ItemType = "行政确认", Status = ItemStatus.Published,
        OnlineDepth = OnlineDepth.AcceptedOnline, SiteVisits = 1, PromisedDays = 20, PromisedUnit = "工作日",
    };

    public static ListItemsResponse List(ListItemsRequest request) => new()
    {
        Items = { Summary(IdCardItem, "居民身份证申领"), Summary("item-" + (request.PersonTheme.Length > 0 ? request.PersonTheme : "other"), $"{request.PersonTheme}事项") },
        Total = 2,
    };

    public static ServiceItem IdCard() => new()
    {
        Id = IdCardItem,
        Status = ItemStatus.Published,
        GuideVersion = 3,
        PublishedAt = Timestamp.FromDateTime(new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc)),
        Department = new Department { Code = PoliceCode, Name = "县公安局", Address = "县行政服务中心二楼", Phone = "0883-1234567", Hours = "工作日 8:30-17:00" },
        Guide = new ItemGuide
        {
            Code = $"000100000001-{DemoCounty.AreaCode}-000-{PoliceCode}-1-00",
            Name = "居民身份证申领",
            ItemType = "行政确认",
            HandlingKind = "承诺件",
            Audiences = { "自然人" },
            PersonThemes = { "证件办理" },
            DepartmentCode = PoliceCode,
            DepartmentNature = "法定机关",
            Conditions = "年满十六周岁的本县户籍居民。",
            StatutoryLimit = new TimeLimit { Value = 60, Unit = "工作日" },
            PromisedLimit = new TimeLimit { Value = 20, Unit = "工作日", Explanation = "偏远地区另加5个工作日" },
            SiteVisits = 1,
            OnlineDepth = OnlineDepth.AcceptedOnline,
            OnsiteReason = "需现场采集指纹和人像",
            Charged = true,
            Fees = { new Fee { Name = "居民身份证工本费", Standard = "20元/证", Basis = "《关于居民身份证收费标准的通知》", Reduction = "低保对象免收" } },
            Place = new ServicePlace { Address = "县行政服务中心二楼公安窗口", Hours = "周一至周五 8:30-12:00，14:00-17:00", Directions = "乘1路公交车到行政服务中心站" },
            Coverage = "全省",
            Contacts = new Contacts { ConsultPhone = "0883-1234567", ComplaintPhone = "0883-7654321", ComplaintChannel = "县行政服务中心投诉窗口" },
            Review = new AppealBody { Name = "县人民政府", Address = "县府路1号", Phone = "0883-1111111" },
            Litigation = new AppealBody { Name = "县人民法院", Address = "法院路2号", Phone = "0883-2222222" },
            ResultType = "证照",
            ResultName = "中华人民共和国居民身份证",
            LegalBasis = { new LegalBasis { Law = "《中华人民共和国居民身份证法》", Article = "第八条", Text = "居民身份证由居民常住户口所在地的县级人民政府公安机关签发。" } },
            Materials =
            {
                new Material { Name = "居民户口簿", Type = "原件", Form = "纸质", Necessity = "必要", Copies = 1, Source = "政府部门核发", Notes = "本人户口页" },
                new Material { Name = "近期免冠照片", Type = "电子件", Form = "电子", Necessity = "必要", Source = "申请人自备", Sample = "/files/samples/photo.jpg" },
                new Material { Name = "居民身份证申领登记表", Type = "原件", Form = "纸质", Necessity = "必要", Copies = 1, Source = "申请人自备", BlankForm = "/files/forms/id-card.docx" },
            },
            Steps = { new ProcessStep { Name = "申请", Description = "到窗口或网上提出申请" }, new ProcessStep { Name = "受理", Description = "窗口审核材料" }, new ProcessStep { Name = "发证" } },
            Faqs = { new Faq { Question = "身份证丢了怎么办？", Answer = "可以申请补领。" } },
        },
    };

    public static ItemHistory History() => new()
    {
        ItemId = IdCardItem,
        Entries =
        {
            new ItemHistoryEntry { Action = ItemHistoryAction.Published, GuideVersion = 3, Reason = "调整收费依据", Changes = { "收费标准：依据更新" }, At = Timestamp.FromDateTime(new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc)) },
            new ItemHistoryEntry { Action = ItemHistoryAction.Published, GuideVersion = 1, At = Timestamp.FromDateTime(new DateTime(2025, 6, 1, 2, 0, 0, DateTimeKind.Utc)) },
        },
    };

    public static ListItemQuestionsResponse Questions() => new()
    {
        Questions = { new PublicQuestion { Id = "q1", ItemId = IdCardItem, Question = "可以异地办理吗？", Answer = "可以在全省任一公安窗口办理。", PublishedAt = Timestamp.FromDateTime(new DateTime(2026, 4, 1, 2, 0, 0, DateTimeKind.Utc)) } },
    };

    /// <summary>The catalog answering every read the portal makes.</summary>
    public static FakeHall WithCatalog(this FakeHall hall) => hall
        .On<GetNavigationRequest, CatalogNavigation>("GetNavigation", _ => Navigation())
        .On<ListItemsRequest, ListItemsResponse>("ListItems", List)
        .On<GetItemRequest, ServiceItem>("GetItem", r => r.Id == IdCardItem ? IdCard() : throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, $"service item '{r.Id}' is not published")))
        .On<GetItemRequest, ItemHistory>("GetItemHistory", _ => History())
        .On<ListItemQuestionsRequest, ListItemQuestionsResponse>("ListItemQuestions", _ => Questions());

    public static SearchHit Hit(DocumentType type, string id, string title, string snippet, params (int Start, int Length)[] marks)
    {
        var hit = new SearchHit { Type = type, Id = id, Title = title, Snippet = snippet, Url = $"/api/catalog/items/{id}", Why = { "标题", "同义词" } };
        hit.Highlights.AddRange(marks.Select(m => new Highlight { Start = m.Start, Length = m.Length }));
        return hit;
    }
}
