using Grpc.Core;
using RpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;
using ApplicationsClient = ServiceHall.Applications.V1.ApplicationsService.ApplicationsServiceClient;
using CatalogClient = ServiceHall.Catalog.V1.CatalogService.CatalogServiceClient;

namespace ServiceHall.Portal.Pages.Items;

/// <summary>
/// 在线办理: the application form of an item applicable online. The idempotency key is made when the form is first
/// shown and travels in a hidden field, so a double click or a re-post after a lost answer finds the first
/// application instead of making a second. A refusal comes back to this form, each problem beside its field. The form
/// carries a file input per material of the guide (multipart); 暂存 saves it all as a draft to continue later.
/// </summary>
[Authorize]
[RequestSizeLimit(MaterialUploads.MaxFormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaterialUploads.MaxFormBytes)]
public sealed class ApplyModel(CatalogClient catalog, ApplicationsClient applications, HallCalls calls) : PortalPage
{
    /// <summary>The service's limits, repeated in the form so a browser stops what the service would refuse.</summary>
    public const int MaxName = 100, MaxNote = 2000;

    /// <summary>The form's fields under the names the service's refusals use (SubmitApplicationRequest).</summary>
    public static readonly string[] Fields = ["applicant_name", "applicant_id_number", "applicant_phone", "delivery", "note", "materials"];

    public ServiceItem? Item { get; private set; }

    [BindProperty] public string? ApplicantName { get; set; }
    [BindProperty] public string? ApplicantIdNumber { get; set; }
    [BindProperty] public string? ApplicantPhone { get; set; }
    [BindProperty] public DeliveryChannel Delivery { get; set; } = DeliveryChannel.Window;
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? IdempotencyKey { get; set; }

    public ServiceRefusal? Refusal { get; private set; }

    /// <summary>实名认证 by the identity provider: the service takes the verified name and number itself.</summary>
    public string? VerifiedName => User.FindFirst(HallClaims.VerifiedName)?.Value;
    public string? VerifiedIdNumber => User.FindFirst(HallClaims.VerifiedIdNumber)?.Value;

    /// <summary>A business applies under its sign-in's credit code; the ID number is then its agent's (经办人), optional.</summary>
    public bool Business => User.FindFirst(HallClaims.ApplicantKind)?.Value == "business";

    /// <summary>Only items that accept applications online (网上办理深度 III or IV) and are in force get the form.</summary>
    public static bool Applicable(ServiceItem item) =>
        item.Status == ItemStatus.Published && item.Guide?.OnlineDepth is OnlineDepth.AcceptedOnline or OnlineDepth.FullyOnline;

    /// <summary>The files for the guide's materials, one entry per slot in the guide's order.</summary>
    [BindProperty] public List<MaterialSlotInput> Materials { get; set; } = [];

    /// <summary>The draft (暂存) this form continues, when it does.</summary>
    [BindProperty] public string? DraftId { get; set; }

    /// <summary>Just saved as a draft (?saved=1 after 暂存).</summary>
    public bool Saved { get; private set; }

    /// <summary>Problems with the materials as a whole that name no one slot.</summary>
    public List<string> MaterialProblems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, string? draft, bool saved = false)
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        // The name the account signed in with (a person's, or the business's) is a good guess; the applicant may correct it.
        ApplicantName = User.Identity?.Name;
        if (draft is { Length: > 0 })
        {
            Draft found;
            try
            {
                found = await applications.GetDraftAsync(new GetDraftRequest { DraftId = draft }, await calls.AsUserAsync(HttpContext));
            }
            catch (RpcException e) when (e.StatusCode is RpcCode.NotFound or RpcCode.InvalidArgument or RpcCode.PermissionDenied)
            {
                return NotFound();
            }
            catch (RpcException e) when (ServiceTroubles.Of(e) is { } trouble)
            {
                Troubles.Add(trouble);
                var page = await ShowAsync(id);
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return page;
            }
            if (found.Application.ItemId != id)
            {
                return new SeeOther(CaseLinks.Apply(found.Application.ItemId) + "?draft=" + Uri.EscapeDataString(found.DraftId));
            }
            Fill(found);
            Saved = saved;
        }
        return await ShowAsync(id);
    }

    /// <summary>The form as the draft keeps it; its numbers are masked, and sent back unchanged they keep the saved ones.</summary>
    void Fill(Draft draft)
    {
        var form = draft.Application;
        DraftId = draft.DraftId;
        ApplicantName = form.ApplicantName.Length > 0 ? form.ApplicantName : ApplicantName;
        ApplicantIdNumber = form.ApplicantIdNumber;
        ApplicantPhone = form.ApplicantPhone;
        Delivery = form.Delivery == DeliveryChannel.Unspecified ? DeliveryChannel.Window : form.Delivery;
        Note = form.Note;
        // A draft names its files only by id: the service gives no file names for them (shown as 已保存的文件).
        Materials = [.. form.Materials.Select(m => new MaterialSlotInput { Name = m.Slot, MaterialId = m.MaterialId })];
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (string.IsNullOrWhiteSpace(IdempotencyKey))
        {
            // A form from before the key existed, or a hand-made post: a new key, and the applicant looks once more.
            IdempotencyKey = Guid.NewGuid().ToString("N");
            return await ShowAsync(id);
        }
        var options = await calls.AsUserAsync(HttpContext);
        if (!await MaterialUploads.UploadAsync(applications, options, Materials, Troubles))
        {
            return await RefusedUploadAsync(id);
        }
        var request = Form(id);
        try
        {
            Application application;
            if (DraftId is { Length: > 0 } draftId)
            {
                // From a draft: the form is saved onto the draft first, then the draft is submitted (SubmitDraft) rather
                // than SubmitApplication with the form. The draft shows its numbers masked and the portal never holds
                // the whole ones again; only the service, which kept them, can put them back. SubmitDraft also removes
                // the draft with the application made, and its own key makes a repeated click find the same case.
                application = await SubmitDraftAsync(draftId, request, options);
            }
            else
            {
                application = await applications.SubmitApplicationAsync(request, options);
            }
            return new SeeOther(CaseLinks.Mine(application.TrackingNumber));
        }
        catch (RpcException e) when (ServiceTroubles.Of(e) is { } trouble)
        {
            // Maybe it was saved and the answer lost: the same key on the next click finds it.
            Troubles.Add(trouble);
            var page = await ShowAsync(id);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return page;
        }
        catch (RpcException e) when (e.StatusCode != RpcCode.Cancelled)
        {
            return await RefusedAsync(id, ServiceRefusal.Of(e).Unprefixed("application."));
        }
    }

    async Task<Application> SubmitDraftAsync(string draftId, SubmitApplicationRequest request, CallOptions options)
    {
        try
        {
            await applications.SaveDraftAsync(new SaveDraftRequest { DraftId = draftId, Application = request }, options);
        }
        catch (RpcException e) when (e.StatusCode == RpcCode.NotFound)
        {
            // Gone because it was submitted a moment ago (a double click): SubmitDraft finds that application by the draft's key.
        }
        return await applications.SubmitDraftAsync(new SubmitDraftRequest { DraftId = draftId }, options);
    }

    /// <summary>暂存: the form with its files saved as a draft; back to the form filled from it, to go on or leave.</summary>
    public async Task<IActionResult> OnPostDraftAsync(string id)
    {
        var options = await calls.AsUserAsync(HttpContext);
        if (!await MaterialUploads.UploadAsync(applications, options, Materials, Troubles))
        {
            return await RefusedUploadAsync(id);
        }
        try
        {
            var draft = await applications.SaveDraftAsync(new SaveDraftRequest { DraftId = DraftId ?? "", Application = Form(id) }, options);
            return new SeeOther(CaseLinks.Apply(id) + "?draft=" + Uri.EscapeDataString(draft.DraftId) + "&saved=true");
        }
        catch (RpcException e) when (ServiceTroubles.Of(e) is { } trouble)
        {
            Troubles.Add(trouble);
            var page = await ShowAsync(id);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return page;
        }
        catch (RpcException e) when (e.StatusCode != RpcCode.Cancelled)
        {
            return await RefusedAsync(id, ServiceRefusal.Of(e).Unprefixed("application."));
        }
    }

    SubmitApplicationRequest Form(string id)
    {
        var request = new SubmitApplicationRequest
        {
            ItemId = id,
            ApplicantName = VerifiedName is null ? (ApplicantName ?? "").Trim() : "",
            ApplicantIdNumber = VerifiedIdNumber is null ? (ApplicantIdNumber ?? "").Trim() : "",
            ApplicantPhone = (ApplicantPhone ?? "").Trim(),
            Delivery = Delivery,
            Note = (Note ?? "").Trim(),
            IdempotencyKey = IdempotencyKey ?? "",
        };
        request.Materials.AddRange(MaterialUploads.Attached(Materials));
        return request;
    }

    async Task<IActionResult> RefusedUploadAsync(string id)
    {
        var page = await ShowAsync(id);
        if (page is PageResult)
        {
            Response.StatusCode = Troubles.Count > 0 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
        }
        return page;
    }

    async Task<IActionResult> RefusedAsync(string id, ServiceRefusal refusal)
    {
        Refusal = refusal;
        MaterialProblems = MaterialUploads.Place(refusal, "materials", Materials);
        var page = await ShowAsync(id);
        if (page is PageResult)
        {
            Response.StatusCode = Refusal.HttpStatus;
        }
        return page;
    }

    /// <summary>The form's entry for a slot of the guide: what was posted or kept for it, or an empty one.</summary>
    public MaterialSlotInput SlotInput(string name) =>
        Materials.FirstOrDefault(m => m.Name == name) ?? new MaterialSlotInput { Name = name };

    /// <summary>Any file uploaded or kept for no slot the guide lists now (the guide changed): still sent, and shown.</summary>
    public IEnumerable<MaterialSlotInput> Unlisted(IReadOnlyList<(string Name, bool Required)> slots) =>
        Materials.Where(m => !string.IsNullOrWhiteSpace(m.MaterialId) && slots.All(s => s.Name != m.Name));

    async Task<IActionResult> ShowAsync(string id)
    {
        try
        {
            Item = await catalog.GetItemAsync(new GetItemRequest { Id = id }, calls.Public(HttpContext));
        }
        catch (RpcException e) when (e.StatusCode is RpcCode.NotFound or RpcCode.InvalidArgument)
        {
            return NotFound();
        }
        catch (RpcException e) when (ServiceTroubles.Of(e) is { } trouble)
        {
            Troubles.Add(trouble);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        return Page();
    }
}
