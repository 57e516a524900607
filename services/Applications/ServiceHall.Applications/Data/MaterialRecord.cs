using Google.Protobuf.WellKnownTypes;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Data;

/// <summary>
/// One uploaded file (申请材料 or 决定文书): its bytes are in the blob store under <see cref="BlobKey"/>, this row
/// says what it is, whose, and which case holds it. An upload belongs to its uploader until it is attached; once
/// attached it belongs to the case for good. A file reused from an earlier case is a new row over the same bytes.
/// </summary>
public sealed class MaterialRecord
{
    public const int MaxFileNameLength = 200;

    public required string Id { get; init; }
    /// <summary>The token subject of who uploaded it: the applicant, or the officer of a decision document.</summary>
    public required string OwnerSubject { get; init; }
    /// <summary>As uploaded, with personal numbers masked: the name is shown to officers and written to the audit trail.</summary>
    public required string FileName { get; init; }
    public required MaterialKind Kind { get; init; }
    public required long Size { get; init; }
    public required string Sha256 { get; init; }
    public required string BlobKey { get; init; }
    public DateTime UploadedAt { get; init; }

    /// <summary>The case it is attached to; null while it waits (and the sweep may remove it).</summary>
    public string? TrackingNumber { get; set; }
    /// <summary>The guide's material name it fills; empty while not attached.</summary>
    public string Slot { get; set; } = "";
    public MaterialPurpose Purpose { get; set; }
    public DateTime? AttachedAt { get; set; }
    /// <summary>When a 补正 gave newer files for its slot; the file stays in the case's record.</summary>
    public DateTime? ReplacedAt { get; set; }

    public bool IsAttached => TrackingNumber is not null;

    public MaterialFile ToMessage() => new()
    {
        Id = Id,
        FileName = FileName,
        Kind = Kind,
        ContentType = Materials.MaterialContentCheck.MediaType(Kind),
        Size = Size,
        Sha256 = Sha256,
        UploadedAt = Timestamp.FromDateTime(UploadedAt),
        Slot = Slot,
        Purpose = Purpose,
        Replaced = ReplacedAt is not null,
    };

    /// <summary>The same bytes attached again to another case of the same owner (reuse of a file the hall holds).</summary>
    public MaterialRecord Reused(string id) => new()
    {
        Id = id,
        OwnerSubject = OwnerSubject,
        FileName = FileName,
        Kind = Kind,
        Size = Size,
        Sha256 = Sha256,
        BlobKey = BlobKey,
        UploadedAt = UploadedAt,
    };
}
