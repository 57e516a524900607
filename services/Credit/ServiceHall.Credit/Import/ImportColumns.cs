using ServiceHall.Credit.V1;

namespace ServiceHall.Credit.Import;

/// <summary>What the import reads from a row, whichever national column set names it.</summary>
public enum ImportField
{
    HolderName,
    HolderKind,
    HolderCode,
    LegalRepresentative,
    DecisionNumber,
    DocumentTitle,
    DocumentName,
    ViolationType,
    Facts,
    Basis,
    Category,
    SecondCategory,
    Content,
    FineAmountWan,
    DecisionDate,
    PublicityUntil,
    Authority,
    AuthorityCode,
}

/// <summary>
/// The national 双公示 column sets the import reads (docs/domain.md §8): the current data standard and the 2016
/// templates, each for licences and for penalties. A file's header row decides its set; columns not listed here
/// (older codes, 证件号码, 数据来源单位, 备注, …) are allowed and ignored, so an identity number in them is never stored.
/// </summary>
public sealed class ImportColumns
{
    public required ImportKind Kind { get; init; }
    public required ColumnSet Set { get; init; }
    /// <summary>A header that only this set has: its presence picks the set.</summary>
    public required string[] Markers { get; init; }
    /// <summary>Each field's accepted header names (normalized, see <see cref="Normalize"/>), and whether the column must be there.</summary>
    public required IReadOnlyDictionary<ImportField, (string[] Names, bool Required)> Fields { get; init; }

    static readonly string[] HolderCodeNames = ["行政相对人代码_1(统一社会信用代码)", "行政相对人代码_1", "统一社会信用代码"];

    public static readonly ImportColumns CurrentPenalties = new()
    {
        Kind = ImportKind.Penalties,
        Set = ColumnSet.Current,
        Markers = ["处罚机关统一社会信用代码"],
        Fields = new Dictionary<ImportField, (string[], bool)>
        {
            [ImportField.HolderName] = (["行政相对人名称"], true),
            [ImportField.HolderKind] = (["行政相对人类别"], true),
            [ImportField.HolderCode] = (HolderCodeNames, true),
            [ImportField.LegalRepresentative] = (["法定代表人"], false),
            [ImportField.DecisionNumber] = (["行政处罚决定书文号"], true),
            [ImportField.ViolationType] = (["违法行为类型"], true),
            [ImportField.Facts] = (["违法事实"], true),
            [ImportField.Basis] = (["处罚依据"], true),
            [ImportField.Category] = (["处罚类别"], true),
            [ImportField.Content] = (["处罚内容"], true),
            [ImportField.FineAmountWan] = (["罚款金额(万元)", "罚款金额"], false),
            [ImportField.DecisionDate] = (["处罚决定日期"], true),
            [ImportField.PublicityUntil] = (["公示截止期"], false),
            [ImportField.Authority] = (["处罚机关"], true),
            [ImportField.AuthorityCode] = (["处罚机关统一社会信用代码"], true),
        },
    };

    public static readonly ImportColumns Penalties2016 = new()
    {
        Kind = ImportKind.Penalties,
        Set = ColumnSet._2016,
        Markers = ["处罚类别1", "处罚名称", "处罚结果"],
        Fields = new Dictionary<ImportField, (string[], bool)>
        {
            [ImportField.DecisionNumber] = (["行政处罚决定书文号"], true),
            [ImportField.ViolationType] = (["处罚名称"], true),
            [ImportField.Category] = (["处罚类别1"], true),
            [ImportField.SecondCategory] = (["处罚类别2"], false),
            [ImportField.Facts] = (["处罚事由"], true),
            [ImportField.Basis] = (["处罚依据"], true),
            [ImportField.HolderName] = (["行政相对人名称"], true),
            [ImportField.HolderCode] = (HolderCodeNames, true),
            [ImportField.LegalRepresentative] = (["法定代表人姓名"], false),
            [ImportField.Content] = (["处罚结果"], true),
            [ImportField.DecisionDate] = (["处罚决定日期"], true),
            [ImportField.Authority] = (["处罚机关"], true),
        },
    };

    public static readonly ImportColumns CurrentLicences = new()
    {
        Kind = ImportKind.Licences,
        Set = ColumnSet.Current,
        Markers = ["许可机关统一社会信用代码"],
        Fields = new Dictionary<ImportField, (string[], bool)>
        {
            [ImportField.HolderName] = (["行政相对人名称"], true),
            [ImportField.HolderKind] = (["行政相对人类别"], true),
            [ImportField.HolderCode] = (HolderCodeNames, true),
            [ImportField.LegalRepresentative] = (["法定代表人"], false),
            [ImportField.DocumentName] = (["行政许可决定文书名称"], false),
            [ImportField.DecisionNumber] = (["行政许可决定文书号"], true),
            [ImportField.Category] = (["许可类别"], true),
            [ImportField.DocumentTitle] = (["许可证书名称"], false),
            [ImportField.Content] = (["许可内容"], true),
            [ImportField.DecisionDate] = (["许可决定日期"], true),
            [ImportField.Authority] = (["许可机关"], true),
            [ImportField.AuthorityCode] = (["许可机关统一社会信用代码"], true),
        },
    };

    public static readonly ImportColumns Licences2016 = new()
    {
        Kind = ImportKind.Licences,
        Set = ColumnSet._2016,
        Markers = ["审批类别", "项目名称"],
        Fields = new Dictionary<ImportField, (string[], bool)>
        {
            [ImportField.DecisionNumber] = (["行政许可决定书文号"], true),
            [ImportField.DocumentTitle] = (["项目名称"], true),
            [ImportField.Category] = (["审批类别"], true),
            [ImportField.Content] = (["许可内容"], true),
            [ImportField.HolderName] = (["行政相对人名称"], true),
            [ImportField.HolderCode] = (HolderCodeNames, true),
            [ImportField.LegalRepresentative] = (["法定代表人姓名"], false),
            [ImportField.DecisionDate] = (["许可决定日期"], true),
            [ImportField.Authority] = (["许可机关"], true),
        },
    };

    static readonly ImportColumns[] All = [CurrentPenalties, Penalties2016, CurrentLicences, Licences2016];

    /// <summary>How headers are compared: without spaces, required-column stars and full-width brackets.</summary>
    public static string Normalize(string header) => new string([.. header.Where(c => !char.IsWhiteSpace(c) && c != '*' && c != '\uFEFF')])
        .Replace('（', '(').Replace('）', ')');

    /// <summary>The set of <paramref name="kind"/> whose marker the header has; null when neither's is there.</summary>
    public static ImportColumns? Detect(ImportKind kind, IReadOnlyList<string> header)
    {
        var names = header.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        return All.Where(c => c.Kind == kind).FirstOrDefault(c => c.Markers.Any(names.Contains));
    }

    /// <summary>Each field's column index in <paramref name="header"/>; the missing required ones in <paramref name="missing"/>.</summary>
    public Dictionary<ImportField, int> Locate(IReadOnlyList<string> header, out List<string> missing)
    {
        var normalized = header.Select(Normalize).ToList();
        var located = new Dictionary<ImportField, int>();
        missing = [];
        foreach (var (field, (names, required)) in Fields)
        {
            var index = names.Select(n => normalized.IndexOf(n)).FirstOrDefault(i => i >= 0, -1);
            if (index >= 0)
            {
                located[field] = index;
            }
            else if (required)
            {
                missing.Add(names[0]);
            }
        }
        return located;
    }

    /// <summary>Every header this set reads, the first name of each field: what a template of the set has.</summary>
    public IEnumerable<string> Headers => Fields.Values.Select(f => f.Names[0]);
}
