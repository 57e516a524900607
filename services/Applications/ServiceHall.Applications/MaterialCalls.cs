using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.Materials;
using ServiceHall.Applications.V1;
using ServiceHall.Blobs;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>
/// Uploading, listing and downloading materials (申请材料). Nothing is half-written: the file is stored only after
/// the content check and the scanner passed, and removed again when its row cannot be saved.
/// </summary>
public sealed partial class ApplicationsService
{
    /// <summary>The audit action of a download of a case's file.</summary>
    public const string DownloadAction = "download_material";

    /// <summary>The applicant's materials; an officer's decision document (决定文书) for DecideApplication.</summary>
    [Authorize(Roles = HallRoles.Applicant + "," + HallRoles.Officer)]
    public override async Task<MaterialFile> UploadMaterial(UploadMaterialRequest request, ServerCallContext context)
    {
        var fileName = request.FileName.Trim();
        new FieldErrors(UploadMaterialRequest.Descriptor)
            .Required("file_name", fileName).MaxLength("file_name", fileName, MaterialRecord.MaxFileNameLength).ThrowIfAny();
        // Quoted back and stored masked: someone may name a scan after the ID number on it.
        var shown = PersonalNumbers.MaskAll(fileName);
        var content = request.Content.Memory;
        if (content.Length == 0)
        {
            throw new FieldErrors(UploadMaterialRequest.Descriptor).Add("content", $"文件“{shown}”是空的").Refusal();
        }
        if (content.Length > materialLimits.MaxFileBytes)
        {
            throw new FieldErrors(UploadMaterialRequest.Descriptor)
                .Add("content", $"文件“{shown}”有{MaterialLimits.Words(content.Length)}，超过每个文件{MaterialLimits.Words(materialLimits.MaxFileBytes)}的上限").Refusal();
        }
        var kind = MaterialContentCheck.KindOf(content);
        if (kind == MaterialKind.Unspecified)
        {
            throw new FieldErrors(UploadMaterialRequest.Descriptor)
                .Add("content", $"文件“{shown}”不是可接受的格式：只接受{MaterialContentCheck.Accepted}文件（按文件内容判断，不看扩展名）").Refusal();
        }
        var cancellationToken = context.CancellationToken;
        var verdict = await scanner.ScanAsync(shown, kind, content, cancellationToken);
        if (!verdict.Accepted)
        {
            throw new FieldErrors(UploadMaterialRequest.Descriptor).Add("content", $"文件“{shown}”未通过安全检查：{verdict.Reason}").Refusal();
        }

        var id = Guid.NewGuid().ToString("N");
        var key = $"materials/{id}";
        StoredBlob stored;
        using (var stream = new MemoryStream(request.Content.ToByteArray(), writable: false))
        {
            stored = await blobs.PutAsync(key, stream, cancellationToken);
        }
        var material = new MaterialRecord
        {
            Id = id,
            OwnerSubject = context.GetHttpContext().User.Subject(),
            FileName = shown,
            Kind = kind,
            Size = stored.Size,
            Sha256 = stored.Sha256,
            BlobKey = key,
            UploadedAt = time.StoredUtcNow(),
        };
        db.Materials.Add(material);
        try
        {
            // Not cancelled halfway: a save that went through must not be mistaken for one that did not.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            await blobs.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        return material.ToMessage();
    }

    [Authorize(Roles = HallRoles.Applicant + "," + HallRoles.Officer + "," + HallRoles.DepartmentHead + "," + HallRoles.Supervisor)]
    public override async Task<ListCaseMaterialsResponse> ListCaseMaterials(ListCaseMaterialsRequest request, ServerCallContext context)
    {
        var application = await LoadAsync(request.TrackingNumber, context.CancellationToken);
        context.GetHttpContext().User.EnsureMayRead(application);
        var materials = await db.Materials.AsNoTracking()
            .Where(m => m.TrackingNumber == application.TrackingNumber)
            .ToListAsync(context.CancellationToken);
        return new ListCaseMaterialsResponse
        {
            TrackingNumber = application.TrackingNumber,
            Materials =
            {
                materials.OrderBy(m => m.Purpose == MaterialPurpose.DecisionDocument).ThenBy(m => GuideOrder(application, m.Slot))
                    .ThenBy(m => m.Slot, StringComparer.Ordinal).ThenBy(m => m.AttachedAt).ThenBy(m => m.Id, StringComparer.Ordinal).Select(m => m.ToMessage()),
            },
        };
    }

    /// <summary>Where the slot stands in the guide's list; slots only a 补正 named come after the guide's.</summary>
    static int GuideOrder(ApplicationRecord application, string slot) =>
        application.MaterialSlots.FindIndex(s => s.Name == slot) is var index and >= 0 ? index : int.MaxValue;

    /// <summary>
    /// A file of the case, for whoever may read the case. Every download, given or refused, goes into the audit
    /// trail with the file, written before the content leaves.
    /// </summary>
    [Authorize(Roles = HallRoles.Applicant + "," + HallRoles.Officer + "," + HallRoles.DepartmentHead + "," + HallRoles.Supervisor)]
    public override async Task<MaterialContent> DownloadMaterial(DownloadMaterialRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var application = await LoadAsync(request.TrackingNumber, cancellationToken);
        var user = context.GetHttpContext().User;
        var target = $"{AuditTarget(application.TrackingNumber)} material_id={request.MaterialId.Trim()}";
        try
        {
            user.EnsureMayRead(application);
        }
        catch (RpcException refused)
        {
            await audit.RecordAsync(user, DownloadAction, target, refused.StatusCode.ToString(), "", CancellationToken.None);
            throw;
        }
        var materialId = request.MaterialId.Trim();
        new FieldErrors(DownloadMaterialRequest.Descriptor).Required("material_id", materialId).ThrowIfAny();
        var material = await db.Materials.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == materialId && m.TrackingNumber == application.TrackingNumber, cancellationToken)
            ?? throw new FieldErrors(DownloadMaterialRequest.Descriptor)
                .Add("material_id", $"申请 {application.TrackingNumber} 中没有编号为 {Shorten(materialId)} 的材料文件").Refusal(StatusCode.NotFound);
        await using var stream = await blobs.OpenReadAsync(material.BlobKey, cancellationToken)
            ?? throw new RpcException(new Status(StatusCode.DataLoss, $"材料文件“{material.FileName}”的内容已不在存储中，请联系承办部门"));
        var content = await ByteString.FromStreamAsync(stream, cancellationToken);
        await audit.RecordAsync(user, DownloadAction, target, "OK", $"file: {material.FileName} ({material.Size} bytes, sha256 {material.Sha256})", CancellationToken.None);
        return new MaterialContent { Material = material.ToMessage(), Content = content };
    }
}
