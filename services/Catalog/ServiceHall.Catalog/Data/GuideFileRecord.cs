using Google.Protobuf.WellKnownTypes;
using ServiceHall.Catalog.V1;

namespace ServiceHall.Catalog.Data;

/// <summary>A file a guide links to; its bytes are in the blob store under <see cref="BlobKey"/>.</summary>
public sealed class GuideFileRecord
{
    public const string UrlPrefix = "/api/catalog/files/";

    public required string Id { get; init; }
    public required string DepartmentCode { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required long Size { get; init; }
    public required string Sha256 { get; init; }
    public required string UploadedBy { get; init; }
    public required DateTime UploadedAt { get; init; }

    public string BlobKey => KeyOf(Id);

    public static string KeyOf(string id) => "guide-files/" + id;

    public string Url => UrlPrefix + Id;

    public GuideFile ToMessage() => new()
    {
        Id = Id,
        Url = Url,
        FileName = FileName,
        ContentType = ContentType,
        Size = Size,
        Sha256 = Sha256,
        DepartmentCode = DepartmentCode,
        UploadedAt = Timestamp.FromDateTime(UploadedAt),
    };
}
