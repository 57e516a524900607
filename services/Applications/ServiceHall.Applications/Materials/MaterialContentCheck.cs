using System.IO.Compression;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Materials;

/// <summary>
/// What a file is, judged by its first bytes (magic numbers), never by its name: a program renamed to .pdf is still
/// a program. OFD (GB/T 33190) is a ZIP package, so a ZIP counts only when it holds the OFD.xml entry file.
/// </summary>
public static class MaterialContentCheck
{
    public const string Accepted = "PDF、JPEG、PNG、OFD";

    static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The file's kind, or Unspecified when it is none the hall accepts.</summary>
    public static MaterialKind KindOf(ReadOnlyMemory<byte> content)
    {
        var head = content.Span;
        if (head.StartsWith(Pdf))
        {
            return MaterialKind.Pdf;
        }
        if (head.StartsWith(Jpeg))
        {
            return MaterialKind.Jpeg;
        }
        if (head.StartsWith(Png))
        {
            return MaterialKind.Png;
        }
        return head.StartsWith(Zip) && HoldsOfdEntry(content) ? MaterialKind.Ofd : MaterialKind.Unspecified;
    }

    /// <summary>The package's entry file, at its root as the standard places it; a broken ZIP is no OFD.</summary>
    static bool HoldsOfdEntry(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            return zip.Entries.Any(e => string.Equals(e.FullName, "OFD.xml", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public static string MediaType(MaterialKind kind) => kind switch
    {
        MaterialKind.Pdf => "application/pdf",
        MaterialKind.Jpeg => "image/jpeg",
        MaterialKind.Png => "image/png",
        MaterialKind.Ofd => "application/ofd",
        _ => "application/octet-stream",
    };
}
