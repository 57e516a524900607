using Grpc.Core;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>Lists by theme, department, town and online depth (public), and the catalog-wide guide report (supervision).</summary>
public sealed class NavigationAndReportTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Public_items_are_found_by_theme_department_town_audience_and_depth(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        var catalog = Sample.Catalog(host);
        await Sample.AddDepartmentsAsync(host);
        var idCard = await PublishAsync(host, Sample.Guide());
        var online = Sample.Guide("000100000002", "高龄津贴申领", Sample.TownCode);
        online.ItemType = "行政给付";
        online.PersonThemes.Clear();
        online.PersonThemes.Add("社会保障");
        (online.OnlineDepth, online.SiteVisits, online.OnsiteReason, online.Charged) = (OnlineDepth.FullyOnline, 0, "", false);
        online.Fees.Clear();
        var allowance = await PublishAsync(host, online);
        var business = Sample.Guide("000100000003", "旅馆业特种行业许可证核发");
        business.Audiences.Clear();
        business.Audiences.Add("法人");
        business.PersonThemes.Clear();
        business.LegalPersonThemes.Add("准营准办");
        var hotel = await PublishAsync(host, business);
        await Sample.Catalog(host, Sample.PoliceOfficer).CreateItemAsync(new CreateItemRequest { Guide = Sample.Guide("000100000004", "尚未发布的事项") });

        Assert.Equal([idCard], await IdsAsync(catalog, new ListItemsRequest { PersonTheme = "证件办理" }));
        Assert.Equal([hotel], await IdsAsync(catalog, new ListItemsRequest { LegalPersonTheme = "准营准办" }));
        Assert.Equal([idCard, hotel], await IdsAsync(catalog, new ListItemsRequest { DepartmentCode = Sample.PoliceCode }));
        Assert.Equal([allowance], await IdsAsync(catalog, new ListItemsRequest { Towns = true }));
        Assert.Equal([allowance], await IdsAsync(catalog, new ListItemsRequest { OnlineDepth = OnlineDepth.FullyOnline }));
        Assert.Equal([idCard, allowance], await IdsAsync(catalog, new ListItemsRequest { Audience = "自然人" }));

        var page = await catalog.ListItemsAsync(new ListItemsRequest { PageSize = 2 });
        Assert.Equal((3, 2), (page.Total, page.Items.Count));
        Assert.Single((await catalog.ListItemsAsync(new ListItemsRequest { PageSize = 2, PageToken = page.NextPageToken })).Items);

        var navigation = await catalog.GetNavigationAsync(new GetNavigationRequest());
        Assert.Equal([("户籍办理", 1), ("社会保障", 1), ("证件办理", 1)], navigation.PersonThemes.Select(e => (e.Value, e.Count)));
        Assert.Equal([("准营准办", 1)], navigation.LegalPersonThemes.Select(e => (e.Value, e.Count)));
        Assert.Equal([("镇康县公安局", 2)], navigation.Departments.Select(e => (e.Label, e.Count)));
        Assert.Equal([("勐捧镇人民政府", 1)], navigation.Towns.Select(e => (e.Label, e.Count)));
        Assert.Equal([("ONLINE_DEPTH_FULLY_ONLINE", 1), ("ONLINE_DEPTH_ACCEPTED_ONLINE", 2)], navigation.OnlineDepths.Select(e => (e.Value, e.Count)));

        var bad = await Assert.ThrowsAsync<RpcException>(() => catalog.ListItemsAsync(new ListItemsRequest { PersonTheme = "办证", OnlineDepth = (OnlineDepth)9 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Contains("person_theme", bad.Violations());
        Assert.Contains("online_depth", bad.Violations());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_report_lists_every_item_whose_guide_breaks_a_rule(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        await Sample.AddDepartmentsAsync(host);
        await PublishAsync(host, Sample.Guide());
        var incomplete = Sample.Guide("000100000002", "临时居民身份证申领");
        incomplete.Contacts.ConsultPhone = "";
        incomplete.Materials.Clear();
        var draft = await Sample.Catalog(host, Sample.PoliceOfficer).CreateItemAsync(new CreateItemRequest { Guide = incomplete });

        var report = await Sample.Catalog(host, Sample.Supervisor).GetGuideReportAsync(new GetGuideReportRequest());

        Assert.Equal((2, 1, 2), (report.ItemsChecked, report.ItemsWithProblems, report.Problems));
        var entry = Assert.Single(report.Items);
        Assert.Equal((draft.Id, GuideScope.Draft), (entry.ItemId, entry.Scope));
        Assert.Equal(["contacts-stated", "materials-stated"], entry.Problems.Select(p => p.Rule).Order());
        Assert.Equal(["contacts-stated", "materials-stated"], report.ByRule.Select(r => r.Rule).Order());
    }

    /// <summary>Created and published by an officer of the guide's department.</summary>
    static async Task<string> PublishAsync(ServiceHost<Program> host, ItemGuide guide)
    {
        var catalog = Sample.Catalog(host, Sample.OfficerOf(guide.DepartmentCode));
        var item = await catalog.CreateItemAsync(new CreateItemRequest { Guide = guide });
        await catalog.PublishItemAsync(new ChangeItemRequest { Id = item.Id });
        return item.Id;
    }

    static async Task<List<string>> IdsAsync(V1.CatalogService.CatalogServiceClient catalog, ListItemsRequest request) =>
        [.. (await catalog.ListItemsAsync(request)).Items.Select(i => i.Id)];
}
