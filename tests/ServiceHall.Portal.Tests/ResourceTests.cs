using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ServiceHall.Portal.Tests;

/// <summary>Every word a reader sees comes from Resources/PortalText.resx, so another language is one more file.</summary>
public sealed partial class ResourceTests
{
    static readonly string PortalFolder = Path.Combine(RepositoryRoot(), "services", "Portal", "ServiceHall.Portal");

    static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ServiceHall.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("Run from inside the repository: ServiceHall.sln not found above " + AppContext.BaseDirectory);
    }

    static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(PortalFolder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    static Dictionary<string, string> Resources() =>
        XDocument.Load(Path.Combine(PortalFolder, "Resources", "PortalText.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    static HashSet<string> KeysUsed() =>
        SourceFiles().SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();

    [Fact]
    public void The_resources_have_every_key_the_pages_use()
    {
        var missing = KeysUsed().Except(Resources().Keys).Order().ToList();

        Assert.True(KeysUsed().Count > 100, "the key scan found too few keys to be looking at the pages");
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_resource_is_used_and_has_text()
    {
        var resources = Resources();

        Assert.Empty(resources.Keys.Except(KeysUsed()).Order());
        Assert.Empty(resources.Where(r => string.IsNullOrWhiteSpace(r.Value)).Select(r => r.Key));
    }

    [Fact]
    public void No_Chinese_text_is_written_into_pages_or_code_outside_comments()
    {
        var written = SourceFiles()
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => Chinese().IsMatch(WithoutComment(l.Text)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(written);
    }

    /// <summary>Comments may name a domain term in Chinese beside the English one; code and markup may not.</summary>
    static string WithoutComment(string line)
    {
        var text = line.TrimStart();
        if (text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("@*", StringComparison.Ordinal) || text.StartsWith('*'))
        {
            return "";
        }
        var comment = line.IndexOf(" // ", StringComparison.Ordinal);
        return comment >= 0 ? line[..comment] : line;
    }

    [GeneratedRegex("(?:T|text)\\[\"([A-Za-z0-9_]+)\"")]
    private static partial Regex KeyUse();

    [GeneratedRegex("[\u3400-\u9fff\uff00-\uffef]")]
    private static partial Regex Chinese();
}
