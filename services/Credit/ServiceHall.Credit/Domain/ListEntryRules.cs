using System.Globalization;
using ServiceHall.Credit.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

/// <summary>The dates and deciding body's code (normalized) of a list entry, parsed once they passed the checks.</summary>
public sealed record ListEntryTerms(string Code, DateOnly DateIn, DateOnly? DateOut, string DecidingBodyCode);

/// <summary>What a credit list entry must satisfy before anything is written (docs/domain.md §8).</summary>
public static partial class CreditRules
{
    public static ListEntryTerms? CheckListEntry(FieldErrors errors, ListEntry? entry, DateOnly today)
    {
        if (entry is null)
        {
            errors.Add("entry", "必填");
            return null;
        }
        var before = errors.Problems.Count;
        var code = CheckCode(errors, "entry.code", entry.Code);
        if (entry.Kind == CreditListKind.Unspecified || !Enum.IsDefined(entry.Kind))
        {
            errors.Add("entry.kind", "请选择名单类别");
        }
        errors.Required("entry.deciding_body", entry.DecidingBody).MaxLength("entry.deciding_body", entry.DecidingBody.Trim(), MaxNameLength)
            .Required("entry.reason", entry.Reason).MaxLength("entry.reason", entry.Reason.Trim(), MaxTextLength);
        var decidingBodyCode = CheckCode(errors, "entry.deciding_body_code", entry.DecidingBodyCode);
        var dateIn = CheckDate(errors, "entry.date_in", entry.DateIn, required: true);
        if (dateIn > today)
        {
            errors.Add("entry.date_in", $"{Format(dateIn.Value)} 晚于今天（{Format(today)}）");
        }
        var dateOut = CheckDate(errors, "entry.date_out", entry.DateOut, required: false);
        if (dateIn is { } i && dateOut is { } o && o <= i)
        {
            errors.Add("entry.date_out", $"{Format(o)} 应晚于列入日期 {Format(i)}");
        }
        return errors.Problems.Count == before && dateIn is { } day ? new ListEntryTerms(code, day, dateOut, decidingBodyCode) : null;
    }
}
