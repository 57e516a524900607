using System.Text;
using ServiceHall.Applications.Materials;
using ServiceHall.Applications.V1;
using ServiceHall.Testing;

namespace ServiceHall.Applications.Tests;

/// <summary>A file's kind comes from its bytes: every accepted kind is recognised, nothing else is, whatever its name.</summary>
public sealed class MaterialContentTests
{
    public static TheoryData<string, byte[], MaterialKind> AcceptedFiles => new()
    {
        { "pdf", SampleFiles.Pdf(), MaterialKind.Pdf },
        { "jpeg", SampleFiles.Jpeg(), MaterialKind.Jpeg },
        { "png", SampleFiles.Png(), MaterialKind.Png },
        { "ofd", SampleFiles.Ofd(), MaterialKind.Ofd },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Each_accepted_kind_is_recognised_by_its_content(string name, byte[] content, MaterialKind kind)
    {
        Assert.Equal(kind, MaterialContentCheck.KindOf(content));
        Assert.NotEqual("application/octet-stream", MaterialContentCheck.MediaType(kind));
        Assert.NotEmpty(name);
    }

    public static TheoryData<string, byte[]> RefusedFiles => new()
    {
        // A Windows program (MZ header) as someone might rename it to 营业执照.pdf.
        { "exe", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF] },
        { "text", Encoding.UTF8.GetBytes("这是一个文本文件，不是PDF") },
        { "text mentioning %PDF- later", Encoding.ASCII.GetBytes("hello %PDF-1.4") },
        { "zip without OFD.xml", SampleFiles.Zip("word/document.xml", "[Content_Types].xml") },
        { "OFD.xml not at the root", SampleFiles.Zip("Doc_0/OFD.xml") },
        { "broken zip", [0x50, 0x4B, 0x03, 0x04, 0x01, 0x02] },
        { "half a PNG signature", [0x89, 0x50, 0x4E, 0x47] },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void Anything_else_is_no_accepted_kind(string name, byte[] content)
    {
        Assert.True(MaterialContentCheck.KindOf(content) == MaterialKind.Unspecified, name);
    }

    [Fact]
    public void The_sample_pdf_is_a_whole_pdf_with_its_cross_reference_table()
    {
        var text = Encoding.ASCII.GetString(SampleFiles.Pdf("hello"));
        Assert.StartsWith("%PDF-1.4", text);
        Assert.EndsWith("%%EOF\n", text);
        var startxref = int.Parse(text.Split("startxref\n")[1].Split('\n')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("xref", text.Substring(startxref, 4));
    }

    [Fact]
    public void Sizes_are_named_as_people_read_them()
    {
        Assert.Equal("10MB", MaterialLimits.Words(MaterialLimits.DefaultMaxFileBytes));
        Assert.Equal("1KB", MaterialLimits.Words(1024));
        Assert.Equal("500字节", MaterialLimits.Words(500));
    }
}
