using ServiceHall.Catalog.V1;

namespace ServiceHall.Catalog;

/// <summary>The closed word lists of a guide (docs/domain.md §1), in the Chinese the public reads.</summary>
public static class GuideVocabulary
{
    public const string Person = "自然人";
    public const string LegalPerson = "法人";
    public const string OnTheSpot = "即办件";
    public const string Promised = "承诺件";
    public const string PublicService = "公共服务";
    public const string Entrusted = "受委托组织";
    public const string Electronic = "电子件";
    public const string ElectronicForm = "电子";
    public const string Town = "乡镇街道";
    public const string CountyDepartment = "县级部门";

    public static readonly string[] ItemTypes = ["行政许可", "行政确认", "行政给付", "行政裁决", "行政奖励", "行政检查", "其他行政权力", PublicService];
    public static readonly string[] Audiences = [Person, LegalPerson];
    public static readonly string[] HandlingKinds = [OnTheSpot, Promised];
    public static readonly string[] DepartmentNatures = ["法定机关", "授权组织", Entrusted];
    public static readonly string[] DepartmentKinds = [CountyDepartment, Town];
    public static readonly string[] Coverages = ["全县", "全市", "全省", "跨省"];
    public static readonly string[] LimitUnits = ["工作日", "自然日"];
    public static readonly string[] ResultTypes = ["证照", "批文", "其他"];
    public static readonly string[] MaterialTypes = ["原件", "复印件", Electronic, "原件和复印件"];
    public static readonly string[] MaterialForms = ["纸质", ElectronicForm, "纸质或电子"];
    public static readonly string[] Necessities = ["必要", "非必要", "容缺后补"];
    public static readonly string[] MaterialSources = ["申请人自备", "政府部门核发", "其他"];

    /// <summary>自然人主题 of the national platform's navigation.</summary>
    public static readonly string[] PersonThemes =
    [
        "生育收养", "户籍办理", "民族宗教", "教育科研", "入伍服役", "就业创业", "设立变更", "准营准办", "抵押质押", "职业资格",
        "行政缴费", "婚姻登记", "优待抚恤", "规划建设", "住房保障", "社会保障", "证件办理", "交通出行", "旅游观光", "出境入境",
        "消费维权", "公共安全", "司法公证", "知识产权", "环境气象", "文体休闲", "医疗卫生", "离职退休", "死亡殡葬", "其他",
    ];

    /// <summary>法人主题 of the national platform's navigation.</summary>
    public static readonly string[] LegalPersonThemes =
    [
        "设立变更", "准营准办", "资质认证", "年检年审", "税收财务", "人力资源", "社会保障", "投资审批", "融资信贷", "抵押质押",
        "商务贸易", "招标拍卖", "海关口岸", "涉外服务", "农林牧渔", "国土和规划建设", "交通运输", "环保绿化", "应对气候变化", "水务气象",
        "医疗卫生", "科技创新", "文体教育", "知识产权", "市场监管", "安全生产", "司法公证", "注销清算", "其他",
    ];

    /// <summary>网上办理深度 I–IV.</summary>
    public static string DepthLabel(OnlineDepth depth) => depth switch
    {
        OnlineDepth.Information => "Ⅰ级 网上咨询",
        OnlineDepth.PreReview => "Ⅱ级 网上预审",
        OnlineDepth.AcceptedOnline => "Ⅲ级 网上受理",
        OnlineDepth.FullyOnline => "Ⅳ级 全程网办",
        _ => "",
    };
}
