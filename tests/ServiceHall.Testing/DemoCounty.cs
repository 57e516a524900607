namespace ServiceHall.Testing;

/// <summary>
/// The demo county the hall is seeded with (Seed:Demo=true): 镇康县, 云南省临沧市, administrative area code 530924.
/// The one place tests and benches take its codes, organisation ids and demo accounts from. The values mirror the
/// seed (Catalog Seed/county.json, DemoCredit, DemoDisclosures, DemoAccounts); the service tests check they agree,
/// and every credit code here passes <c>CreditCode.IsValid</c> (11 = 机关, 12 = 事业单位, 13 = 群团, 91/92 = 企业/个体).
/// All of it is fictitious: codes, addresses and phone numbers (0883-6xx0000) belong to no real body.
/// </summary>
public static class DemoCounty
{
    public const string Name = "镇康县";
    /// <summary>The 6-digit administrative area code, positions 3–8 of every local credit code.</summary>
    public const string Area = "530924";
    /// <summary>The 12-digit area code of the county's 实施编码 (Catalog:AreaCode).</summary>
    public const string AreaCode = "530924000000";

    // County departments (Seed/county.json); the ones the demo accounts and tests work for.
    /// <summary>镇康县公安局: the demo officer gongan's department.</summary>
    public const string PublicSecurity = "11530924015900116J";
    /// <summary>镇康县市场监督管理局: the department of the demo officer shichang and the credit editor xinyong.</summary>
    public const string MarketRegulation = "11530924015900298N";
    /// <summary>镇康县自然资源和规划局: the demo officer ziranziyuan's department.</summary>
    public const string NaturalResources = "11530924015900781C";
    /// <summary>南伞镇人民政府, the town of the county seat.</summary>
    public const string Nansan = "11530924015901725R";
    /// <summary>勐捧镇人民政府, a town with no demo account.</summary>
    public const string Mengpeng = "115309240159018993";

    /// <summary>Every department and town of the seed, by name, in seed order.</summary>
    public static readonly IReadOnlyList<(string Name, string Code)> Departments =
    [
        ("镇康县公安局", PublicSecurity),
        ("镇康县市场监督管理局", MarketRegulation),
        ("镇康县民政局", "11530924015900378A"),
        ("镇康县人力资源和社会保障局", "11530924015900458X"),
        ("镇康县卫生健康局", "11530924015900538H"),
        ("镇康县教育局", "115309240159006185"),
        ("镇康县自然资源和规划局", NaturalResources),
        ("镇康县住房和城乡建设局", "115309240159008610"),
        ("镇康县交通运输局", "11530924015900941K"),
        ("镇康县农业农村局", "11530924015901071T"),
        ("镇康县文化和广电旅游体育局", "11530924015901151E"),
        ("镇康县医疗保障局", "115309240159012312"),
        ("镇康县退役军人事务局", "11530924015901311M"),
        ("镇康县水利局", "11530924015901485Y"),
        ("镇康县应急管理局", "11530924015901565J"),
        ("临沧市生态环境局镇康分局", "115309240159016456"),
        ("镇康县住房公积金管理中心", "125309244709551279"),
        ("镇康县残疾人联合会", "13530924470966336E"),
        ("南伞镇人民政府", Nansan),
        ("勐捧镇人民政府", Mengpeng),
        ("凤尾镇人民政府", "11530924015901979N"),
        ("勐堆乡人民政府", "115309240159020C5K"),
        ("木场乡人民政府", "11530924015902189H"),
        ("军弄乡人民政府", "115309240159022695"),
        ("忙丙乡人民政府", "11530924015902349Q"),
    ];

    // Market entities and public units of the credit demo (DemoCredit).
    /// <summary>镇康县好滋味餐饮管理有限公司: the business applicant qiye's credit code, with a penalty in publicity.</summary>
    public const string Business = "91530924MA6K5K7L4T";
    /// <summary>镇康县勐捧老街米线店, a sole trader (个体工商户) without penalties.</summary>
    public const string SoleTrader = "92530924MA6F8H3N91";
    /// <summary>镇康县边贸精工机械有限公司, a company without penalties.</summary>
    public const string Machinery = "91530924MA6C1D6P2M";
    public const string HospitalCreditCode = "12530924431700121L";
    public const string SchoolCreditCode = "125309244317002018";
    public const string WaterCompanyCreditCode = "91530924MA6N2W4TXY";

    // Organisations of the disclosures demo (DemoDisclosures), the publishers' tenancy.
    /// <summary>镇康县人民医院: the demo publisher yiyuan's organisation.</summary>
    public const string Hospital = "county-peoples-hospital";
    /// <summary>镇康县实验小学: the demo publisher xuexiao's organisation.</summary>
    public const string School = "county-experimental-primary-school";
    /// <summary>镇康县自来水有限公司: no demo publisher.</summary>
    public const string WaterCompany = "county-water-company";

    // Demo accounts (DemoAccounts, listed in the README), one per role.
    /// <summary>Every demo account's password. Demo only.</summary>
    public const string Password = "ServiceHall@2026";
    /// <summary>The demo administrator's authenticator key (base32). Demo only.</summary>
    public const string AdminAuthenticatorKey = "JBSWY3DPEHPK3PXP";
    public const string Zhangsan = "zhangsan";
    public const string Lisi = "lisi";
    public const string Qiye = "qiye";
    public const string Gongan = "gongan";
    /// <summary>负责人 of 县公安局: approves extensions of its cases.</summary>
    public const string GonganHead = "gonganfzr";
    public const string Shichang = "shichang";
    public const string Ziranziyuan = "ziranziyuan";
    public const string Xinyong = "xinyong";
    public const string Yiyuan = "yiyuan";
    public const string Xuexiao = "xuexiao";
    public const string Jiancha = "jiancha";
    public const string Admin = "admin";
}
