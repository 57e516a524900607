using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>An officer writes only their own department's items; the guide report shows an officer only their department.</summary>
public sealed class ItemTenancyTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_officer_of_another_department_cannot_create_change_or_read_the_draft_of_an_item(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        await Sample.AddDepartmentsAsync(host);
        var police = Sample.Catalog(host, Sample.PoliceOfficer);
        var town = Sample.Catalog(host, Sample.TownOfficer);
        var item = await police.CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() });
        await police.PublishItemAsync(new ChangeItemRequest { Id = item.Id });
        var edited = Sample.Guide();
        edited.PromisedLimit.Value = 7;
        var before = await police.UpdateItemAsync(new UpdateItemRequest { Id = item.Id, Guide = edited });

        var refusals = new Dictionary<string, Func<Task>>
        {
            ["CreateItem"] = () => town.CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide("000100000009", "临时居民身份证申领") }).ResponseAsync,
            ["UpdateItem"] = () => town.UpdateItemAsync(new UpdateItemRequest { Id = item.Id, Guide = Sample.Guide() }).ResponseAsync,
            ["PublishItem"] = () => town.PublishItemAsync(new ChangeItemRequest { Id = item.Id, Reason = "压缩承诺时限" }).ResponseAsync,
            ["SuspendItem"] = () => town.SuspendItemAsync(new ChangeItemRequest { Id = item.Id, Reason = "暂停" }).ResponseAsync,
            ["ResumeItem"] = () => town.ResumeItemAsync(new ChangeItemRequest { Id = item.Id, Reason = "恢复" }).ResponseAsync,
            ["CancelItem"] = () => town.CancelItemAsync(new ChangeItemRequest { Id = item.Id, Reason = "取消" }).ResponseAsync,
            ["GetItemDraft"] = () => town.GetItemDraftAsync(new GetItemRequest { Id = item.Id }).ResponseAsync,
        };
        foreach (var (method, call) in refusals)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(call);
            Assert.True(refused.StatusCode == StatusCode.PermissionDenied, $"{method}: {refused.Status}");
            Assert.Contains(Sample.PoliceCode, refused.Status.Detail);
        }

        // Nothing changed: the draft and the public version are as the police left them.
        var draft = await police.GetItemDraftAsync(new GetItemRequest { Id = item.Id });
        Assert.Equal((before.Version, ItemStatus.Published, 7), (draft.Version, draft.Status, draft.Guide.PromisedLimit.Value));
        var published = await Sample.Catalog(host).GetItemAsync(new GetItemRequest { Id = item.Id });
        Assert.Equal((1, 15), (published.GuideVersion, published.Guide.PromisedLimit.Value));
        // Supervision reads any draft.
        Assert.Equal(draft.Version, (await Sample.Catalog(host, Sample.Supervisor).GetItemDraftAsync(new GetItemRequest { Id = item.Id })).Version);

        // Each refusal is in the audit trail, with who was refused.
        var audit = host.Services.GetRequiredService<AuditTrail>();
        var records = await audit.RecentAsync(100, TestContext.Current.CancellationToken);
        foreach (var method in refusals.Keys)
        {
            Assert.Contains(records, r => r.Action.EndsWith("CatalogService/" + method, StringComparison.Ordinal)
                && r.Result == "PermissionDenied" && r.Actor.StartsWith("mengpeng [officer]", StringComparison.Ordinal));
        }
        Assert.True((await audit.VerifyAsync(TestContext.Current.CancellationToken)).Intact);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_item_stays_in_its_department_and_a_suspended_one_is_resumed_only_by_its_own(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        await Sample.AddDepartmentsAsync(host);
        var police = Sample.Catalog(host, Sample.PoliceOfficer);
        var item = await police.CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide() });

        // Even its own officer cannot hand the item to the town (nor, so, take the town's items by moving them).
        var moved = await Assert.ThrowsAsync<RpcException>(() => police.UpdateItemAsync(
            new UpdateItemRequest { Id = item.Id, Guide = Sample.Guide(department: Sample.TownCode) }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, moved.StatusCode);
        Assert.Contains(Sample.TownCode, moved.Status.Detail);
        Assert.Contains("guide.department_code", moved.Violations());

        await police.PublishItemAsync(new ChangeItemRequest { Id = item.Id });
        await police.SuspendItemAsync(new ChangeItemRequest { Id = item.Id, Reason = "系统升级" });
        var resume = await Assert.ThrowsAsync<RpcException>(() => Sample.Catalog(host, Sample.TownOfficer)
            .ResumeItemAsync(new ChangeItemRequest { Id = item.Id, Reason = "升级完成" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, resume.StatusCode);
        Assert.Equal(ItemStatus.Suspended, (await Sample.Catalog(host).GetItemAsync(new GetItemRequest { Id = item.Id })).Status);
        Assert.Equal(ItemStatus.Published, (await police.ResumeItemAsync(new ChangeItemRequest { Id = item.Id, Reason = "升级完成" })).Status);

        // Another department learns nothing of the item's state (here: that its version is not 999); tenancy comes first.
        var stale = await Assert.ThrowsAsync<RpcException>(() => Sample.Catalog(host, Sample.TownOfficer)
            .PublishItemAsync(new ChangeItemRequest { Id = item.Id, ExpectedVersion = 999 }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, stale.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_guide_report_of_an_officer_covers_their_department_and_supervision_sees_the_whole_catalog(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        await Sample.AddDepartmentsAsync(host);
        var policeGuide = Sample.Guide();
        policeGuide.Materials.Clear();
        var policeItem = await Sample.Catalog(host, Sample.PoliceOfficer).CreateItemAsync(new CreateItemRequest { Guide = policeGuide });
        var townGuide = Sample.Guide("000100000002", "高龄津贴申领", Sample.TownCode);
        townGuide.Steps.Clear();
        var townItem = await Sample.Catalog(host, Sample.TownOfficer).CreateItemAsync(new CreateItemRequest { Guide = townGuide });

        var ownReport = await Sample.Catalog(host, Sample.PoliceOfficer).GetGuideReportAsync(new GetGuideReportRequest());
        Assert.Equal((1, 1), (ownReport.ItemsChecked, ownReport.ItemsWithProblems));
        Assert.Equal([policeItem.Id], ownReport.Items.Select(i => i.ItemId));
        var named = await Sample.Catalog(host, Sample.PoliceOfficer).GetGuideReportAsync(new GetGuideReportRequest { DepartmentCode = Sample.PoliceCode });
        Assert.Equal([policeItem.Id], named.Items.Select(i => i.ItemId));

        var other = await Assert.ThrowsAsync<RpcException>(() => Sample.Catalog(host, Sample.PoliceOfficer)
            .GetGuideReportAsync(new GetGuideReportRequest { DepartmentCode = Sample.TownCode }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        Assert.Contains(Sample.TownCode, other.Status.Detail);

        foreach (var overseer in new[] { Sample.Supervisor, Sample.Administrator })
        {
            var all = await Sample.Catalog(host, overseer).GetGuideReportAsync(new GetGuideReportRequest());
            Assert.Equal((2, 2), (all.ItemsChecked, all.ItemsWithProblems));
            Assert.Equal([policeItem.Id, townItem.Id], all.Items.Select(i => i.ItemId)); // in code order
            var town = await Sample.Catalog(host, overseer).GetGuideReportAsync(new GetGuideReportRequest { DepartmentCode = Sample.TownCode });
            Assert.Equal([townItem.Id], town.Items.Select(i => i.ItemId));
        }
    }

    [Fact]
    public async Task Departments_are_registered_only_by_an_administrator()
    {
        await using var host = new ServiceHost<Program>("catalog", Testing.Databases.Sqlite);
        var refused = await Assert.ThrowsAsync<RpcException>(() => Sample.Catalog(host, Sample.PoliceOfficer)
            .CreateDepartmentAsync(new CreateDepartmentRequest { Department = Sample.Police }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Empty((await Sample.Catalog(host).ListDepartmentsAsync(new ListDepartmentsRequest())).Departments);

        await Sample.AddDepartmentsAsync(host);
        Assert.Equal([Sample.PoliceCode, Sample.TownCode], (await Sample.Catalog(host).ListDepartmentsAsync(new ListDepartmentsRequest())).Departments.Select(d => d.Code));
    }
}
