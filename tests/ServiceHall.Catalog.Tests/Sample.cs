using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>
/// A complete guide that passes every check, the departments it needs, and who calls: an officer of each
/// department writes its items, an administrator registers departments, applicants ask; tests break one thing at a time.
/// </summary>
static class Sample
{
    public const string PoliceCode = DemoCounty.PublicSecurity;
    public const string TownCode = DemoCounty.Mengpeng;
    /// <summary>镇康县市场监督管理局: a real department of the demo county that implements none of the sample items.</summary>
    public const string MarketCode = DemoCounty.MarketRegulation;
    public const string AreaCode = DemoCounty.AreaCode;

    public static readonly TestUser PoliceOfficer = TestUser.Officer(PoliceCode, DemoCounty.Gongan);
    public static readonly TestUser TownOfficer = TestUser.Officer(TownCode, "mengpeng");
    public static readonly TestUser MarketOfficer = TestUser.Officer(MarketCode, DemoCounty.Shichang);
    public static readonly TestUser Administrator = TestUser.Administrator(DemoCounty.Admin);
    public static readonly TestUser Supervisor = TestUser.Supervisor(DemoCounty.Jiancha);
    public static readonly TestUser Zhangsan = TestUser.Person(DemoCounty.Zhangsan);
    public static readonly TestUser Lisi = TestUser.Person(DemoCounty.Lisi);

    /// <summary>The officer who writes the items of this department.</summary>
    public static TestUser OfficerOf(string departmentCode) => departmentCode switch
    {
        PoliceCode => PoliceOfficer,
        TownCode => TownOfficer,
        MarketCode => MarketOfficer,
        _ => TestUser.Officer(departmentCode, "officer-" + departmentCode),
    };

    /// <summary>The catalog as this user calls it; anonymous without one (public reads).</summary>
    public static V1.CatalogService.CatalogServiceClient Catalog(ServiceHost<Program> host, TestUser? user = null) =>
        user is null ? new(host.Channel) : new(host.As(user));

    public static V1.ConsultationService.ConsultationServiceClient Consultations(ServiceHost<Program> host, TestUser? user = null) =>
        user is null ? new(host.Channel) : new(host.As(user));

    public static Department Police => new()
    {
        Code = PoliceCode, Name = "镇康县公安局", Kind = "县级部门", Address = "南伞镇团结路12号", Phone = "0883-6010000", Hours = "周一至周五",
    };

    public static Department Town => new()
    {
        Code = TownCode, Name = "勐捧镇人民政府", Kind = "乡镇街道", Address = "勐捧镇振兴路1号", Phone = "0883-6200000", Hours = "周一至周五",
    };

    public static async Task AddDepartmentsAsync(ServiceHost<Program> host)
    {
        var catalog = Catalog(host, Administrator);
        await catalog.CreateDepartmentAsync(new CreateDepartmentRequest { Department = Police });
        await catalog.CreateDepartmentAsync(new CreateDepartmentRequest { Department = Town });
    }

    public static ItemGuide Guide(string basicCode = "000100000001", string name = "居民身份证申领", string department = PoliceCode) => new()
    {
        BasicCode = basicCode,
        Name = name,
        ItemType = "行政确认",
        Audiences = { "自然人" },
        HandlingKind = "承诺件",
        PersonThemes = { "证件办理", "户籍办理" },
        DepartmentCode = department,
        DepartmentNature = "法定机关",
        LegalBasis = { new LegalBasis { Law = "《中华人民共和国居民身份证法》", Article = "第八条", Text = "居民身份证由居民常住户口所在地的县级人民政府公安机关签发。" } },
        Conditions = "具有本县常住户口的中国公民，年满十六周岁应当申请领取居民身份证。",
        StatutoryLimit = new TimeLimit { Value = 60, Unit = "自然日", Explanation = "自受理之日起" },
        PromisedLimit = new TimeLimit { Value = 15, Unit = "自然日" },
        SiteVisits = 1,
        OnlineDepth = OnlineDepth.AcceptedOnline,
        OnsiteReason = "需现场采集人像和指纹",
        Charged = true,
        Fees = { new Fee { Name = "居民身份证工本费", Standard = "20元/证", Basis = "《中华人民共和国居民身份证法》第二十一条；财综〔2007〕34号" } },
        Place = new ServicePlace { Address = "县政务服务中心一楼公安综合窗口", Hours = "周一至周五 8:30-17:30", InServiceCenter = true },
        Coverage = "全省",
        Contacts = new Contacts { ConsultPhone = "0883-6010000", ComplaintPhone = "0883-6010001", ConsultOnline = "https://www.example.gov.cn/hall/consult" },
        Review = new AppealBody { Name = "县人民政府", Phone = "0883-6990000" },
        Litigation = new AppealBody { Name = "县人民法院", Phone = "0883-6980000" },
        ResultType = "证照",
        ResultName = "中华人民共和国居民身份证",
        Materials =
        {
            new Material { Name = "居民户口簿", Type = "原件", Form = "纸质", Necessity = "必要", Copies = 1, Source = "政府部门核发" },
            new Material { Name = "居民身份证申领登记表", Type = "原件", Form = "纸质", Necessity = "必要", Copies = 1, Source = "申请人自备", BlankForm = "https://zwfw.example.gov.cn/forms/000100000001-1.docx" },
        },
        Steps = { new ProcessStep { Name = "申请", Description = "到窗口提出申请" }, new ProcessStep { Name = "受理", Description = "当场采集信息" } },
        Faqs = { new Faq { Question = "可以异地办理吗？", Answer = "可以在全省范围内异地申领。" } },
    };
}
