using ServiceHall.Blobs;

namespace ServiceHall.Catalog;

/// <summary>What a guide file may be: the kinds people open to fill in or read (by content), a size, a name.</summary>
public static class GuideFileRules
{
    public const int MaxFileName = 200;

    /// <summary>Word and Excel forms people fill in at home, PDF and OFD to print, pictures of a filled-in sample.</summary>
    public static readonly FileKind[] Accepted = [FileKinds.Pdf, FileKinds.Docx, FileKinds.Xlsx, FileKinds.Ofd, FileKinds.Jpeg, FileKinds.Png];

    public static string AcceptedNames => string.Join("、", Accepted.Select(k => k.Name));

    public static long MaxBytes(IConfiguration configuration) => configuration.GetValue("Catalog:MaxGuideFileBytes", 10L * 1024 * 1024);
}
