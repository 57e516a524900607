using System.Globalization;
using Google.Protobuf;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>A complete guide under a seeded department (县自然资源和规划局 unless told), with a basic code of its own per call.</summary>
static class SampleGuide
{
    public const string NaturalResources = DemoCounty.NaturalResources;
    public const string Police = DemoCounty.PublicSecurity;
    public const string MarketRegulation = DemoCounty.MarketRegulation;

    /// <summary>A complete guide people may apply for as well as businesses (服务对象 自然人 and 法人).</summary>
    public static ItemGuide ForEveryone(string name, string departmentCode = NaturalResources)
    {
        var guide = Complete(name, departmentCode);
        guide.Audiences.Add("自然人");
        guide.PersonThemes.Add("户籍办理");
        return guide;
    }

    public static ItemGuide Complete(string name, string departmentCode = NaturalResources) => new()
    {
        BasicCode = "09" + Random.Shared.NextInt64(0, 10_000_000_000).ToString("D10", CultureInfo.InvariantCulture),
        Name = name,
        ItemType = "行政许可",
        Audiences = { "法人" },
        HandlingKind = "承诺件",
        LegalPersonThemes = { "国土和规划建设" },
        DepartmentCode = departmentCode,
        DepartmentNature = "法定机关",
        LegalBasis = { new LegalBasis { Law = "《中华人民共和国城乡规划法》", Article = "第三十七条" } },
        Conditions = "以划拨方式取得国有土地使用权的建设项目，已取得有关部门批准、核准或备案文件。",
        StatutoryLimit = new TimeLimit { Value = 20, Unit = "工作日" },
        PromisedLimit = new TimeLimit { Value = 10, Unit = "工作日" },
        SiteVisits = 0,
        OnlineDepth = OnlineDepth.FullyOnline,
        Place = new ServicePlace { Address = "县政务服务中心二楼", Hours = "周一至周五" },
        Contacts = new Contacts { ConsultPhone = "0883-6070000", ComplaintPhone = "0883-6070001" },
        Review = new AppealBody { Name = "县人民政府", Phone = "0883-6990000" },
        Litigation = new AppealBody { Name = "县人民法院", Phone = "0883-6980000" },
        ResultType = "证照",
        ResultName = "建设用地规划许可证",
        Materials = { new Material { Name = "建设用地规划许可申请表", Type = "电子件", Form = "电子", Necessity = "必要", Source = "申请人自备", BlankForm = "https://zwfw.example.gov.cn/forms/e2e.docx" } },
        Steps = { new ProcessStep { Name = "申请" }, new ProcessStep { Name = "审查决定" } },
    };

    public static string Json(ItemGuide guide) => JsonFormatter.Default.Format(guide);
}
