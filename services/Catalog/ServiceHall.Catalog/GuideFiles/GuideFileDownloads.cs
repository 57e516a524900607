using System.Net.Mime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using ServiceHall.Blobs;
using ServiceHall.Catalog.Data;

namespace ServiceHall.Catalog;

/// <summary>
/// GET /api/catalog/files/{id}: the file itself, for anyone (guides are public), with its media type, its download
/// name and a strong ETag from its SHA-256 (a file never changes under its id, so browsers may keep it a day).
/// </summary>
public static class GuideFileDownloads
{
    public static void MapGuideFileDownloads(this WebApplication app) =>
        app.MapGet(GuideFileRecord.UrlPrefix + "{id}", async (string id, HttpContext http, CatalogDb db, IBlobStore blobs, CancellationToken cancellationToken) =>
        {
            var file = id.Length == 32 ? await db.GuideFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken) : null;
            var content = file is null ? null : await blobs.OpenReadAsync(file.BlobKey, cancellationToken);
            if (file is null || content is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"没有编号为 {(id.Length <= 40 ? id : id[..40])} 的指南文件");
            }
            http.Response.Headers.CacheControl = "public, max-age=86400";
            var disposition = new ContentDispositionHeaderValue(DispositionTypeNames.Attachment);
            disposition.SetHttpFileName(file.FileName);
            http.Response.Headers.ContentDisposition = disposition.ToString();
            return Results.Stream(content, file.ContentType, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
        }).AllowAnonymous();
}
