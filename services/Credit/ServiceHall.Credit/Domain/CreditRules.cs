using System.Globalization;
using ServiceHall.Credit.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

/// <summary>
/// The dates, amount and deciding body's code (normalized) of a penalty, parsed from the contract's text fields once
/// they passed the checks.
/// </summary>
public sealed record PenaltyTerms(DateOnly DecisionDate, DateOnly PublicityUntil, decimal? FineAmountWan, string AuthorityCode);

/// <summary>What a registration, a penalty record and an approved licence must satisfy before anything is written.</summary>
public static partial class CreditRules
{
    public const int MaxNameLength = 200;
    public const int MaxShortTextLength = 100;
    public const int MaxAddressLength = 500;
    public const int MaxTextLength = 4000;
    const int MaxAmountLength = 20;
    /// <summary>An application's tracking number (SH, yyyyMMdd and 8 characters), with room to spare.</summary>
    public const int MaxTrackingNumberLength = 40;

    /// <summary>Checks a code under <paramref name="field"/> and returns it normalized (upper case, trimmed).</summary>
    public static string CheckCode(FieldErrors errors, string field, string? input)
    {
        var code = CreditCode.Normalize(input);
        if (CreditCode.Problem(code) is { } problem)
        {
            errors.Add(field, problem);
        }
        return code;
    }

    public static FieldErrors CheckRegistration(RegisterEntityRequest request, out string code)
    {
        var errors = new FieldErrors(RegisterEntityRequest.Descriptor);
        code = CheckCode(errors, "code", request.Code);
        errors.Required("name", request.Name).MaxLength("name", request.Name.Trim(), MaxNameLength)
            .Required("entity_category", request.EntityCategory).MaxLength("entity_category", request.EntityCategory.Trim(), MaxShortTextLength)
            .MaxLength("legal_representative", request.LegalRepresentative.Trim(), MaxShortTextLength)
            .MaxLength("address", request.Address.Trim(), MaxAddressLength);
        CheckLegacyCodes(errors, request, code);
        return errors;
    }

    /// <summary>
    /// Adds every problem of <paramref name="penalty"/> to <paramref name="errors"/>; returns its terms when it has none.
    /// <paramref name="today"/> is the date in China: a decision cannot be dated after it.
    /// </summary>
    public static PenaltyTerms? CheckPenalty(FieldErrors errors, V1.PenaltyRecord? penalty, DateOnly today, PublicityPeriod publicity)
    {
        if (penalty is null)
        {
            errors.Add("penalty", "必填");
            return null;
        }
        var before = errors.Problems.Count;
        errors.Required("penalty.decision_number", penalty.DecisionNumber).MaxLength("penalty.decision_number", penalty.DecisionNumber.Trim(), MaxShortTextLength)
            .MaxLength("penalty.violation_type", penalty.ViolationType.Trim(), MaxNameLength)
            .MaxLength("penalty.facts", penalty.Facts.Trim(), MaxTextLength)
            .MaxLength("penalty.basis", penalty.Basis.Trim(), MaxTextLength)
            .Required("penalty.category", penalty.Category).MaxLength("penalty.category", penalty.Category.Trim(), MaxNameLength)
            .Required("penalty.content", penalty.Content).MaxLength("penalty.content", penalty.Content.Trim(), MaxTextLength)
            .Required("penalty.authority", penalty.Authority).MaxLength("penalty.authority", penalty.Authority.Trim(), MaxNameLength);
        var authorityCode = CheckCode(errors, "penalty.authority_code", penalty.AuthorityCode);

        var fine = CheckFine(errors, penalty.FineAmountWan.Trim());
        var decided = CheckDate(errors, "penalty.decision_date", penalty.DecisionDate, required: true);
        if (decided > today)
        {
            errors.Add("penalty.decision_date", $"{Format(decided.Value)} 晚于今天（{Format(today)}）");
        }
        var until = CheckDate(errors, "penalty.publicity_until", penalty.PublicityUntil, required: false);
        if (decided is { } d && until is { } u)
        {
            if (u < d)
            {
                errors.Add("penalty.publicity_until", $"{Format(u)} 早于处罚决定日期 {Format(d)}");
            }
            else if (u > publicity.DefaultUntil(d))
            {
                errors.Add("penalty.publicity_until",
                    $"{Format(u)} 晚于最长公示期（{publicity.MaximumMonths}个月）的截止日 {Format(publicity.DefaultUntil(d))}");
            }
        }
        return errors.Problems.Count > before || decided is null
            ? null
            : new PenaltyTerms(decided.Value, until ?? publicity.DefaultUntil(decided.Value), fine, authorityCode);
    }

    /// <summary>
    /// What an approved case (the applications service's CaseChanged) must carry to become a licence record; returns
    /// its decision day when it has no problem. A problem is the publisher's bug: such an event can never be recorded.
    /// <paramref name="today"/> is the date in China; a decision dated after tomorrow is refused (a day's leeway for
    /// two clocks around midnight).
    /// </summary>
    public static DateOnly? CheckLicence(FieldErrors errors, Applications.V1.CaseChanged decided, DateOnly today)
    {
        var before = errors.Problems.Count;
        errors.Required("tracking_number", decided.TrackingNumber).MaxLength("tracking_number", decided.TrackingNumber.Trim(), MaxTrackingNumberLength)
            .Required("document_number", decided.DocumentNumber).MaxLength("document_number", decided.DocumentNumber.Trim(), MaxShortTextLength)
            .Required("document_title", decided.DocumentTitle).MaxLength("document_title", decided.DocumentTitle.Trim(), MaxNameLength)
            .Required("item_name", decided.ItemName).MaxLength("item_name", decided.ItemName.Trim(), MaxNameLength)
            .Required("department", decided.Department).MaxLength("department", decided.Department.Trim(), MaxNameLength);
        CheckCode(errors, "department_code", decided.DepartmentCode);
        var day = CheckDate(errors, "occurred_on", decided.OccurredOn, required: true);
        if (day > today.AddDays(1))
        {
            errors.Add("occurred_on", $"{Format(day.Value)} 晚于今天（{Format(today)}）");
        }
        return errors.Problems.Count > before ? null : day;
    }

    /// <summary>罚款金额 in 万元: empty when the penalty has no fine, otherwise a plain non-negative decimal such as 2 or 0.35.</summary>
    static decimal? CheckFine(FieldErrors errors, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (text.Length > MaxAmountLength
            || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            errors.Add("penalty.fine_amount_wan", $"“{Truncate(text)}”不是以万元计的非负数（如2或0.35）");
            return null;
        }
        return amount;
    }

    static DateOnly? CheckDate(FieldErrors errors, string field, string text, bool required)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(field, "必填");
            }
            return null;
        }
        if (!DateOnly.TryParseExact(text, Data.PenaltyRecord.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, $"“{Truncate(text)}”不是yyyy-MM-dd格式的日期");
            return null;
        }
        return date;
    }

    static string Format(DateOnly date) => date.ToString(Data.PenaltyRecord.DateFormat, CultureInfo.InvariantCulture);

    static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
