using Google.Rpc;
using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ApplicationsClient = ServiceHall.Applications.V1.ApplicationsService.ApplicationsServiceClient;

namespace ServiceHall.Portal;

/// <summary>
/// Files a form carries for a case's materials. Each file chosen in the form is uploaded (UploadMaterial, as the
/// signed-in reader) before the form's step is taken, and the step names it by its id. A file uploaded in an attempt
/// that was then refused comes back in the form as a hidden id with its name shown, so it is never chosen again.
/// </summary>
public static class MaterialUploads
{
    /// <summary>The service's limit for one file (Applications:Materials:MaxFileBytes by default).</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>
    /// The largest form the portal takes: a few whole files with the rest of the form. The gateway lets the same
    /// through on the portal's form paths (Gateway:MaxFormBodyBytes).
    /// </summary>
    public const long MaxFormBytes = 50L * 1024 * 1024;

    /// <summary>
    /// The catalog's guide vocabulary (values of Material.form and Material.necessity, as the applications service
    /// reads them for its own check): data compared with data, never shown, so escaped here rather than in the
    /// resources, which a translation would change. 纸质 (paper only) and 必要 (required).
    /// </summary>
    const string PaperOnly = "\u7EB8\u8D28", Necessary = "\u5FC5\u8981";

    /// <summary>For the file inputs' accept attribute: what the service takes (judged there by content, not by name).</summary>
    public const string Accept = ".pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png,application/ofd";

    /// <summary>The materials of a guide that files may be given for, in the guide's order, the 必要 ones marked.</summary>
    public static IReadOnlyList<(string Name, bool Required)> Slots(ItemGuide? guide) =>
    [
        .. (guide?.Materials ?? [])
            .Where(m => m.Name.Trim().Length > 0 && m.Form.Trim() != PaperOnly)
            .Select(m => (m.Name.Trim(), m.Necessity.Trim() == Necessary))
            .DistinctBy(m => m.Item1),
    ];

    /// <summary>
    /// Uploads every chosen file of the slots; a refused file's problems are kept under its slot, and an upload that
    /// worked fills the slot's id and name. False when any was refused or the service was not there.
    /// </summary>
    public static async Task<bool> UploadAsync(ApplicationsClient applications, CallOptions options, IEnumerable<MaterialSlotInput> slots,
        ICollection<ServiceTrouble> troubles)
    {
        var ok = true;
        foreach (var slot in slots)
        {
            if (slot.File is not { Length: > 0 } file)
            {
                continue;
            }
            try
            {
                await using var stream = file.OpenReadStream();
                var content = await Google.Protobuf.ByteString.FromStreamAsync(stream, options.CancellationToken);
                var uploaded = await applications.UploadMaterialAsync(
                    new UploadMaterialRequest { FileName = Path.GetFileName(file.FileName), Content = content }, options);
                slot.MaterialId = uploaded.Id;
                slot.FileName = uploaded.FileName;
            }
            catch (RpcException e) when (ServiceTroubles.Of(e) is { } trouble)
            {
                troubles.Add(trouble);
                ok = false;
            }
            catch (RpcException e) when (e.StatusCode != RpcCode.Cancelled)
            {
                // The service's words on the file (its kind, its size, its name), beside the slot it was chosen for.
                var violations = e.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Description).ToList();
                slot.Problems = violations is { Count: > 0 } ? violations : [e.Status.Detail];
                ok = false;
            }
            slot.File = null;
        }
        return ok;
    }

    /// <summary>The slots' files as the service takes them.</summary>
    public static IEnumerable<AttachedMaterial> Attached(IEnumerable<MaterialSlotInput> slots) => slots
        .Where(s => !string.IsNullOrWhiteSpace(s.MaterialId) && !string.IsNullOrWhiteSpace(s.Name))
        .Select(s => new AttachedMaterial { Slot = s.Name!.Trim(), MaterialId = s.MaterialId!.Trim() });

    /// <summary>
    /// Puts a refusal's problems about materials beside the slots they name: materials[i] is the i-th file sent, and
    /// a problem with the whole list that quotes a slot's name (缺少必要材料“…”) goes to that slot. The rest stays with
    /// the list as a whole.
    /// </summary>
    public static List<string> Place(ServiceRefusal? refusal, string field, IReadOnlyList<MaterialSlotInput> slots)
    {
        var unplaced = new List<string>();
        if (refusal is null)
        {
            return unplaced;
        }
        var sent = slots.Where(s => !string.IsNullOrWhiteSpace(s.MaterialId) && !string.IsNullOrWhiteSpace(s.Name)).ToList();
        foreach (var violation in refusal.Violations)
        {
            if (violation.Field.StartsWith(field + "[", StringComparison.Ordinal)
                && int.TryParse(violation.Field.AsSpan(field.Length + 1, Math.Max(0, violation.Field.IndexOf(']') - field.Length - 1)), out var index)
                && index < sent.Count)
            {
                sent[index].Problems = [.. sent[index].Problems, violation.Description];
            }
            else if (violation.Field == field && slots.FirstOrDefault(s => s.Name is { Length: > 0 } name && violation.Description.Contains($"“{name}”", StringComparison.Ordinal)) is { } named)
            {
                named.Problems = [.. named.Problems, violation.Description];
            }
            else if (violation.Field == field || violation.Field.StartsWith(field + "[", StringComparison.Ordinal))
            {
                unplaced.Add(violation.Description);
            }
        }
        return unplaced;
    }
}

/// <summary>One material's file as a form posts it: the slot's name, a file chosen now, or one uploaded before.</summary>
public sealed class MaterialSlotInput
{
    public string? Name { get; set; }

    /// <summary>Uploaded earlier (a refused attempt, or a draft): kept as a hidden field.</summary>
    public string? MaterialId { get; set; }

    public string? FileName { get; set; }

    public IFormFile? File { get; set; }

    /// <summary>The service's words about this slot's file, shown beside it (never from the form).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public IReadOnlyList<string> Problems { get; set; } = [];

    /// <summary>The input's id in the page, from the slot's place in the form.</summary>
    public static string InputId(string prefix, int index) => $"{prefix}-material-{index}";
}

/// <summary>One slot as a form shows it (Pages/Shared/_MaterialSlot): its place, name, whether 必要, what it holds.</summary>
public sealed record MaterialSlotView(int Index, string Name, bool Required, MaterialSlotInput Input, string Prefix = "Materials", string HintId = "materials-hint");
