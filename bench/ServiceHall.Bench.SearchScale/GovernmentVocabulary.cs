namespace ServiceHall.Bench.SearchScale;

/// <summary>
/// The words a county's service guides are made of. Every list is in order of how common the entry is in a
/// real hall (identity cards and business licences first), because the corpus draws from them by rank (Zipf).
/// </summary>
static class GovernmentVocabulary
{
    /// <summary>Every entry of every list: what people search the hall for, as opposed to the guides' filler words.</summary>
    public static IEnumerable<string> All =>
        Subjects.Concat(Actions).Concat(Departments).Concat(Places).Concat(Applicants).Concat(Materials).Concat(Laws)
            .Concat(Channels).Concat(Results).Concat(NameWords).Concat(Trades);

    /// <summary>What a service is about (事项对象).</summary>
    public static readonly string[] Subjects =
    [
        "居民身份证", "户籍", "营业执照", "社会保障卡", "不动产登记", "食品经营许可", "医疗保险", "养老保险", "住房公积金",
        "机动车驾驶证", "婚姻登记", "出生医学证明", "居住证", "建设工程规划许可", "建筑工程施工许可", "医疗机构执业许可",
        "道路运输经营许可", "排污许可", "失业保险", "工伤认定", "最低生活保障", "临时救助", "残疾人证", "教师资格",
        "药品经营许可", "公共场所卫生许可", "消防验收", "税务登记", "发票领用", "个体工商户登记", "农民专业合作社登记",
        "林木采伐许可", "取水许可", "建设用地规划许可", "商品房预售许可", "燃气经营许可", "烟草专卖零售许可",
        "出版物经营许可", "娱乐场所经营许可", "旅行社业务经营许可", "护士执业注册", "医师执业注册", "特种设备使用登记",
        "危险化学品经营许可", "人力资源服务许可", "劳务派遣经营许可", "民办学校办学许可", "宗教活动场所登记",
        "社会团体登记", "民办非企业单位登记", "殡葬服务", "高龄津贴", "退役军人优待证", "兵役登记", "法律援助",
        "公证", "律师执业", "出入境证件", "港澳通行证", "普通护照", "船舶登记", "渔业捕捞许可", "动物防疫条件合格证",
        "兽药经营许可", "农药经营许可", "种子生产经营许可", "植物检疫证书", "水土保持方案", "环境影响评价",
        "城市建筑垃圾处置核准", "户外广告设置许可", "占用挖掘道路许可", "城镇污水排入排水管网许可", "临时占用林地",
        "文物保护单位修缮", "地名命名", "档案查阅", "不动产抵押登记", "不动产查封登记", "二手房转移登记",
    ];

    /// <summary>What the applicant asks for (办理行为).</summary>
    public static readonly string[] Actions =
    [
        "申领", "换发", "变更", "补办", "注销", "核发", "备案", "换领", "延续", "查询", "审批", "认定", "登记", "迁入",
        "迁出", "年检", "撤销", "挂失", "转移", "复核", "审核", "确认", "许可", "验收", "续期", "恢复",
    ];

    /// <summary>The county's departments (实施主体); fictitious, as in the demo seed.</summary>
    public static readonly string[] Departments =
    [
        "县公安局", "县市场监督管理局", "县人力资源和社会保障局", "县自然资源和规划局", "县医疗保障局", "县卫生健康局",
        "县住房和城乡建设局", "县民政局", "县交通运输局", "县生态环境分局", "县税务局", "县教育局", "县农业农村局",
        "县林业局", "县水利局", "县司法局", "县退役军人事务局", "县商务局", "县文化和广电旅游体育局", "县应急管理局",
        "县综合行政执法局", "县住房公积金管理中心", "县档案馆", "县人民武装部", "县残疾人联合会", "县烟草专卖局",
        "县消防救援大队", "县行政审批服务中心",
    ];

    /// <summary>Towns and subdistricts (乡镇街道) where services are also handled.</summary>
    public static readonly string[] Places =
    [
        "城关镇", "县政务服务中心", "东城街道", "西城街道", "青石镇", "溪口镇", "白沙乡", "桃源街道", "梅岭乡", "龙泉镇",
        "石门镇", "清水乡", "黄沙镇", "马头镇", "高坪乡", "柳溪乡", "新塘镇", "双溪镇", "古城街道", "南山乡", "北岭乡",
        "长乐镇", "安平乡", "红岩镇", "金川乡",
    ];

    /// <summary>Who applies (服务对象).</summary>
    public static readonly string[] Applicants =
    [
        "申请人", "企业", "个人", "个体工商户", "群众", "单位", "法人", "老年人", "外来务工人员", "残疾人", "退役军人",
        "农民专业合作社", "新生儿父母", "在校学生", "社会组织", "境外人员",
    ];

    /// <summary>Materials (申请材料).</summary>
    public static readonly string[] Materials =
    [
        "居民身份证原件", "申请表", "户口簿", "营业执照副本", "近期免冠照片", "授权委托书", "房屋产权证明", "结婚证",
        "出生医学证明", "劳动合同", "健康证明", "经营场所证明", "场所平面图", "环境影响评价文件", "工程设计图纸",
        "土地使用权证明", "法定代表人身份证明", "章程", "验资报告", "安全生产责任制度", "从业人员名单", "车辆行驶证",
        "医师资格证书", "学历证明", "退役证明", "残疾评定表", "收入证明", "租赁合同", "村委会证明", "消防设计文件",
    ];

    /// <summary>Laws and regulations (设定依据); real names, as in the catalog seed.</summary>
    public static readonly string[] Laws =
    [
        "行政许可法", "居民身份证法", "户口登记条例", "市场主体登记管理条例", "食品安全法", "社会保险法",
        "不动产登记暂行条例", "建筑法", "城乡规划法", "医疗机构管理条例", "道路运输条例", "排污许可管理条例",
        "婚姻登记条例", "住房公积金管理条例", "教师法", "药品管理法", "消防法", "税收征收管理法", "森林法", "水法",
        "特种设备安全法", "危险化学品安全管理条例", "民办教育促进法", "法律援助法", "公证法", "律师法", "出境入境管理法",
        "渔业法", "动物防疫法", "种子法", "环境影响评价法", "文物保护法", "档案法",
    ];

    /// <summary>How it can be handled (办理方式).</summary>
    public static readonly string[] Channels =
    [
        "全程网办", "一窗受理", "就近办理", "跑零次", "掌上办理", "窗口办理", "邮寄送达", "预约办理", "容缺受理", "告知承诺",
    ];

    /// <summary>What the applicant gets (审批结果).</summary>
    public static readonly string[] Results =
    [
        "证件", "许可证", "批准文件", "登记证明", "备案回执", "审核意见", "核准通知书", "电子证照", "准予决定书",
    ];

    /// <summary>
    /// Two-character words that SmartCn keeps whole, used for the long tail: business names and villages
    /// (企业字号, 行政村), as rare as names are in real guides, Q&amp;A and credit records.
    /// </summary>
    public static readonly string[] NameWords =
    [
        "春雨", "秋月", "青山", "绿水", "白云", "红日", "金沙", "银河", "松林", "竹海", "梅园", "兰亭", "菊香", "桃源",
        "柳岸", "荷塘", "华光", "恒泰", "鑫源", "宏达", "永安", "长青", "东方", "天成", "瑞丰", "德润", "富民", "振兴",
        "兴旺", "和谐", "阳光", "星辰", "海峰", "明珠", "骏马", "飞龙", "凤凰", "麒麟", "锦绣", "嘉禾", "丰收", "大地",
        "田园", "山水", "江南", "北方", "中原", "西部", "高原", "平安", "吉祥", "如意", "康宁", "福寿", "金桥", "银杏",
        "翠竹", "紫荆", "丁香", "玉兰", "牡丹", "芙蓉", "海棠", "石榴", "葡萄", "樱桃", "橄榄", "枫叶", "柏树", "杨柳",
        "黄河", "长江", "泰山", "华山", "黄山", "庐山", "峨眉", "昆仑", "天山", "太湖", "西湖", "洞庭", "鄱阳", "珠江",
        "闽江", "钱塘", "富春", "新安", "雁荡", "天台", "四明", "会稽", "武夷", "井冈", "赣南", "湘西", "巴山", "蜀道",
    ];

    /// <summary>Trades for business names (行业).</summary>
    public static readonly string[] Trades =
    [
        "食品", "餐饮", "建材", "物流", "农业", "科技", "贸易", "医药", "服装", "汽车", "电子", "印刷", "酒店", "旅游",
        "家具", "化工", "机械", "水产", "茶叶", "竹木",
    ];
}
