using Google.Protobuf.WellKnownTypes;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications.Data;

/// <summary>
/// One application (办件). The item's name and department are copied at submission: the case is handled
/// under the guide the applicant applied for, even if the catalog changes later.
/// </summary>
public sealed class ApplicationRecord
{
    public const string Submitted = "submitted";

    public required string TrackingNumber { get; set; }
    public required string IdempotencyKey { get; init; }
    public required string ItemId { get; init; }
    public required string ItemName { get; init; }
    public required string Department { get; init; }
    public required string ApplicantName { get; init; }
    public required string Note { get; init; }
    public required string Status { get; set; }
    public DateTime SubmittedAt { get; init; }

    public static ApplicationRecord Submit(SubmitApplicationRequest request, ServiceItem item, DateTime utcNow) => new()
    {
        TrackingNumber = Applications.TrackingNumber.New(utcNow),
        IdempotencyKey = request.IdempotencyKey,
        ItemId = request.ItemId,
        ItemName = item.Guide.Name,
        Department = item.Department?.Name is { Length: > 0 } department ? department : item.Guide.DepartmentCode,
        ApplicantName = request.ApplicantName.Trim(),
        Note = request.Note,
        Status = Submitted,
        // PostgreSQL keeps microseconds; the reply to a submit must show the instant a later read will show.
        SubmittedAt = ServiceDatabase.ToStoredPrecision(utcNow),
    };

    /// <summary>Whether a request under this record's idempotency key asks for this same application.</summary>
    public bool IsSameSubmission(SubmitApplicationRequest request) =>
        ItemId == request.ItemId && ApplicantName == request.ApplicantName.Trim();

    public Application ToMessage() => new()
    {
        TrackingNumber = TrackingNumber,
        ItemId = ItemId,
        ItemName = ItemName,
        Department = Department,
        ApplicantName = ApplicantName,
        Status = Status,
        SubmittedAt = Timestamp.FromDateTime(SubmittedAt),
        Note = Note,
    };
}
