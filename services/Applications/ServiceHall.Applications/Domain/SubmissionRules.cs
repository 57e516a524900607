using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>What a submitted application must carry before the catalog is even asked about its item.</summary>
public static class SubmissionRules
{
    public const int MaxItemIdLength = 64;
    public const int MaxApplicantNameLength = 100;
    public const int MaxIdempotencyKeyLength = 100;
    public const int MaxNoteLength = 2000;

    public static FieldErrors Check(SubmitApplicationRequest request) => new FieldErrors()
        .Required("item_id", request.ItemId).MaxLength("item_id", request.ItemId, MaxItemIdLength)
        .Required("applicant_name", request.ApplicantName).MaxLength("applicant_name", request.ApplicantName, MaxApplicantNameLength)
        .Required("idempotency_key", request.IdempotencyKey).MaxLength("idempotency_key", request.IdempotencyKey, MaxIdempotencyKeyLength)
        .MaxLength("note", request.Note, MaxNoteLength);
}
