using System.Globalization;
using ServiceHall.Credit.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit.Import;

/// <summary>A row that passed every check, ready to be written.</summary>
public sealed record CheckedRow(int Number, string HolderKind, string HolderCode, string HolderName, string LegalRepresentative,
    string DecisionNumber, V1.PenaltyRecord? Penalty, PenaltyTerms? Terms, CheckedLicence? Licence);

public sealed record CheckedLicence(string DocumentTitle, string Category, string Content, DateOnly DecisionDate, string Authority, string AuthorityCode);

/// <summary>
/// Checks every row of an import file against the rules a record typed in one by one must satisfy (CreditRules: credit
/// code check characters, dates, amounts, lengths, the publicity end) and the import's own: the required columns of
/// the column set filled, 处罚类别 and 许可类别 from their vocabularies, the deciding body the editor's own
/// department, each decision once in the file. Collects every problem with its row and column.
/// </summary>
public sealed class ImportCheck(ImportColumns columns, IReadOnlyList<string> header, Dictionary<ImportField, int> located,
    string department, DateOnly today, PublicityPeriod publicity)
{
    public List<RowProblem> Problems { get; } = [];
    public List<CheckedRow> Rows { get; } = [];
    readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);

    static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyyMMdd", "yyyy年M月d日", "yyyy.M.d"];

    string Column(ImportField field) => located.TryGetValue(field, out var i) ? header[i].Trim() : columns.Fields[field].Names[0];

    void Add(ImportRow row, ImportField field, string problem) =>
        Problems.Add(new RowProblem { Row = row.Number, Column = Column(field), Problem = problem });

    string Cell(ImportRow row, ImportField field) => located.TryGetValue(field, out var i) ? row.Cell(i) : "";

    public void Check(ImportRow row)
    {
        var before = Problems.Count;
        var kind = columns.Fields.ContainsKey(ImportField.HolderKind) ? Cell(row, ImportField.HolderKind) : DecisionCategories.LegalPerson;
        var naturalPerson = kind == DecisionCategories.NaturalPerson;
        foreach (var (field, (_, required)) in columns.Fields)
        {
            if (required && Cell(row, field).Length == 0 && !(naturalPerson && field == ImportField.HolderCode))
            {
                Add(row, field, "必填");
            }
        }
        if (kind.Length > 0 && !DecisionCategories.HolderKinds.Contains(kind))
        {
            Add(row, ImportField.HolderKind, $"“{kind}”不是{string.Join("、", DecisionCategories.HolderKinds)}之一");
        }

        var name = Cell(row, ImportField.HolderName);
        var legalRepresentative = Cell(row, ImportField.LegalRepresentative);
        var holderCode = "";
        if (naturalPerson)
        {
            if (columns.Kind == ImportKind.Penalties)
            {
                Add(row, ImportField.HolderKind, "自然人的行政处罚不能导入：本系统公示市场主体的行政处罚（法人及非法人组织、个体工商户）");
            }
            else if (name.Length > 0 && PersonNames.Masked(name).Length == 0)
            {
                Add(row, ImportField.HolderName, "不是可以脱敏公示的姓名");
            }
        }
        else
        {
            var errors = new FieldErrors(RegisterEntityRequest.Descriptor);
            var registration = new RegisterEntityRequest { Code = Cell(row, ImportField.HolderCode), Name = name, EntityCategory = kind, LegalRepresentative = legalRepresentative };
            // Required cells are reported above, under their own column.
            if (registration.Code.Length > 0)
            {
                holderCode = CreditRules.CheckCode(errors, "code", registration.Code);
            }
            errors.MaxLength("name", name, CreditRules.MaxNameLength).MaxLength("legal_representative", legalRepresentative, CreditRules.MaxShortTextLength);
            Report(row, errors, RegisterEntityRequest.Descriptor, new Dictionary<string, ImportField>
            {
                ["code"] = ImportField.HolderCode, ["name"] = ImportField.HolderName, ["legal_representative"] = ImportField.LegalRepresentative,
            });
        }

        var authorityCode = department;
        if (columns.Fields.ContainsKey(ImportField.AuthorityCode))
        {
            authorityCode = CreditCode.Normalize(Cell(row, ImportField.AuthorityCode));
            if (authorityCode.Length > 0 && CreditCode.IsValid(authorityCode) && !string.Equals(authorityCode, department, StringComparison.OrdinalIgnoreCase))
            {
                Add(row, ImportField.AuthorityCode, $"{authorityCode} 不是您的部门（{department}）：只能导入本部门作出的决定");
            }
        }

        var number = Cell(row, ImportField.DecisionNumber);
        if (number.Length > 0)
        {
            if (seen.TryGetValue(number, out var first))
            {
                Add(row, ImportField.DecisionNumber, $"与第{first}行重复：一份决定在文件中只能出现一次");
            }
            else
            {
                seen[number] = row.Number;
            }
        }

        V1.PenaltyRecord? penalty = null;
        PenaltyTerms? terms = null;
        CheckedLicence? licence = null;
        if (columns.Kind == ImportKind.Penalties)
        {
            (penalty, terms) = CheckPenalty(row, authorityCode);
        }
        else
        {
            licence = CheckLicence(row, authorityCode);
        }
        if (Problems.Count == before)
        {
            Rows.Add(new CheckedRow(row.Number, kind, holderCode, name, legalRepresentative, number, penalty, terms, licence));
        }
    }

    (V1.PenaltyRecord, PenaltyTerms?) CheckPenalty(ImportRow row, string authorityCode)
    {
        var categories = new[] { Cell(row, ImportField.Category), Cell(row, ImportField.SecondCategory) }.Where(c => c.Length > 0).ToList();
        foreach (var part in categories.SelectMany(DecisionCategories.SplitPenalty))
        {
            if (!DecisionCategories.Penalty.Contains(part))
            {
                Add(row, ImportField.Category, $"“{part}”不是行政处罚法规定的处罚类别（警告、通报批评、罚款、没收违法所得、责令停产停业、吊销许可证件等）");
            }
        }
        var penalty = new V1.PenaltyRecord
        {
            DecisionNumber = Cell(row, ImportField.DecisionNumber),
            ViolationType = Cell(row, ImportField.ViolationType),
            Facts = Cell(row, ImportField.Facts),
            Basis = Cell(row, ImportField.Basis),
            Category = string.Join("；", categories),
            Content = Cell(row, ImportField.Content),
            FineAmountWan = Cell(row, ImportField.FineAmountWan),
            DecisionDate = AsDate(Cell(row, ImportField.DecisionDate)),
            Authority = Cell(row, ImportField.Authority),
            PublicityUntil = AsDate(Cell(row, ImportField.PublicityUntil)),
            AuthorityCode = authorityCode,
        };
        var errors = new FieldErrors(AddPenaltyRequest.Descriptor);
        var terms = CreditRules.CheckPenalty(errors, penalty, today, publicity);
        Report(row, errors, AddPenaltyRequest.Descriptor, new Dictionary<string, ImportField>
        {
            ["penalty.decision_number"] = ImportField.DecisionNumber, ["penalty.violation_type"] = ImportField.ViolationType,
            ["penalty.facts"] = ImportField.Facts, ["penalty.basis"] = ImportField.Basis, ["penalty.category"] = ImportField.Category,
            ["penalty.content"] = ImportField.Content, ["penalty.fine_amount_wan"] = ImportField.FineAmountWan,
            ["penalty.decision_date"] = ImportField.DecisionDate, ["penalty.publicity_until"] = ImportField.PublicityUntil,
            ["penalty.authority"] = ImportField.Authority, ["penalty.authority_code"] = ImportField.AuthorityCode,
        }, skipRequired: true);
        return (penalty, terms);
    }

    CheckedLicence? CheckLicence(ImportRow row, string authorityCode)
    {
        var before = Problems.Count;
        var title = Cell(row, ImportField.DocumentTitle);
        if (title.Length == 0)
        {
            title = Cell(row, ImportField.DocumentName);
            if (title.Length == 0 && !columns.Fields[ImportField.DocumentTitle].Required)
            {
                Add(row, ImportField.DocumentTitle, $"必填（或填“{columns.Fields.GetValueOrDefault(ImportField.DocumentName).Names?[0]}”）");
            }
        }
        MaxLength(row, ImportField.DecisionNumber, CreditRules.MaxShortTextLength);
        MaxLength(row, ImportField.DocumentTitle, CreditRules.MaxNameLength);
        MaxLength(row, ImportField.Content, CreditRules.MaxNameLength);
        MaxLength(row, ImportField.Authority, CreditRules.MaxNameLength);
        var category = Cell(row, ImportField.Category);
        if (category.Length > 0 && !DecisionCategories.Licence.Contains(category))
        {
            Add(row, ImportField.Category, $"“{category}”不是{string.Join("、", DecisionCategories.Licence)}之一");
        }
        if (columns.Fields.ContainsKey(ImportField.AuthorityCode) && Cell(row, ImportField.AuthorityCode) is { Length: > 0 } code
            && CreditCode.Problem(CreditCode.Normalize(code)) is { } codeProblem)
        {
            Add(row, ImportField.AuthorityCode, codeProblem);
        }
        DateOnly? decided = null;
        var dateText = Cell(row, ImportField.DecisionDate);
        if (dateText.Length > 0)
        {
            if (!DateOnly.TryParseExact(AsDate(dateText), Data.PenaltyRecord.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Add(row, ImportField.DecisionDate, $"“{dateText}”不是日期（如2026-03-01）");
            }
            else if (date > today)
            {
                Add(row, ImportField.DecisionDate, $"{AsDate(dateText)} 晚于今天（{today:yyyy-MM-dd}）");
            }
            else
            {
                decided = date;
            }
        }
        return Problems.Count > before || decided is null ? null
            : new CheckedLicence(title, category, Cell(row, ImportField.Content), decided.Value, Cell(row, ImportField.Authority), authorityCode);
    }

    void MaxLength(ImportRow row, ImportField field, int max)
    {
        var value = Cell(row, field);
        if (value.Length > max)
        {
            Add(row, field, $"不能超过{max}个字（现有{value.Length}个）");
        }
    }

    /// <summary>Moves the problems a CreditRules check found under request fields to the row's columns, without the field's label.</summary>
    void Report(ImportRow row, FieldErrors errors, Google.Protobuf.Reflection.MessageDescriptor descriptor,
        Dictionary<string, ImportField> fields, bool skipRequired = false)
    {
        foreach (var violation in errors.Violations)
        {
            var label = FieldLabels.Describe(descriptor, violation.Field) + "：";
            var problem = violation.Description.StartsWith(label, StringComparison.Ordinal) ? violation.Description[label.Length..] : violation.Description;
            if (skipRequired && problem == "必填")
            {
                continue;  // reported above under the column set's own required columns
            }
            Add(row, fields.GetValueOrDefault(violation.Field, ImportField.DecisionNumber), problem);
        }
    }

    /// <summary>The dates files carry (2026/3/1, 20260301, 2026年3月1日) as yyyy-MM-dd; anything else as it is, for the check to name.</summary>
    static string AsDate(string text) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString(Data.PenaltyRecord.DateFormat, CultureInfo.InvariantCulture)
            : text;
}
