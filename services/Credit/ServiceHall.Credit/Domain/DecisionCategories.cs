namespace ServiceHall.Credit;

/// <summary>
/// The closed vocabularies of the 双公示 columns that imports check (docs/domain.md §8): 处罚类别 as the 行政处罚法
/// (2021, article 9) names the penalty types, with the older names still found in files made before it, and 许可类别.
/// </summary>
public static class DecisionCategories
{
    public static readonly IReadOnlySet<string> Penalty = new HashSet<string>(StringComparer.Ordinal)
    {
        "警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级", "吊销许可证件",
        "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留", "其他",
        // Before 2021.
        "暂扣许可证", "吊销许可证", "暂扣执照", "吊销执照", "暂扣或者吊销许可证", "暂扣或者吊销执照", "其他行政处罚",
    };

    public static readonly IReadOnlySet<string> Licence = new HashSet<string>(StringComparer.Ordinal)
    {
        "普通", "特许", "认可", "核准", "登记", "其他",
    };

    /// <summary>One decision may combine several types: "罚款;没收违法所得" or the old "没收违法所得、没收非法财物".</summary>
    public static string[] SplitPenalty(string text) =>
        text.Split([';', '；', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>行政相对人类别 of the current column set.</summary>
    public const string LegalPerson = "法人及非法人组织";
    public const string IndividualBusiness = "个体工商户";
    public const string NaturalPerson = "自然人";
    public static readonly string[] HolderKinds = [LegalPerson, IndividualBusiness, NaturalPerson];
}
