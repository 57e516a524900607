using Google.Protobuf.Reflection;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.Materials;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>
/// Putting files into a case under the slots of its guide (submission and 补正). Everything is checked before
/// anything changes, and the changes ride on the case's own save: a refused request attaches nothing.
/// </summary>
public sealed partial class ApplicationsService
{
    /// <summary>The request's own shape, before any lookup: each entry names a slot and a file, no file twice.</summary>
    public static FieldErrors CheckAttachments(FieldErrors errors, IReadOnlyList<AttachedMaterial> materials)
    {
        const int MaxFiles = 100;
        if (materials.Count > MaxFiles)
        {
            errors.Add("materials", $"一次最多{MaxFiles}个文件（现有{materials.Count}个）");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < materials.Count; i++)
        {
            errors.Required($"materials[{i}].slot", materials[i].Slot).MaxLength($"materials[{i}].slot", materials[i].Slot, 200)
                .Required($"materials[{i}].material_id", materials[i].MaterialId);
            if (materials[i].MaterialId.Trim() is { Length: > 0 } id && !seen.Add(id))
            {
                errors.Add($"materials[{i}].material_id", $"文件 {Shorten(id)} 重复了");
            }
        }
        return errors;
    }

    /// <summary>
    /// Checks the files for the case and readies their attachment (tracked, saved with the case). Refuses, naming
    /// each problem: a slot the guide does not list, a file that is not the applicant's or is in another case, a
    /// required slot left empty (submission only), the case's total over its limit.
    /// </summary>
    /// <param name="correctionSlots">For a 补正: the names its list gives, which may be attached besides the guide's.</param>
    async Task AttachAsync(ApplicationRecord application, IReadOnlyList<AttachedMaterial> requested, MessageDescriptor descriptor,
        IReadOnlyCollection<string>? correctionSlots, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors(descriptor);
        var slots = application.MaterialSlots.Select(s => s.Name).Concat(correctionSlots ?? []).ToHashSet(StringComparer.Ordinal);
        var ids = requested.Select(m => m.MaterialId.Trim()).Distinct().ToList();
        var rows = await db.Materials.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var elsewhere = rows.Values.Where(m => m.TrackingNumber is not null).Select(m => m.TrackingNumber!).Distinct().ToList();
        var statuses = await db.Applications.AsNoTracking().Where(a => elsewhere.Contains(a.TrackingNumber))
            .ToDictionaryAsync(a => a.TrackingNumber, a => a.Status, cancellationToken);
        var now = time.StoredUtcNow();
        var changes = new List<Action>();
        long added = 0;

        for (var i = 0; i < requested.Count; i++)
        {
            var slot = requested[i].Slot.Trim();
            var id = requested[i].MaterialId.Trim();
            if (!slots.Contains(slot))
            {
                errors.Add($"materials[{i}].slot", slots.Count == 0
                    ? $"本事项的办事指南没有列出申请材料，“{Shorten(slot)}”无处可放"
                    : $"“{Shorten(slot)}”不是本事项办事指南列出的材料；可选：{string.Join("、", slots)}");
            }
            if (!rows.TryGetValue(id, out var material) || material.OwnerSubject != application.OwnerSubject)
            {
                // Another person's file is not even confirmed to exist.
                errors.Add($"materials[{i}].material_id", $"没有编号为 {Shorten(id)} 的本人上传的材料文件（未使用的上传文件保留{materialLimits.UnattachedFor.TotalHours:0}小时）");
                continue;
            }
            if (material.TrackingNumber is null)
            {
                if (material.Purpose != MaterialPurpose.Unspecified)
                {
                    errors.Add($"materials[{i}].material_id", $"材料文件“{material.FileName}”不能作为申请材料");
                    continue;
                }
                added += material.Size;
                changes.Add(() => Attach(material, application.TrackingNumber, slot, now));
            }
            else if (material.TrackingNumber == application.TrackingNumber)
            {
                errors.Add($"materials[{i}].material_id", $"材料文件“{material.FileName}”已在本申请中");
            }
            else if (material.Purpose == MaterialPurpose.Application && statuses.GetValueOrDefault(material.TrackingNumber) == ApplicationStatus.Completed)
            {
                // The hall holds it from a finished case of the same applicant: attached again, without uploading.
                added += material.Size;
                changes.Add(() =>
                {
                    var reused = material.Reused(Guid.NewGuid().ToString("N"));
                    Attach(reused, application.TrackingNumber, slot, now);
                    db.Materials.Add(reused);
                });
            }
            else
            {
                errors.Add($"materials[{i}].material_id",
                    $"材料文件“{material.FileName}”已用于申请 {material.TrackingNumber}，只有已办结申请中的材料可以再次使用");
            }
        }

        var replacedSlots = requested.Select(m => m.Slot.Trim()).ToHashSet(StringComparer.Ordinal);
        var held = correctionSlots is null
            ? []
            : await db.Materials.Where(m => m.TrackingNumber == application.TrackingNumber && m.ReplacedAt == null && m.Purpose == MaterialPurpose.Application)
                .ToListAsync(cancellationToken);
        var replaced = held.Where(m => replacedSlots.Contains(m.Slot)).ToList();
        var total = held.Sum(m => m.Size) - replaced.Sum(m => m.Size) + added;
        if (total > materialLimits.MaxCaseBytes)
        {
            errors.Add("materials", $"本申请的材料合计{MaterialLimits.Words(total)}，超过每件申请{MaterialLimits.Words(materialLimits.MaxCaseBytes)}的上限");
        }
        if (correctionSlots is null)
        {
            foreach (var missing in application.MaterialSlots.Where(s => s.Required && !replacedSlots.Contains(s.Name)))
            {
                errors.Add("materials", $"缺少必要材料“{missing.Name}”（请先上传文件，再以材料名称“{missing.Name}”附上）");
            }
        }
        errors.ThrowIfAny();

        foreach (var old in replaced)
        {
            old.ReplacedAt = now;
        }
        changes.ForEach(change => change());
    }

    static void Attach(MaterialRecord material, string trackingNumber, string slot, DateTime now)
    {
        material.TrackingNumber = trackingNumber;
        material.Slot = slot;
        material.Purpose = MaterialPurpose.Application;
        material.AttachedAt = now;
    }
}
