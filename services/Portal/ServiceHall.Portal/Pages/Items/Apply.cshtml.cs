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
/// application instead of making a second. A refusal comes back to this form, each problem beside its field.
/// </summary>
[Authorize]
public sealed class ApplyModel(CatalogClient catalog, ApplicationsClient applications, HallCalls calls) : PortalPage
{
    /// <summary>The service's limits, repeated in the form so a browser stops what the service would refuse.</summary>
    public const int MaxName = 100, MaxNote = 2000;

    /// <summary>The form's fields under the names the service's refusals use (SubmitApplicationRequest).</summary>
    public static readonly string[] Fields = ["applicant_name", "applicant_id_number", "applicant_phone", "delivery", "note"];

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

    public async Task<IActionResult> OnGetAsync(string id)
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        // The name the account signed in with (a person's, or the business's) is a good guess; the applicant may correct it.
        ApplicantName = User.Identity?.Name;
        return await ShowAsync(id);
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (string.IsNullOrWhiteSpace(IdempotencyKey))
        {
            // A form from before the key existed, or a hand-made post: a new key, and the applicant looks once more.
            IdempotencyKey = Guid.NewGuid().ToString("N");
            return await ShowAsync(id);
        }
        var request = new SubmitApplicationRequest
        {
            ItemId = id,
            ApplicantName = VerifiedName is null ? (ApplicantName ?? "").Trim() : "",
            ApplicantIdNumber = VerifiedIdNumber is null ? (ApplicantIdNumber ?? "").Trim() : "",
            ApplicantPhone = (ApplicantPhone ?? "").Trim(),
            Delivery = Delivery,
            Note = (Note ?? "").Trim(),
            IdempotencyKey = IdempotencyKey,
        };
        try
        {
            var application = await applications.SubmitApplicationAsync(request, await calls.AsUserAsync(HttpContext));
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
            Refusal = ServiceRefusal.Of(e);
            var page = await ShowAsync(id);
            if (page is PageResult)
            {
                Response.StatusCode = Refusal.HttpStatus;
            }
            return page;
        }
    }

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
