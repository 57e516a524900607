using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>The demo county's catalog: large enough to be real, and clean under every guide check.</summary>
public sealed class SeedCatalogTests
{
    [Fact]
    public void The_seed_has_at_least_150_items_over_15_departments_and_no_guide_problem()
    {
        var content = SeedCatalog.Read(SeedCatalog.DefaultFolder, Sample.AreaCode);

        Assert.Empty(SeedCatalog.Problems(content));
        Assert.True(content.Guides.Count >= 150, $"{content.Guides.Count} items");
        Assert.True(content.Guides.Select(g => g.DepartmentCode).Distinct().Count() >= 15);
        Assert.Contains(content.Departments, d => d.Kind == "乡镇街道");
    }

    [Fact]
    public void The_seed_is_the_demo_county_with_its_seven_towns_and_valid_codes()
    {
        var content = SeedCatalog.Read(SeedCatalog.DefaultFolder, Sample.AreaCode);

        // Tests and benches take the codes from DemoCounty: it must list the seed's departments as they are.
        Assert.Equal(DemoCounty.Departments, content.Departments.Select(d => (d.Name, d.Code)).ToList());
        Assert.All(content.Departments, d => Assert.True(ServiceHall.Domain.CreditCode.IsValid(d.Code), d.Code));
        Assert.Equal(["南伞镇人民政府", "勐捧镇人民政府", "凤尾镇人民政府", "勐堆乡人民政府", "木场乡人民政府", "军弄乡人民政府", "忙丙乡人民政府"],
            content.Departments.Where(d => d.Kind == "乡镇街道").Select(d => d.Name));
        Assert.All(content.Guides, g => Assert.Contains($"-{DemoCounty.AreaCode}-000-{g.DepartmentCode}-", g.Code));
        // Fictitious numbers of the 临沧 area code, or the national hotlines.
        Assert.All(content.Departments, d => Assert.StartsWith("0883-6", d.Phone));
        Assert.All(content.Guides, g => Assert.Matches(@"^(0883-6\d{6}|12\d{3})$", g.Contacts.ComplaintPhone));
    }

    [Fact]
    public async Task The_seed_loads_on_a_fresh_start_and_the_catalog_wide_report_finds_nothing()
    {
        await using var host = new ServiceHost<Program>("catalog", Databases.Sqlite, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        // The seed was written without any user; supervision reads the whole catalog's report, anyone the navigation.
        var report = await Sample.Catalog(host, Sample.Supervisor).GetGuideReportAsync(new GetGuideReportRequest());
        var navigation = await Sample.Catalog(host).GetNavigationAsync(new GetNavigationRequest());

        Assert.True(report.ItemsChecked >= 150, $"{report.ItemsChecked} items checked");
        Assert.Equal(0, report.Problems);
        Assert.True(navigation.Departments.Count + navigation.Towns.Count >= 15);
        Assert.NotEmpty(navigation.Towns);
        Assert.Contains(navigation.OnlineDepths, d => d.Value == "ONLINE_DEPTH_FULLY_ONLINE" && d.Count > 0);
    }
}
