using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>
/// Save-and-return (暂存): the applicant's unfinished applications, their own only. Saving checks lengths, not
/// completeness: a draft is allowed to be half filled. Submitting runs the whole of SubmitApplication.
/// </summary>
public sealed partial class ApplicationsService
{
    /// <summary>Enough for every item a person is working on; a cap keeps one account from filling the database.</summary>
    public const int MaxDraftsPerApplicant = 50;

    TimeSpan DraftLifetime => DraftExpiry.Lifetime(configuration);

    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<Draft> SaveDraft(SaveDraftRequest request, ServerCallContext context)
    {
        var form = request.Application ?? new SubmitApplicationRequest();
        CheckDraft(form).ThrowIfAny();
        var owner = context.GetHttpContext().User.Subject();
        var cancellationToken = context.CancellationToken;
        var (item, _) = await FetchOpenItemAsync(form.ItemId.Trim(), cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        DraftRecord draft;
        if (request.DraftId.Length == 0)
        {
            if (await db.Drafts.CountAsync(d => d.OwnerSubject == owner, cancellationToken) >= MaxDraftsPerApplicant)
            {
                throw new FieldErrors(SaveDraftRequest.Descriptor)
                    .Add("draft_id", $"最多保存{MaxDraftsPerApplicant}份草稿，请先提交或删除不再需要的草稿").Refusal(StatusCode.FailedPrecondition);
            }
            draft = new DraftRecord { DraftId = Guid.NewGuid().ToString("N"), OwnerSubject = owner, ItemId = "", ItemName = "", Application = "{}", SavedAt = now };
            db.Drafts.Add(draft);
        }
        else
        {
            draft = await FindDraftAsync(request.DraftId, owner, SaveDraftRequest.Descriptor, cancellationToken);
            // A number the owner was shown masked and sent back unchanged is the one saved before.
            var saved = draft.Form();
            form.ApplicantIdNumber = Unmasked(form.ApplicantIdNumber, saved.ApplicantIdNumber, PersonalNumbers.MaskResidentId);
            form.ApplicantPhone = Unmasked(form.ApplicantPhone, saved.ApplicantPhone, PersonalNumbers.MaskMobile);
        }
        form.ItemId = item.Id;
        // The draft's own key: submitting it twice finds the first application.
        form.IdempotencyKey = "draft-" + draft.DraftId;
        draft.ItemId = item.Id;
        draft.ItemName = item.Guide.Name;
        draft.Keep(form);
        draft.SavedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return draft.ToMessage(DraftLifetime);
    }

    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<Draft> GetDraft(GetDraftRequest request, ServerCallContext context) =>
        (await FindDraftAsync(request.DraftId, context.GetHttpContext().User.Subject(), GetDraftRequest.Descriptor, context.CancellationToken))
        .ToMessage(DraftLifetime);

    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<ListDraftsResponse> ListMyDrafts(ListMyDraftsRequest request, ServerCallContext context)
    {
        var paging = Paging.From(request.PageSize, request.PageToken, ListMyDraftsRequest.Descriptor);
        var owner = context.GetHttpContext().User.Subject();
        var page = await db.Drafts.AsNoTracking()
            .Where(d => d.OwnerSubject == owner)
            .OrderByDescending(d => d.SavedAt).ThenBy(d => d.DraftId)
            .Skip(paging.Offset).Take(paging.Size + 1)
            .ToListAsync(context.CancellationToken);
        return new ListDraftsResponse
        {
            Drafts = { page.Take(paging.Size).Select(d => d.ToMessage(DraftLifetime)) },
            NextPageToken = paging.NextToken(page.Count),
        };
    }

    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<DeleteDraftResponse> DeleteDraft(DeleteDraftRequest request, ServerCallContext context)
    {
        var draft = await FindDraftAsync(request.DraftId, context.GetHttpContext().User.Subject(), DeleteDraftRequest.Descriptor, context.CancellationToken);
        db.Drafts.Remove(draft);
        await db.SaveChangesAsync(context.CancellationToken);
        return new DeleteDraftResponse { DraftId = draft.DraftId };
    }

    /// <summary>
    /// The saved form through SubmitApplication, then the draft removed. The draft's key finds an application
    /// already made from it, so a repeated submit (the draft gone or not) answers the same case.
    /// </summary>
    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<Application> SubmitDraft(SubmitDraftRequest request, ServerCallContext context)
    {
        var owner = context.GetHttpContext().User.Subject();
        var key = "draft-" + request.DraftId.Trim();
        if (await FindByKeyAsync(owner, key, context.CancellationToken) is { } submitted)
        {
            return await WithClockAsync(submitted, context.CancellationToken);
        }
        var draft = await FindDraftAsync(request.DraftId, owner, SubmitDraftRequest.Descriptor, context.CancellationToken);
        var application = await SubmitApplication(draft.Form(), context);
        db.ChangeTracker.Clear();
        await db.Drafts.Where(d => d.DraftId == draft.DraftId).ExecuteDeleteAsync(context.CancellationToken);
        return application;
    }

    async Task<DraftRecord> FindDraftAsync(string draftId, string owner, Google.Protobuf.Reflection.MessageDescriptor request, CancellationToken cancellationToken)
    {
        new FieldErrors(request).Required("draft_id", draftId).MaxLength("draft_id", draftId, 32).ThrowIfAny();
        var draft = await db.Drafts.SingleOrDefaultAsync(d => d.DraftId == draftId.Trim(), cancellationToken)
            ?? throw DraftNotFound(draftId, request);
        // Refused as every other case of the hall is refused to a stranger; a random 128-bit id tells nothing.
        return draft.OwnerSubject == owner
            ? draft
            : throw new RpcException(new Status(StatusCode.PermissionDenied, $"无权使用草稿 {draft.DraftId}：草稿只属于填写它的申请人"));
    }

    static RpcException DraftNotFound(string draftId, Google.Protobuf.Reflection.MessageDescriptor request) =>
        new FieldErrors(request).Add("draft_id", $"没有编号为 {Shorten(draftId)} 的草稿（已提交、已删除或超过保存期限）").Refusal(StatusCode.NotFound);

    static string Unmasked(string sent, string saved, Func<string, string> mask) =>
        saved.Length > 0 && sent.Trim() == mask(saved) ? saved : sent.Trim();

    /// <summary>Only what would overflow the columns of the application it becomes; completeness waits for submission.</summary>
    static FieldErrors CheckDraft(SubmitApplicationRequest form) => new FieldErrors(SaveDraftRequest.Descriptor)
        .Required("application.item_id", form.ItemId).MaxLength("application.item_id", form.ItemId, SubmissionRules.MaxItemIdLength)
        .MaxLength("application.applicant_name", form.ApplicantName, SubmissionRules.MaxApplicantNameLength)
        .MaxLength("application.note", form.Note, SubmissionRules.MaxNoteLength)
        .MaxLength("application.applicant_id_number", form.ApplicantIdNumber.Trim(), SubmissionRules.ResidentIdLength)
        .MaxLength("application.applicant_phone", form.ApplicantPhone.Trim(), SubmissionRules.MobileLength)
        .MaxLength("application.applicant_credit_code", form.ApplicantCreditCode.Trim(), CreditCode.Length);
}
