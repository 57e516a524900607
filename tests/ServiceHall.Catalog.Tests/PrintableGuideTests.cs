using System.Net;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

public sealed class PrintableGuideTests
{
    [Fact]
    public async Task The_printable_guide_is_one_html_page_with_a_print_stylesheet_and_escaped_text()
    {
        await using var host = new ServiceHost<Program>("catalog", Databases.Sqlite);
        var catalog = Sample.Catalog(host, Sample.PoliceOfficer);
        await Sample.AddDepartmentsAsync(host);
        var guide = Sample.Guide();
        guide.Conditions = "年满十六周岁<script>alert(1)</script>";
        var item = await catalog.CreateItemAsync(new CreateItemRequest { Guide = guide });
        var http = host.CreateClient(); // anonymous: the printable guide is as public as the guide

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/catalog/items/{item.Id}/print", TestContext.Current.CancellationToken)).StatusCode);
        await catalog.PublishItemAsync(new ChangeItemRequest { Id = item.Id });
        var response = await http.GetAsync($"/api/catalog/items/{item.Id}/print", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("@media print", html);
        foreach (var heading in new[] { "基本信息", "办理地点和时间", "申请条件", "申报材料", "办理流程", "收费标准", "设定依据", "常见问题", "咨询方式", "监督投诉方式" })
        {
            Assert.Contains($"<h2>{heading}</h2>", html);
        }
        Assert.Contains("居民户口簿", html);
        Assert.Contains("20元/证", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }
}
