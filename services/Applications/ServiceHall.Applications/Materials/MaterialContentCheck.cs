using ServiceHall.Applications.V1;
using ServiceHall.Blobs;

namespace ServiceHall.Applications.Materials;

/// <summary>
/// Which of the hall's file kinds (<see cref="FileKinds"/>, judged by content, never by name) an application material
/// may be: what a case file must be to print and keep (PDF, OFD) or a photographed page (JPEG, PNG). Word and Excel
/// files are for the guide's blank forms, not for what is handed in.
/// </summary>
public static class MaterialContentCheck
{
    static readonly (FileKind File, MaterialKind Material)[] Kinds =
        [(FileKinds.Pdf, MaterialKind.Pdf), (FileKinds.Jpeg, MaterialKind.Jpeg), (FileKinds.Png, MaterialKind.Png), (FileKinds.Ofd, MaterialKind.Ofd)];

    public static readonly string Accepted = string.Join("、", Kinds.Select(k => k.File.Name));

    /// <summary>The file's kind, or Unspecified when it is none a material may be.</summary>
    public static MaterialKind KindOf(ReadOnlyMemory<byte> content) =>
        FileKinds.Recognize(content) is { } kind ? Kinds.FirstOrDefault(k => k.File == kind).Material : MaterialKind.Unspecified;

    public static string MediaType(MaterialKind kind) =>
        Kinds.FirstOrDefault(k => k.Material == kind).File?.MediaType ?? "application/octet-stream";
}
