using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ServiceHall.Applications.V1;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

/// <summary>谁查看了我的信息: the applicant's table of reveals and downloads, as the applications service lists them.</summary>
public sealed class DataAccessPageTests
{
    static DataAccess Access(DataAccessKind kind, AccessorRole role, string department, string reason, string file, DateTime utc) => new()
    {
        At = Timestamp.FromDateTime(utc), TrackingNumber = SampleCases.Number, Kind = kind, Role = role,
        DepartmentCode = department.Length > 0 ? "11330100MB0000001X" : "", Department = department, Reason = reason, FileName = file,
    };

    [Fact]
    public async Task Each_access_shows_when_who_what_and_why_in_county_time()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListMyDataAccessRequest, ListMyDataAccessResponse>("ListMyDataAccess", _ => new()
        {
            Accesses =
            {
                Access(DataAccessKind.Download, AccessorRole.Supervisor, "", "", "申请书.pdf", new DateTime(2026, 12, 2, 7, 5, 0, DateTimeKind.Utc)),
                Access(DataAccessKind.Reveal, AccessorRole.Officer, "县市场监督管理局", "电话通知申请人补正材料", "", new DateTime(2026, 12, 1, 16, 30, 0, DateTimeKind.Utc)),
            },
            NextPageToken = "MjA=",
        });

        var (status, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync("/my/data-access");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = html.Split("<tr>").Skip(2).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Contains("2026年12月2日（星期三） 15:05", rows[0]);
        Assert.Contains("电子监察人员", rows[0]);
        Assert.Contains("下载材料“申请书.pdf”", rows[0]);
        // 16:30 UTC on the 1st is already the 2nd in the county.
        Assert.Contains("2026年12月2日（星期三） 00:30", rows[1]);
        Assert.Contains("县市场监督管理局工作人员", rows[1]);
        Assert.Contains("完整身份证号码和手机号码", rows[1]);
        Assert.Contains("电话通知申请人补正材料", rows[1]);
        Assert.Contains($"href=\"/my/applications/{SampleCases.Number}\"", rows[1]);
        Assert.Contains("href=\"/my/data-access?page=MjA%3D\" rel=\"next\"", html);
        var call = Assert.Single(host.Hall.CallsTo("ListMyDataAccess"));
        Assert.Equal(DataAccessPageModelSize, ((ListMyDataAccessRequest)call.Request).PageSize);
        Assert.StartsWith("Bearer ", call.Authorization);
    }

    const int DataAccessPageModelSize = ServiceHall.Portal.Pages.My.DataAccessModel.PageSize;

    [Fact]
    public async Task Nothing_looked_at_says_so_and_an_officer_is_told_the_page_is_for_applicants()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListMyDataAccessRequest, ListMyDataAccessResponse>("ListMyDataAccess", _ => new());

        var (status, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync("/my/data-access");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("目前没有人查看过您的完整证件号码或下载过您的材料。", html);

        host.Hall.Fail("ListMyDataAccess", StatusCode.PermissionDenied);
        var (officerStatus, officerHtml) = await host.Browser(TestUser.Officer).GetPageAsync("/my/data-access");
        Assert.Equal(HttpStatusCode.Forbidden, officerStatus);
        Assert.Contains("此页面供申请人查看本人信息的查看记录。", officerHtml);
    }

    [Fact]
    public async Task An_unavailable_service_leaves_a_notice_and_503()
    {
        await using var host = new PortalHost();
        host.Hall.Fail("ListMyDataAccess", StatusCode.Unavailable);

        var (status, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync("/my/data-access");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("class=\"notice", html);
        Assert.DoesNotContain("<table class=\"data-access\">", html);
    }
}
