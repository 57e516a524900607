using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using ServiceHall.Blobs;

namespace ServiceHall.Catalog;

/// <summary>
/// The demo county's blank forms and samples, made at seed time so every link of a seeded guide opens a real file:
/// a Word form with a title and lines to fill in, or a one-page PDF. Real departments upload their own.
/// </summary>
public static class BlankDocuments
{
    /// <summary>The lines every county application form asks for; a sample fills them with an invented applicant.</summary>
    static readonly string[] Lines = ["申请人（单位）名称", "证件类型及号码", "联系电话", "联系地址", "申请事项", "申请理由", "申请日期", "申请人签字（盖章）"];

    public static byte[] Docx(string title, string subtitle)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            var body = new StringBuilder();
            body.Append(Paragraph(title, bold: true, size: 36, centred: true)).Append(Paragraph(subtitle, bold: false, size: 21, centred: true));
            foreach (var line in Lines)
            {
                body.Append(Paragraph($"{line}：______________________________", bold: false, size: 24, centred: false));
            }
            Entry(zip, "word/document.xml",
                $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>""");
        }
        return buffer.ToArray();
    }

    static string Paragraph(string text, bool bold, int size, bool centred) =>
        $"""<w:p>{(centred ? "<w:pPr><w:jc w:val=\"center\"/></w:pPr>" : "")}<w:r><w:rPr>{(bold ? "<w:b/>" : "")}<w:sz w:val="{size}"/></w:rPr><w:t xml:space="preserve">{SecurityElement.Escape(text)}</w:t></w:r></w:p>""";

    static void Entry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    /// <summary>
    /// One A4 page in the Adobe-GB1 font every PDF reader brings for Chinese (STSong-Light, not embedded), the text
    /// written as UCS-2 codes of the UniGB-UCS2-H encoding.
    /// </summary>
    public static byte[] Pdf(string title, string subtitle)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"BT /F1 18 Tf 72 770 Td <{Ucs2(title)}> Tj ET\n");
        text.Append(CultureInfo.InvariantCulture, $"BT /F1 11 Tf 72 745 Td <{Ucs2(subtitle)}> Tj ET\n");
        var y = 700;
        foreach (var line in Lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"BT /F1 12 Tf 72 {y} Td <{Ucs2(line + "：")}> Tj ET\n72 {y - 6} m 520 {y - 6} l S\n");
            y -= 40;
        }
        var stream = Encoding.ASCII.GetBytes(text.ToString());
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {stream.Length} >>\nstream\n{Encoding.ASCII.GetString(stream)}endstream",
            "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
            "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>",
            "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        ];
        return PdfAssembly.Assemble(objects);
    }

    /// <summary>Hex of the text's UTF-16 code units: the UCS-2 codes the encoding expects (the forms use no character beyond the BMP).</summary>
    static string Ucs2(string text) => Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text));
}
