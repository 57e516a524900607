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
        var errors = new FieldErrors()
            .Required("item_id", request.ItemId).MaxLength("item_id", request.ItemId, MaxItemIdLength)
            .Required("applicant_name", request.ApplicantName).MaxLength("applicant_name", request.ApplicantName, MaxApplicantNameLength)
            .Required("idempotency_key", request.IdempotencyKey).MaxLength("idempotency_key", request.IdempotencyKey, MaxIdempotencyKeyLength)
            .MaxLength("note", request.Note, MaxNoteLength);

        var idNumber = NormalizeIdNumber(request.ApplicantIdNumber);
        if (idNumber.Length == 0)
        {
            if (!applicant.IsBusiness)
            {
                errors.Add("applicant_id_number", "is required (the applicant's 18-character resident ID number)");
            }
        }
        else if (!IsResidentId(idNumber))
        {
            errors.Add("applicant_id_number", "is not a valid resident ID number (18 characters: 17 digits and a check character that must match them)");
        }

        var phone = NormalizePhone(request.ApplicantPhone);
        if (phone.Length == 0)
        {
            errors.Add("applicant_phone", "is required (a mobile number of 11 digits starting 13 to 19)");
        }
        else if (!Mobile().IsMatch(phone))
        {
            errors.Add("applicant_phone", "is not a mobile number (11 digits starting 13 to 19)");
        }

        if (!applicant.IsBusiness && !string.IsNullOrWhiteSpace(request.ApplicantCreditCode))
        {
            errors.Add("applicant_credit_code", "must be empty when a person applies (a business applies under the credit code it signed in with)");
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
