using ServiceHall.Catalog.V1;

namespace ServiceHall.Catalog.Tests;

/// <summary>A complete guide that passes every check, and the departments it needs; tests break one thing at a time.</summary>
static class Sample
{
    public const string PoliceCode = "11331122025900371F";
    public const string TownCode = "11331122025906669K";
    public const string AreaCode = "331122000000";

    public static Department Police => new()
    {
        Code = PoliceCode, Name = "县公安局", Kind = "县级部门", Address = "县城解放街12号", Phone = "0578-3101110", Hours = "周一至周五",
    };

    public static Department Town => new()
    {
        Code = TownCode, Name = "新河镇人民政府", Kind = "乡镇街道", Address = "新河镇新河大道1号", Phone = "0578-3122001", Hours = "周一至周五",
    };

    public static async Task AddDepartmentsAsync(V1.CatalogService.CatalogServiceClient catalog)
    {
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
        OnlineDepth = 3,
        OnsiteReason = "需现场采集人像和指纹",
        Charged = true,
        Fees = { new Fee { Name = "居民身份证工本费", Standard = "20元/证", Basis = "《中华人民共和国居民身份证法》第二十一条；财综〔2007〕34号" } },
        Place = new ServicePlace { Address = "县政务服务中心一楼公安综合窗口", Hours = "周一至周五 8:30-17:30", InServiceCenter = true },
        Coverage = "全省",
        Contacts = new Contacts { ConsultPhone = "0578-3101110", ComplaintPhone = "0578-3101119", ConsultOnline = "https://www.example.gov.cn/hall/consult" },
        Review = new AppealBody { Name = "县人民政府", Phone = "0578-3100148" },
        Litigation = new AppealBody { Name = "县人民法院", Phone = "0578-3100200" },
        ResultType = "证照",
        ResultName = "中华人民共和国居民身份证",
        Materials =
        {
            new Material { Name = "居民户口簿", Type = "原件", Form = "纸质", Necessity = "必要", Copies = 1, Source = "政府部门核发" },
            new Material { Name = "居民身份证申领登记表", Type = "原件", Form = "纸质", Necessity = "必要", Copies = 1, Source = "申请人自备", BlankForm = "/files/forms/000100000001-1.docx" },
        },
        Steps = { new ProcessStep { Name = "申请", Description = "到窗口提出申请" }, new ProcessStep { Name = "受理", Description = "当场采集信息" } },
        Faqs = { new Faq { Question = "可以异地办理吗？", Answer = "可以在全省范围内异地申领。" } },
    };
}
