using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ServiceHall.Blobs;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog;

/// <summary>Uploading a guide's files: an officer of the department, one file by content, whole or not at all.</summary>
public sealed partial class CatalogService
{
    [Authorize(Roles = HallRoles.Officer)]
    public override async Task<GuideFile> UploadGuideFile(UploadGuideFileRequest request, ServerCallContext context)
    {
        var user = context.User();
        var department = CreditCode.Normalize(request.DepartmentCode);
        var fileName = Path.GetFileName(request.FileName.Trim());
        var errors = new FieldErrors(UploadGuideFileRequest.Descriptor)
            .Required("department_code", department)
            .Required("file_name", fileName).MaxLength("file_name", fileName, GuideFileRules.MaxFileName);
        errors.ThrowIfAny();
        user.RequireOfficerOf(department, "办事指南的文件");
        var max = GuideFileRules.MaxBytes(configuration);
        if (request.Content.Length == 0)
        {
            throw errors.Add("content", $"“{fileName}”是空文件").Refusal();
        }
        if (request.Content.Length > max)
        {
            throw errors.Add("content", $"“{fileName}”有{request.Content.Length / 1024.0 / 1024.0:0.#} MB，超过每个文件{max / 1024 / 1024} MB的上限").Refusal();
        }
        var kind = FileKinds.Recognize(request.Content.Memory);
        if (kind is null || !GuideFileRules.Accepted.Contains(kind))
        {
            throw errors.Add("content", $"“{fileName}”的内容不是{GuideFileRules.AcceptedNames}文件（按文件内容判断，与扩展名无关）").Refusal();
        }

        var id = Guid.NewGuid().ToString("N");
        var key = GuideFileRecord.KeyOf(id);
        var stored = await blobs.PutAsync(key, new MemoryStream(request.Content.ToByteArray(), writable: false), context.CancellationToken);
        var saved = new GuideFileRecord
        {
            Id = id,
            DepartmentCode = department,
            // The download name ends as its content does, so a renamed file opens in the right program.
            FileName = Path.ChangeExtension(fileName, kind.Extension),
            ContentType = kind.MediaType,
            Size = stored.Size,
            Sha256 = stored.Sha256,
            UploadedBy = user.Subject(),
            UploadedAt = Now,
        };
        db.GuideFiles.Add(saved);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch
        {
            // No file without its row: a guide could never link it, and nothing would ever remove it.
            await blobs.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        return saved.ToMessage();
    }
}
