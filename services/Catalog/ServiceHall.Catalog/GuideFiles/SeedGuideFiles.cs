using System.Security.Cryptography;
using System.Text;
using ServiceHall.Blobs;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;

namespace ServiceHall.Catalog;

/// <summary>
/// The seed's guides name their forms and samples by site paths (/files/forms/….docx); at seed time each path
/// becomes a made file (<see cref="BlankDocuments"/>) in the blob store, and the guide links the file's url. The
/// file's id comes from the path, so a guide shared by several departments links one file, and a seed that is run
/// again after a failed start writes the same files under the same keys.
/// </summary>
public static class SeedGuideFiles
{
    public static async Task AttachAsync(IReadOnlyList<ItemGuide> guides, CatalogDb db, IBlobStore blobs, DateTime now, CancellationToken cancellationToken = default)
    {
        var made = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var guide in guides)
        {
            async Task<string> FileFor(string link, string what)
            {
                if (!link.StartsWith('/') || link.StartsWith(GuideFileRecord.UrlPrefix, StringComparison.Ordinal))
                {
                    return link;
                }
                if (made.TryGetValue(link, out var url))
                {
                    return url;
                }
                var word = link.EndsWith(".docx", StringComparison.OrdinalIgnoreCase);
                var subtitle = $"{guide.Name}（镇康县政务服务演示文件）";
                var content = word ? BlankDocuments.Docx(what, subtitle) : BlankDocuments.Pdf(what, subtitle);
                var kind = word ? FileKinds.Docx : FileKinds.Pdf;
                var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(link)))[..32];
                var stored = await blobs.PutAsync(GuideFileRecord.KeyOf(id), new MemoryStream(content, writable: false), cancellationToken);
                var record = new GuideFileRecord
                {
                    Id = id, DepartmentCode = guide.DepartmentCode, FileName = what + kind.Extension, ContentType = kind.MediaType,
                    Size = stored.Size, Sha256 = stored.Sha256, UploadedBy = "seed", UploadedAt = now,
                };
                db.GuideFiles.Add(record);
                return made[link] = record.Url;
            }

            foreach (var material in guide.Materials)
            {
                material.BlankForm = await FileFor(material.BlankForm, $"{material.Name}（空白表格）");
                material.Sample = await FileFor(material.Sample, $"{material.Name}（示例样表）");
            }
            guide.ResultSample = await FileFor(guide.ResultSample, $"{(guide.ResultName.Length > 0 ? guide.ResultName : guide.Name)}（结果样本）");
        }
    }
}
