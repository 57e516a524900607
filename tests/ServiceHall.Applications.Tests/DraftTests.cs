using Grpc.Core;
using ServiceHall.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using static ServiceHall.Applications.Tests.Callers;

namespace ServiceHall.Applications.Tests;

/// <summary>Save-and-return: a draft is filled over several visits, its owner's only, and becomes one case.</summary>
public sealed class DraftTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    static ApplicationsHost Host(string database) => new(database, new FakeCatalog().With("food-licence", ItemStatus.Published));

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_half_filled_draft_is_saved_completed_on_a_later_visit_and_submitted_once(string database)
    {
        await using var host = Host(database);
        var zhangsan = host.As(ZhangSan);

        // First visit: only the item and the ID number; the draft is allowed to be incomplete.
        var first = await zhangsan.SaveDraftAsync(new SaveDraftRequest
        {
            Application = new SubmitApplicationRequest { ItemId = "food-licence", ApplicantIdNumber = ZhangSanId },
        }, cancellationToken: Cancel);
        Assert.Equal(32, first.DraftId.Length);
        Assert.Equal(ZhangSanIdMasked, first.Application.ApplicantIdNumber);
        Assert.Equal(ApplicationsHost.Monday.AddDays(30), first.ExpiresAt.ToDateTimeOffset());

        // Second visit: the form comes back masked and is sent back as it came, with the rest filled in.
        host.Clock.Advance(TimeSpan.FromDays(2));
        var form = (await zhangsan.GetDraftAsync(new GetDraftRequest { DraftId = first.DraftId }, cancellationToken: Cancel)).Application;
        form.ApplicantName = "张三";
        form.ApplicantPhone = ZhangSanPhone;
        form.Note = "新开早餐店";
        var second = await zhangsan.SaveDraftAsync(new SaveDraftRequest { DraftId = first.DraftId, Application = form }, cancellationToken: Cancel);
        Assert.Equal(first.DraftId, second.DraftId);
        Assert.Equal(ZhangSanPhoneMasked, second.Application.ApplicantPhone);
        Assert.Single((await zhangsan.ListMyDraftsAsync(new ListMyDraftsRequest(), cancellationToken: Cancel)).Drafts);

        var submitted = await zhangsan.SubmitDraftAsync(new SubmitDraftRequest { DraftId = first.DraftId }, cancellationToken: Cancel);
        var again = await zhangsan.SubmitDraftAsync(new SubmitDraftRequest { DraftId = first.DraftId }, cancellationToken: Cancel);
        Assert.Equal(submitted.TrackingNumber, again.TrackingNumber);
        Assert.Equal(1, await StoredApplicationsAsync(host));
        // The whole ID number saved on the first visit is the one the case holds, not its mask.
        Assert.Equal(ZhangSanId, (await StoredAsync(host, submitted.TrackingNumber)).ApplicantIdNumber);
        Assert.Empty((await zhangsan.ListMyDraftsAsync(new ListMyDraftsRequest(), cancellationToken: Cancel)).Drafts);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_incomplete_draft_is_refused_at_submission_with_what_is_missing_and_stays(string database)
    {
        await using var host = Host(database);
        var zhangsan = host.As(ZhangSan);
        var draft = await zhangsan.SaveDraftAsync(new SaveDraftRequest { Application = new SubmitApplicationRequest { ItemId = "food-licence" } }, cancellationToken: Cancel);

        var refused = await RefusedAsync(zhangsan.SubmitDraftAsync(new SubmitDraftRequest { DraftId = draft.DraftId }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("applicant_phone", refused.Violations());
        Assert.Equal(0, await StoredApplicationsAsync(host));
        Assert.Single((await zhangsan.ListMyDraftsAsync(new ListMyDraftsRequest(), cancellationToken: Cancel)).Drafts);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Nobody_else_reads_changes_submits_or_deletes_a_draft(string database)
    {
        await using var host = Host(database);
        var draft = await host.As(ZhangSan).SaveDraftAsync(new SaveDraftRequest { Application = Submit("") }, cancellationToken: Cancel);
        var lisi = host.As(LiSi);

        Assert.Equal(StatusCode.PermissionDenied, (await RefusedAsync(lisi.GetDraftAsync(new GetDraftRequest { DraftId = draft.DraftId }, cancellationToken: Cancel))).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await RefusedAsync(lisi.SubmitDraftAsync(new SubmitDraftRequest { DraftId = draft.DraftId }, cancellationToken: Cancel))).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await RefusedAsync(lisi.DeleteDraftAsync(new DeleteDraftRequest { DraftId = draft.DraftId }, cancellationToken: Cancel))).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await RefusedAsync(lisi.SaveDraftAsync(new SaveDraftRequest { DraftId = draft.DraftId, Application = SubmitAsLiSi("") }, cancellationToken: Cancel))).StatusCode);
        Assert.Empty((await lisi.ListMyDraftsAsync(new ListMyDraftsRequest(), cancellationToken: Cancel)).Drafts);
        Assert.Equal(StatusCode.PermissionDenied, (await RefusedAsync(host.As(Shichang).GetDraftAsync(new GetDraftRequest { DraftId = draft.DraftId }, cancellationToken: Cancel))).StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, (await RefusedAsync(host.Anonymous.ListMyDraftsAsync(new ListMyDraftsRequest(), cancellationToken: Cancel))).StatusCode);

        // The owner still has it, unchanged, and may delete it.
        var mine = await host.As(ZhangSan).GetDraftAsync(new GetDraftRequest { DraftId = draft.DraftId }, cancellationToken: Cancel);
        Assert.Equal("张三", mine.Application.ApplicantName);
        await host.As(ZhangSan).DeleteDraftAsync(new DeleteDraftRequest { DraftId = draft.DraftId }, cancellationToken: Cancel);
        var gone = await RefusedAsync(host.As(ZhangSan).GetDraftAsync(new GetDraftRequest { DraftId = draft.DraftId }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
        Assert.Contains("已提交、已删除或超过保存期限", gone.Violations());
        Assert.Equal(0, await StoredApplicationsAsync(host));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_draft_names_what_is_wrong_when_it_cannot_be_saved(string database)
    {
        await using var host = Host(database);
        var zhangsan = host.As(ZhangSan);

        var empty = await RefusedAsync(zhangsan.SaveDraftAsync(new SaveDraftRequest(), cancellationToken: Cancel));
        Assert.Contains("application.item_id: 办理事项：必填", empty.Violations());
        var tooLong = await RefusedAsync(zhangsan.SaveDraftAsync(new SaveDraftRequest
        {
            Application = new SubmitApplicationRequest { ItemId = "food-licence", Note = new string('字', 2001) },
        }, cancellationToken: Cancel));
        Assert.Contains("application.note: 备注：不能超过2000个字", tooLong.Violations());
        var closed = await RefusedAsync(zhangsan.SaveDraftAsync(new SaveDraftRequest { Application = new SubmitApplicationRequest { ItemId = "no-such-item" } }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.NotFound, closed.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Drafts_not_saved_for_the_lifetime_are_removed_on_their_own_and_a_second_round_removes_nothing(string database)
    {
        await using var host = Host(database);
        var zhangsan = host.As(ZhangSan);
        var old = await zhangsan.SaveDraftAsync(new SaveDraftRequest { Application = Submit("") }, cancellationToken: Cancel);
        host.Clock.Advance(TimeSpan.FromDays(20));
        var recent = await zhangsan.SaveDraftAsync(new SaveDraftRequest { Application = Submit("") }, cancellationToken: Cancel);
        var sweep = host.Services.GetRequiredService<DraftExpiry>();
        Assert.Equal(0, await sweep.RemoveExpiredAsync(Cancel));

        // Eleven days on, the old draft is 31 days unsaved: the hourly sweep removes it without being asked.
        host.Clock.Advance(TimeSpan.FromDays(11));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<string> left;
        do
        {
            await Task.Delay(50, Cancel);
            left = (await zhangsan.ListMyDraftsAsync(new ListMyDraftsRequest(), cancellationToken: Cancel)).Drafts.Select(d => d.DraftId).ToList();
        }
        while (left.Contains(old.DraftId) && DateTime.UtcNow < deadline);
        Assert.Equal([recent.DraftId], left);
        Assert.Equal(0, await sweep.RemoveExpiredAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_upload_a_draft_attaches_outlives_the_sweep_of_unattached_files_and_goes_into_the_case(string database)
    {
        await using var host = new ApplicationsHost(database, new FakeCatalog().With("food-licence", ItemStatus.Published).WithMaterials("food-licence", ("食品经营许可申请书", "必要", "电子")));
        var zhangsan = host.As(ZhangSan);
        var kept = await zhangsan.UploadMaterialAsync(new UploadMaterialRequest { FileName = "申请书.pdf", Content = Google.Protobuf.ByteString.CopyFrom(SampleFiles.Pdf()) }, cancellationToken: Cancel);
        await zhangsan.UploadMaterialAsync(new UploadMaterialRequest { FileName = "多余.pdf", Content = Google.Protobuf.ByteString.CopyFrom(SampleFiles.Pdf("spare")) }, cancellationToken: Cancel);
        var form = Submit("");
        form.Materials.Add(new AttachedMaterial { Slot = "食品经营许可申请书", MaterialId = kept.Id });
        var draft = await zhangsan.SaveDraftAsync(new SaveDraftRequest { Application = form }, cancellationToken: Cancel);

        // Three days on, past the 24 hours an unattached upload is kept: the spare goes, the draft's stays.
        host.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await host.SweepMaterialsAsync());
        Assert.Equal(0, await host.SweepMaterialsAsync());

        var submitted = await zhangsan.SubmitDraftAsync(new SubmitDraftRequest { DraftId = draft.DraftId }, cancellationToken: Cancel);
        var files = await zhangsan.ListCaseMaterialsAsync(new ListCaseMaterialsRequest { TrackingNumber = submitted.TrackingNumber }, cancellationToken: Cancel);
        Assert.Equal([kept.Id], files.Materials.Select(m => m.Id));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task One_applicant_keeps_at_most_the_cap_of_drafts(string database)
    {
        await using var host = Host(database);
        var zhangsan = host.As(ZhangSan);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDb>();
            var owner = (await zhangsan.SaveDraftAsync(new SaveDraftRequest { Application = Submit("") }, cancellationToken: Cancel)).DraftId;
            var subject = (await db.Drafts.SingleAsync(d => d.DraftId == owner, Cancel)).OwnerSubject;
            for (var i = 1; i < ApplicationsService.MaxDraftsPerApplicant; i++)
            {
                db.Drafts.Add(new DraftRecord { DraftId = Guid.NewGuid().ToString("N"), OwnerSubject = subject, ItemId = "food-licence", ItemName = "x", Application = "{}", SavedAt = DateTime.UtcNow });
            }
            await db.SaveChangesAsync(Cancel);
        }
        var refused = await RefusedAsync(zhangsan.SaveDraftAsync(new SaveDraftRequest { Application = Submit("") }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("最多保存50份草稿", refused.Violations());
    }
}
