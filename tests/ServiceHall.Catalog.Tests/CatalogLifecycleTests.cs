using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.Messaging;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>
/// Draft → published ⇄ suspended → cancelled, versions and history, over gRPC against SQLite and PostgreSQL: the
/// department's officer writes, the public reads anonymously.
/// </summary>
public sealed class CatalogLifecycleTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Each_publication_is_a_new_version_with_what_changed_and_why(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        var catalog = Sample.Catalog(host, Sample.PoliceOfficer);
        var visitor = Sample.Catalog(host);
        await Sample.AddDepartmentsAsync(host);

        var draft = await catalog.CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() });
        Assert.Equal((ItemStatus.Draft, 0), (draft.Status, draft.GuideVersion));
        Assert.Equal($"000100000001-{DemoCounty.AreaCode}-000-{DemoCounty.PublicSecurity}-1-00", draft.Guide.Code);
        Assert.Empty(draft.Problems);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => visitor.GetItemAsync(new GetItemRequest { Id = draft.Id }).ResponseAsync)).StatusCode);

        var first = await catalog.PublishItemAsync(new ChangeItemRequest { Id = draft.Id });
        Assert.Equal((ItemStatus.Published, 1), (first.Status, first.GuideVersion));

        var edited = Sample.Guide();
        edited.PromisedLimit.Value = 7;
        var updated = await catalog.UpdateItemAsync(new UpdateItemRequest { Id = draft.Id, Guide = edited, ExpectedVersion = first.Version });
        Assert.True(updated.DraftAhead);
        var stillPublic = await visitor.GetItemAsync(new GetItemRequest { Id = draft.Id });
        Assert.Equal((1, 15), (stillPublic.GuideVersion, stillPublic.Guide.PromisedLimit.Value));

        var noReason = await Assert.ThrowsAsync<RpcException>(() => catalog.PublishItemAsync(new ChangeItemRequest { Id = draft.Id }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Contains("reason", noReason.Violations());

        var second = await catalog.PublishItemAsync(new ChangeItemRequest { Id = draft.Id, Reason = "压缩承诺时限" });
        Assert.Equal(2, second.GuideVersion);
        Assert.Equal(7, (await visitor.GetItemAsync(new GetItemRequest { Id = draft.Id })).Guide.PromisedLimit.Value);
        Assert.Equal(15, (await visitor.GetItemVersionAsync(new GetItemVersionRequest { Id = draft.Id, GuideVersion = 1 })).Guide.PromisedLimit.Value);

        var nothingNew = await Assert.ThrowsAsync<RpcException>(() => catalog.PublishItemAsync(new ChangeItemRequest { Id = draft.Id, Reason = "再次发布" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, nothingNew.StatusCode);

        var history = await visitor.GetItemHistoryAsync(new GetItemRequest { Id = draft.Id });
        Assert.Equal([ItemHistoryAction.Published, ItemHistoryAction.Published], history.Entries.Select(e => e.Action));
        Assert.Equal((2, "压缩承诺时限"), (history.Entries[0].GuideVersion, history.Entries[0].Reason));
        Assert.Equal(["承诺办结时限：15自然日 → 7自然日"], history.Entries[0].Changes);
        Assert.Equal("首次发布", history.Entries[1].Reason);

        // Each public change and its event were written in one transaction.
        Assert.Equal(2, await OutboxCountAsync(host, Topics.CatalogItemChanged));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Suspension_keeps_the_guide_readable_and_cancellation_withdraws_the_item(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        var catalog = Sample.Catalog(host, Sample.PoliceOfficer);
        var visitor = Sample.Catalog(host);
        await Sample.AddDepartmentsAsync(host);
        var item = await catalog.CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() });
        await catalog.PublishItemAsync(new ChangeItemRequest { Id = item.Id });

        var noReason = await Assert.ThrowsAsync<RpcException>(() => catalog.SuspendItemAsync(new ChangeItemRequest { Id = item.Id }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        var suspended = await catalog.SuspendItemAsync(new ChangeItemRequest { Id = item.Id, Reason = "系统升级，暂停受理" });
        Assert.Equal(ItemStatus.Suspended, suspended.Status);
        var read = await visitor.GetItemAsync(new GetItemRequest { Id = item.Id });
        Assert.Equal((ItemStatus.Suspended, "系统升级，暂停受理"), (read.Status, read.StatusReason));
        Assert.Single((await visitor.ListItemsAsync(new ListItemsRequest())).Items);

        var notSuspended = await Assert.ThrowsAsync<RpcException>(() => catalog.SuspendItemAsync(new ChangeItemRequest { Id = item.Id, Reason = "再次暂停" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, notSuspended.StatusCode);
        Assert.Equal(ItemStatus.Published, (await catalog.ResumeItemAsync(new ChangeItemRequest { Id = item.Id, Reason = "升级完成" })).Status);

        await catalog.CancelItemAsync(new ChangeItemRequest { Id = item.Id, Reason = "事项已取消" });
        Assert.Empty((await visitor.ListItemsAsync(new ListItemsRequest())).Items);
        Assert.Equal(ItemStatus.Cancelled, (await visitor.GetItemAsync(new GetItemRequest { Id = item.Id })).Status);
        var edit = await Assert.ThrowsAsync<RpcException>(() => catalog.UpdateItemAsync(new UpdateItemRequest { Id = item.Id, Guide = Sample.Guide() }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, edit.StatusCode);

        var history = await visitor.GetItemHistoryAsync(new GetItemRequest { Id = item.Id });
        Assert.Equal([ItemHistoryAction.Cancelled, ItemHistoryAction.Resumed, ItemHistoryAction.Suspended, ItemHistoryAction.Published], history.Entries.Select(e => e.Action));
        Assert.Equal(4, await OutboxCountAsync(host, Topics.CatalogItemChanged)); // publish, suspend, resume, cancel
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Bad_guides_are_refused_with_every_field_named_and_nothing_saved(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        await Sample.AddDepartmentsAsync(host);
        var guide = Sample.Guide(department: "91350100M000100Y43");
        // Its officer is let in; the guide checks then find no registered department with that code.
        var catalog = Sample.Catalog(host, Sample.OfficerOf(guide.DepartmentCode));
        guide.Name = new string('证', 101);
        guide.PromisedLimit.Value = 90;
        guide.Fees[0].Basis = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => catalog.CreateItemAsync(new CreateItemRequest { Guide = guide }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        foreach (var field in new[] { "guide.name", "guide.department_code", "guide.promised_limit.value", "guide.fees[0].basis" })
        {
            Assert.Contains(field + ":", error.Violations());
        }
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CatalogDb>().Items.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Duplicate_codes_lost_updates_and_incomplete_guides_are_refused(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        var catalog = Sample.Catalog(host, Sample.PoliceOfficer);
        await Sample.AddDepartmentsAsync(host);
        var item = await catalog.CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() });

        var duplicate = await Assert.ThrowsAsync<RpcException>(() => catalog.CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide(name: "另一个") }).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
        Assert.Contains("guide.code", duplicate.Violations());

        var stale = await Assert.ThrowsAsync<RpcException>(() => catalog.UpdateItemAsync(
            new UpdateItemRequest { Id = item.Id, Guide = Sample.Guide(), ExpectedVersion = item.Version + 5 }).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);

        var incomplete = Sample.Guide();
        incomplete.Contacts.ComplaintPhone = "";
        incomplete.Steps.Clear();
        var saved = await catalog.UpdateItemAsync(new UpdateItemRequest { Id = item.Id, Guide = incomplete });
        Assert.Equal(["guide.contacts.complaint_phone", "guide.steps"], saved.Problems.Select(p => p.Field));
        var refused = await Assert.ThrowsAsync<RpcException>(() => catalog.PublishItemAsync(new ChangeItemRequest { Id = item.Id }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("guide.contacts.complaint_phone", refused.Violations());
        Assert.Contains("guide.steps", refused.Violations());
        Assert.Equal(0, await OutboxCountAsync(host, Topics.CatalogItemChanged));

        var badDepartment = await Assert.ThrowsAsync<RpcException>(() => Sample.Catalog(host, Sample.Administrator).CreateDepartmentAsync(new CreateDepartmentRequest
        {
            Department = new Department { Code = DemoCounty.PublicSecurity[..^1] + "X", Name = "县某局", Kind = "县级部门", Phone = "3101110" },
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badDepartment.StatusCode);
        Assert.Contains("department.code", badDepartment.Violations());
        Assert.Contains("department.phone", badDepartment.Violations());
    }

    static async Task<int> OutboxCountAsync(ServiceHost<Program> host, string topic)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        return await db.Set<OutboxMessage>().CountAsync(m => m.Topic == topic, TestContext.Current.CancellationToken);
    }
}
