using System.Text.RegularExpressions;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>
/// What a submitted application must carry before the catalog is even asked about its item. A refused personal
/// number is never repeated back in the message: the refusal goes to logs and the audit trail too.
/// </summary>
public static partial class SubmissionRules
{
    public const int MaxItemIdLength = 64;
    public const int MaxApplicantNameLength = 100;
    public const int MaxIdempotencyKeyLength = 100;
    public const int MaxNoteLength = 2000;
    public const int ResidentIdLength = 18;
    public const int MobileLength = 11;

    public static FieldErrors Check(SubmitApplicationRequest request, Applicant applicant)
    {
        var errors = new FieldErrors(SubmitApplicationRequest.Descriptor)
            .Required("item_id", request.ItemId).MaxLength("item_id", request.ItemId, MaxItemIdLength)
            .Required("applicant_name", request.ApplicantName).MaxLength("applicant_name", request.ApplicantName, MaxApplicantNameLength)
            .Required("idempotency_key", request.IdempotencyKey).MaxLength("idempotency_key", request.IdempotencyKey, MaxIdempotencyKeyLength)
            .MaxLength("note", request.Note, MaxNoteLength);

        var idNumber = NormalizeIdNumber(request.ApplicantIdNumber);
        if (idNumber.Length == 0)
        {
            if (!applicant.IsBusiness)
            {
                errors.Add("applicant_id_number", "必填（申请人18位居民身份证号码）");
            }
        }
        else if (!IsResidentId(idNumber))
        {
            errors.Add("applicant_id_number", "不是有效的居民身份证号码（18位：17位数字和1位与之相符的校验码）");
        }

        var phone = NormalizePhone(request.ApplicantPhone);
        if (phone.Length == 0)
        {
            errors.Add("applicant_phone", "必填（以13至19开头的11位手机号码）");
        }
        else if (!Mobile().IsMatch(phone))
        {
            errors.Add("applicant_phone", "不是手机号码（以13至19开头的11位数字）");
        }

        if (!applicant.IsBusiness && !string.IsNullOrWhiteSpace(request.ApplicantCreditCode))
        {
            errors.Add("applicant_credit_code", "个人申请时不填（企业以登录时的统一社会信用代码申请）");
        }
        return errors;
    }

    /// <summary>ID numbers are written with a lower-case x too; stored and compared upper case.</summary>
    public static string NormalizeIdNumber(string text) => text.Trim().ToUpperInvariant();

    public static string NormalizePhone(string text) => text.Trim();

    /// <summary>17 digits and the check character: the shape first, so letters never reach the checksum.</summary>
    static bool IsResidentId(string idNumber) => ResidentIdShape().IsMatch(idNumber) && PersonalNumbers.IsResidentId(idNumber);

    [GeneratedRegex("^[0-9]{17}[0-9X]$")]
    private static partial Regex ResidentIdShape();

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();
}
