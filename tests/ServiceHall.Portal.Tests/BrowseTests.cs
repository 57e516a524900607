using System.Net;
using ServiceHall.Catalog.V1;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

public sealed class BrowseTests
{
    [Fact]
    public async Task Browse_links_every_theme_department_town_and_online_list()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();

        var (status, html) = await host.Browser().GetPageAsync("/browse");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/browse/items?personTheme=%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%9A%9C\">社会保障 <span class=\"count\">（20项）</span>", html);
        Assert.Contains("href=\"/browse/items?legalPersonTheme=%E5%87%86%E8%90%A5%E5%87%86%E5%8A%9E\"", html);
        Assert.Contains("href=\"/browse/items?departmentCode=" + SampleHall.PoliceCode + "\">县公安局", html);
        Assert.Contains("href=\"/browse/items?towns=true\"", html);
        Assert.Contains("href=\"/browse/items?onlineDepth=4\">查看全部全程网办事项（40项）", html);
        Assert.Contains("<a href=\"/browse\" aria-current=\"page\">", html);
    }

    [Fact]
    public async Task An_item_list_shows_the_items_of_one_entry_with_paging()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListItemsRequest, ListItemsResponse>("ListItems", r =>
        {
            var list = SampleHall.List(r);
            list.NextPageToken = "MjA=";
            return list;
        });

        var (status, html) = await host.Browser().GetPageAsync("/browse/items?departmentCode=" + SampleHall.PoliceCode);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>县公安局的事项</h1>", html);
        Assert.Contains("<ul class=\"items\">", html);
        Assert.Contains("<li class=\"item\">\n<a href=\"/items/" + SampleHall.IdCardItem + "\">居民身份证申领</a>", html);
        Assert.Contains("承诺20个工作日办结", html);
        Assert.Contains("href=\"/browse/items?departmentCode=" + SampleHall.PoliceCode + "&amp;page=MjA%3D\" rel=\"next\"", html);
        var request = (ListItemsRequest)Assert.Single(host.Hall.CallsTo("ListItems")).Request;
        Assert.Equal((SampleHall.PoliceCode, 20), (request.DepartmentCode, request.PageSize));
    }

    [Fact]
    public async Task The_online_list_asks_for_depth_four_and_marks_its_navigation_link()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListItemsRequest, ListItemsResponse>("ListItems", SampleHall.List);

        var (_, html) = await host.Browser().GetPageAsync("/browse/items?onlineDepth=4");

        Assert.Contains("<h1>全程网办</h1>", html);
        Assert.Contains("<a href=\"/browse/items?onlineDepth=4\" aria-current=\"page\">", html);
        Assert.Equal(OnlineDepth.FullyOnline, ((ListItemsRequest)Assert.Single(host.Hall.CallsTo("ListItems")).Request).OnlineDepth);
    }

    [Fact]
    public async Task A_theme_the_catalog_does_not_know_is_not_found()
    {
        await using var host = new PortalHost();
        host.Hall.Fail("ListItems", Grpc.Core.StatusCode.InvalidArgument);

        var (status, _) = await host.Browser().GetPageAsync("/browse/items?personTheme=nonsense");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Browsing_works_while_search_is_down()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog().Fail("Search", Grpc.Core.StatusCode.Unavailable);

        var (browse, _) = await host.Browser().GetPageAsync("/browse");
        var (list, _) = await host.Browser().GetPageAsync("/browse/items?personTheme=%E6%88%B7%E7%B1%8D%E5%8A%9E%E7%90%86");
        var (item, _) = await host.Browser().GetPageAsync("/items/" + SampleHall.IdCardItem);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (browse, list, item));
    }
}
