using System.Text;

namespace ServiceHall.Testing;

/// <summary>
/// 双公示 import files as departments make them (docs/domain.md §8): the current national penalty column set, with
/// columns the import ignores among them (代码_2, 证件号码, 数据来源单位, 备注), written as CSV.
/// </summary>
public static class CreditImportFiles
{
    public static readonly string[] CurrentPenaltyHeader =
    [
        "行政相对人名称", "行政相对人类别", "行政相对人代码_1（统一社会信用代码）", "行政相对人代码_2(工商注册号)", "法定代表人",
        "证件类型", "证件号码", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容",
        "罚款金额（万元）", "处罚决定日期", "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "备注",
    ];

    /// <summary>A penalty row of <see cref="CurrentPenaltyHeader"/>.</summary>
    public static string[] PenaltyRow(string name, string code, string decisionNumber, string decisionDate, string authorityCode,
        string category = "罚款", string fine = "2", string kind = "法人及非法人组织") =>
    [
        name, kind, code, "", "李四", "", "", decisionNumber, "未按规定公示年度报告", "当事人未按规定报送年度报告。",
        "《企业信息公示暂行条例》第十七条", category, "罚款人民币2万元", fine, decisionDate, "", "县市场监督管理局", authorityCode,
        "县市场监督管理局", "",
    ];

    /// <summary>
    /// A valid unified social credit code from its first 16 characters (registration office and area, then the
    /// 8-character body of the organisation code): both check characters added.
    /// </summary>
    public static string ValidCode(string first16)
    {
        var first17 = first16 + CreditCode.OrganisationCheckCharacter(first16[8..]);
        return first17 + CreditCode.CheckCharacter(first17);
    }

    /// <summary>RFC 4180 CSV in UTF-8 with a byte order mark, as Excel's "CSV UTF-8" saves it.</summary>
    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
