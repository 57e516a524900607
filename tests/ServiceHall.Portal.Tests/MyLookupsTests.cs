using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ServiceHall.Credit.V1;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

/// <summary>被查询记录: the institutions that looked the business up, as the credit service lists them.</summary>
public sealed class MyLookupsTests
{
    [Fact]
    public async Task The_page_lists_each_institution_and_the_county_time_of_its_lookup_newest_first()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListLookupsOfMyEntityRequest, ListLookupsOfMyEntityResponse>("ListLookupsOfMyEntity", _ => new()
        {
            Lookups =
            {
                new EntityLookup { Institution = "测试农村商业银行", LookedUpAt = Timestamp.FromDateTime(new DateTime(2026, 12, 7, 16, 30, 0, DateTimeKind.Utc)) },
                new EntityLookup { Institution = "银行信用核查系统", LookedUpAt = Timestamp.FromDateTime(new DateTime(2026, 12, 7, 1, 5, 0, DateTimeKind.Utc)) },
            },
        });

        var (status, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync("/my/lookups");

        Assert.Equal(HttpStatusCode.OK, status);
        var table = Element(html, "table", "board lookups")!;
        // 16:30 UTC is 00:30 the next day in the county.
        Assert.Contains("<td>测试农村商业银行</td><td><time datetime=\"2026-12-07T16:30:00Z\">2026年12月8日（星期二） 00:30</time></td>", table);
        Assert.Contains("<td>银行信用核查系统</td><td><time datetime=\"2026-12-07T01:05:00Z\">2026年12月7日（星期一） 09:05</time></td>", table);
        Assert.True(table.IndexOf("测试农村商业银行", StringComparison.Ordinal) < table.IndexOf("银行信用核查系统", StringComparison.Ordinal));
        Assert.NotNull(Assert.Single(host.Hall.CallsTo("ListLookupsOfMyEntity")).Authorization);
    }

    [Fact]
    public async Task Someone_who_is_not_a_business_is_told_so_and_gets_no_list()
    {
        await using var host = new PortalHost();
        host.Hall.Fail("ListLookupsOfMyEntity", StatusCode.PermissionDenied);

        var (status, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync("/my/lookups");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("只有以企业身份（统一社会信用代码）登录的申请人可以查看被查询记录", html);
        Assert.Null(Element(html, "table", "board lookups"));
    }

    [Fact]
    public async Task An_unavailable_credit_service_leaves_a_notice_instead_of_the_list()
    {
        await using var host = new PortalHost();
        host.Hall.Fail("ListLookupsOfMyEntity", StatusCode.Unavailable);

        var (status, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync("/my/lookups");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Null(Element(html, "table", "board lookups"));
        Assert.Contains("class=\"notice", html);
    }
}
