using Google.Protobuf.Reflection;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications.Case;

/// <summary>What each step of a case must carry, checked before the case is even loaded; refusals name the field.</summary>
public static class CaseChecks
{
    public const int MaxOpinionLength = 2000;
    public const int MaxDocumentLength = 100;
    public const int MaxCorrectionItems = 30;
    public const int MaxCorrectionTextLength = 500;
    public const int MaxSpecialProcedureDays = 120;

    public static FieldErrors Opinion(MessageDescriptor request, string field, string? text, bool required, string note = "") =>
        Note(new FieldErrors(request), note).Text(field, text, required);

    public static FieldErrors Check(RequestCorrectionRequest request)
    {
        var errors = Note(new FieldErrors(RequestCorrectionRequest.Descriptor), request.InternalNote);
        if (request.Items.Count == 0)
        {
            errors.Add("items", "至少列出一项需要补正的材料（一次性告知全部问题）");
        }
        else if (request.Items.Count > MaxCorrectionItems)
        {
            errors.Add("items", $"最多{MaxCorrectionItems}项");
        }
        for (var i = 0; i < Math.Min(request.Items.Count, MaxCorrectionItems); i++)
        {
            errors.Text($"items[{i}].material", request.Items[i].Material, required: true, MaxCorrectionTextLength)
                .Text($"items[{i}].problem", request.Items[i].Problem, required: true, MaxCorrectionTextLength);
        }
        return errors;
    }

    public static FieldErrors Check(StartSpecialProcedureRequest request)
    {
        var errors = Opinion(StartSpecialProcedureRequest.Descriptor, "reason", request.Reason, required: true, request.InternalNote);
        if (request.Kind == SpecialProcedureKind.Unspecified || !Enum.IsDefined(request.Kind))
        {
            errors.Add("kind", "必填：听证、专家评审、现场核查、检验检测或公示");
        }
        if (request.WorkingDays is < 1 or > MaxSpecialProcedureDays)
        {
            errors.Add("working_days", $"应为1至{MaxSpecialProcedureDays}个工作日");
        }
        return errors;
    }

    public static FieldErrors Check(DecideApplicationRequest request)
    {
        var errors = Opinion(DecideApplicationRequest.Descriptor, "opinion", request.Opinion, required: true, request.InternalNote)
            .Text("document_number", request.DocumentNumber, required: true, MaxDocumentLength)
            .Text("document_title", request.DocumentTitle, required: true, MaxDocumentLength);
        if (request.Decision is not (Decision.Approve or Decision.Deny))
        {
            errors.Add("decision", "必填：准予（DECISION_APPROVE）或不予（DECISION_DENY）");
        }
        return errors;
    }

    /// <param name="limitDays">The case's promised limit: an extension is at most as long again.</param>
    public static FieldErrors Check(ExtendDeadlineRequest request, int limitDays)
    {
        var errors = new FieldErrors(ExtendDeadlineRequest.Descriptor).Text("reason", request.Reason, required: true);
        if (request.WorkingDays < 1 || request.WorkingDays > Math.Max(1, limitDays))
        {
            errors.Add("working_days", $"应为1至{Math.Max(1, limitDays)}天（不超过承诺时限）");
        }
        return errors;
    }

    static FieldErrors Note(FieldErrors errors, string note) => errors.Text("internal_note", note, required: false);

    static FieldErrors Text(this FieldErrors errors, string field, string? text, bool required, int max = MaxOpinionLength) =>
        required ? errors.Required(field, text?.Trim()).MaxLength(field, text, max) : errors.MaxLength(field, text, max);
}
