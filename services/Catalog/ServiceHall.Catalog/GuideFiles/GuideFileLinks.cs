using Microsoft.EntityFrameworkCore;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;

namespace ServiceHall.Catalog;

/// <summary>
/// A guide's links to files of the hall (blank forms, samples, the result's sample) must lead somewhere: a path on this
/// site must be a guide file that was uploaded. Links to other sites are left to the department.
/// </summary>
public static class GuideFileLinks
{
    public static IEnumerable<(string Field, string Link)> Of(ItemGuide guide)
    {
        for (var i = 0; i < guide.Materials.Count; i++)
        {
            yield return ($"guide.materials[{i}].blank_form", guide.Materials[i].BlankForm);
            yield return ($"guide.materials[{i}].sample", guide.Materials[i].Sample);
        }
        yield return ("guide.result_sample", guide.ResultSample);
    }

    /// <summary>Every site path of the guide that names no uploaded file, as a problem on its field.</summary>
    public static async Task<List<GuideProblem>> MissingAsync(CatalogDb db, ItemGuide guide, CancellationToken cancellationToken)
    {
        var onSite = Of(guide).Where(l => l.Link.StartsWith('/')).ToList();
        var ids = onSite.Select(l => IdOf(l.Link)).OfType<string>().Distinct().ToList();
        var known = ids.Count == 0 ? [] : await db.GuideFiles.Where(f => ids.Contains(f.Id)).Select(f => f.Id).ToListAsync(cancellationToken);
        return onSite.Where(l => IdOf(l.Link) is not { } id || !known.Contains(id))
            .Select(l => new GuideProblem
            {
                Rule = "link-file",
                Field = l.Field,
                Message = $"{ServiceHall.ServiceDefaults.FieldLabels.Describe(CreateItemRequest.Descriptor, l.Field)}：“{(l.Link.Length <= 60 ? l.Link : l.Link[..60] + "…")}”不是本站已上传的文件；请先上传文件（POST /api/catalog/files），再填写它给出的地址",
            })
            .ToList();
    }

    static string? IdOf(string link) =>
        link.StartsWith(GuideFileRecord.UrlPrefix, StringComparison.Ordinal) && link[GuideFileRecord.UrlPrefix.Length..] is { Length: 32 } id && id.All(char.IsAsciiHexDigitLower)
            ? id
            : null;
}
