using System.IO.Compression;

namespace ServiceHall.Blobs;

/// <summary>A kind of file the hall keeps: its name for people, its media type and the extension a download gets.</summary>
public sealed record FileKind(string Name, string MediaType, string Extension);

/// <summary>
/// What a file is, judged by its first bytes (magic numbers), never by its name: a program renamed to .pdf is still a
/// program. ZIP packages count only with the entry their standard requires: OFD.xml for OFD (GB/T 33190),
/// word/document.xml for DOCX, xl/workbook.xml for XLSX. Each service says which of these kinds it accepts.
/// </summary>
public static class FileKinds
{
    public static readonly FileKind Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly FileKind Jpeg = new("JPEG", "image/jpeg", ".jpg");
    public static readonly FileKind Png = new("PNG", "image/png", ".png");
    public static readonly FileKind Ofd = new("OFD", "application/ofd", ".ofd");
    public static readonly FileKind Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileKind Xlsx = new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");

    static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The file's kind, or null when it is none of the kinds above.</summary>
    public static FileKind? Recognize(ReadOnlyMemory<byte> content)
    {
        var head = content.Span;
        if (head.StartsWith(PdfMagic))
        {
            return Pdf;
        }
        if (head.StartsWith(JpegMagic))
        {
            return Jpeg;
        }
        if (head.StartsWith(PngMagic))
        {
            return Png;
        }
        return head.StartsWith(ZipMagic) ? PackageKind(content) : null;
    }

    /// <summary>The package by its defining entry; a broken ZIP is none of them.</summary>
    static FileKind? PackageKind(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            bool Holds(string entry) => zip.Entries.Any(e => string.Equals(e.FullName, entry, StringComparison.OrdinalIgnoreCase));
            return Holds("OFD.xml") ? Ofd
                : Holds("word/document.xml") ? Docx
                : Holds("xl/workbook.xml") ? Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
