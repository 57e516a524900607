using System.Net;
using Google.Protobuf.WellKnownTypes;
using ServiceHall.Credit.V1;

namespace ServiceHall.Portal.Tests;

/// <summary>信用查询 and the entity page, without signing in: the lookup box's hits, refusals beside the box, the entity's records with their departments and dates, printable.</summary>
public sealed class CreditPagesTests
{
    const string Code = "91530924MA6K00014F";

    static MarketEntity Entity()
    {
        var entity = new MarketEntity
        {
            Code = Code, Name = "镇康县好滋味餐饮管理有限公司", EntityCategory = "法人及非法人组织", LegalRepresentative = "陈建国",
            Address = "云南省临沧市镇康县南伞镇团结路88号", RegistrationNumber = "530924000000129", OrganisationCode = "MA6K00014",
            Status = EntityStatus.Revoked, RegisteredAt = Timestamp.FromDateTime(new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc)),
        };
        entity.Penalties.Add(new PenaltyRecord
        {
            DecisionNumber = "镇市监罚〔2026〕37号", Category = "罚款", Content = "罚款人民币5万元", Authority = "镇康县市场监督管理局",
            DecisionDate = "2026-07-01", PublicityUntil = "2029-07-01",
        });
        entity.ListMemberships.Add(new ListEntry
        {
            Id = "e1", Code = Code, Kind = CreditListKind.AbnormalOperation, DecidingBody = "镇康县市场监督管理局", Reason = "通过登记的住所无法联系",
            DateIn = "2026-06-01", DateOut = "2026-12-01",
        });
        entity.Licences.Add(new LicenceRecord
        {
            DecisionNumber = "JY15309240001", DocumentTitle = "食品经营许可证", Category = "普通", Content = "食品经营许可", Authority = "镇康县市场监督管理局",
            DecisionDate = "2026-03-02",
        });
        return entity;
    }

    [Fact]
    public async Task The_lookup_page_lists_the_hits_with_their_status_and_how_they_matched_and_pages_on()
    {
        await using var host = new PortalHost();
        host.Hall.On<FindEntitiesRequest, FindEntitiesResponse>("FindEntities", r => new FindEntitiesResponse
        {
            Entities =
            {
                new EntityHit { Code = Code, Name = "镇康县好滋味餐饮管理有限公司", EntityCategory = "法人及非法人组织", Status = EntityStatus.Revoked, MatchedBy = EntityMatch.Initials },
            },
            NextPageToken = r.PageToken.Length == 0 ? "MjA=" : "",
        });

        var (status, html) = await host.Browser().GetPageAsync("/credit?q=zkxhzw");

        Assert.Equal(HttpStatusCode.OK, status);
        var asked = (FindEntitiesRequest)Assert.Single(host.Hall.CallsTo("FindEntities")).Request;
        Assert.Equal(("zkxhzw", ""), (asked.Q, asked.PageToken));
        Assert.Null(Assert.Single(host.Hall.CallsTo("FindEntities")).Authorization);
        Assert.Contains($"<h3><a href=\"/credit/{Code}\">镇康县好滋味餐饮管理有限公司</a></h3>", html);
        Assert.Contains("<dd class=\"status\">吊销</dd>", html);
        Assert.Contains("<dd class=\"matched-by\">名称拼音首字母</dd>", html);
        Assert.Contains("href=\"/credit?q=zkxhzw&amp;pageToken=MjA%3D\" rel=\"next\"", html);

        var (_, second) = await host.Browser().GetPageAsync("/credit?q=zkxhzw&pageToken=MjA%3D");
        Assert.Equal("MjA=", ((FindEntitiesRequest)host.Hall.CallsTo("FindEntities").Last().Request).PageToken);
        Assert.DoesNotContain("rel=\"next\"", second);
        Assert.Contains("href=\"/credit?q=zkxhzw\">第一页</a>", second);
    }

    [Fact]
    public async Task A_refused_query_is_said_beside_the_box_and_an_empty_one_asks_nothing()
    {
        await using var host = new PortalHost();
        host.Hall.On<FindEntitiesRequest, FindEntitiesResponse>("FindEntities", _ =>
            throw SampleCases.Refusal(Grpc.Core.StatusCode.InvalidArgument, ("q", "查询内容：不能按身份证号码或手机号码查询")));

        var (empty, emptyHtml) = await host.Browser().GetPageAsync("/credit");
        Assert.Equal(HttpStatusCode.OK, empty);
        Assert.Empty(host.Hall.CallsTo("FindEntities"));
        Assert.Contains("<label for=\"credit-q\">", emptyHtml);

        var (status, html) = await host.Browser().GetPageAsync("/credit?q=13800138000");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<p class=\"field-error\" id=\"q-error\">查询内容：不能按身份证号码或手机号码查询</p>", html);
        Assert.Contains("aria-invalid=\"true\"", html);
    }

    [Fact]
    public async Task The_entity_page_shows_registration_licences_and_penalties_with_department_and_date_and_prints()
    {
        await using var host = new PortalHost();
        host.Hall.On<GetEntityRequest, MarketEntity>("GetEntity", _ => Entity());

        var (status, html) = await host.Browser().GetPageAsync($"/credit/{Code}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(Assert.Single(host.Hall.CallsTo("GetEntity")).Authorization);
        Assert.Contains("<h1>镇康县好滋味餐饮管理有限公司</h1>", html);
        Assert.Contains("<dd class=\"status\">吊销</dd>", html);
        Assert.Contains("<dd class=\"registration-number\">530924000000129</dd>", html);
        Assert.Contains("<dd class=\"organisation-code\">MA6K00014</dd>", html);
        Assert.Contains("<h2 id=\"licences-heading\">行政许可（1 条）</h2>", html);
        Assert.Contains("<h2 id=\"penalties-heading\">行政处罚（公示期内 1 条）</h2>", html);
        Assert.Contains("<dd class=\"authority\">镇康县市场监督管理局</dd>", html);
        Assert.Contains("<dd class=\"decision-date\">2026-07-01</dd>", html);
        Assert.Contains("<dd class=\"decision-date\">2026-03-02</dd>", html);
        Assert.Contains($"href=\"/credit/{Code}/print\"", html);
        Assert.Contains("<h3><a href=\"/credit/lists/abnormal\">经营异常名录</a></h3>", html);
        Assert.Contains("<dd class=\"date-out\">2026-12-01</dd>", html);

        var (printed, print) = await host.Browser().GetPageAsync($"/credit/{Code}/print");
        Assert.Equal(HttpStatusCode.OK, printed);
        Assert.Contains("class=\"printable", print);
        Assert.Contains("<h1>镇康县好滋味餐饮管理有限公司</h1>", print);
        Assert.Contains("镇市监罚〔2026〕37号", print);
    }

    [Fact]
    public async Task An_unknown_entity_says_so_with_the_way_back()
    {
        await using var host = new PortalHost();
        host.Hall.On<GetEntityRequest, MarketEntity>("GetEntity", _ =>
            throw SampleCases.Refusal(Grpc.Core.StatusCode.NotFound, ("code", "统一社会信用代码：没有登记统一社会信用代码为 91530924MA6K00022A 的市场主体")));

        var (status, html) = await host.Browser().GetPageAsync("/credit/91530924MA6K00022A");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("没有登记统一社会信用代码为 91530924MA6K00022A 的市场主体", html);
        Assert.Contains("<a href=\"/credit\">返回信用查询</a>", html);
    }

    [Fact]
    public async Task A_list_page_shows_its_public_entries_with_department_and_dates_and_an_unknown_list_is_not_found()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListEntriesRequest, ListEntriesResponse>("ListEntries", r => new ListEntriesResponse
        {
            Entries =
            {
                new ListEntry
                {
                    Id = "e1", Code = Code, EntityName = "镇康县好滋味餐饮管理有限公司", Kind = r.Kind, DecidingBody = "镇康县市场监督管理局",
                    Reason = "通过登记的住所无法联系", DateIn = "2026-06-01",
                },
            },
        });

        var (status, html) = await host.Browser().GetPageAsync("/credit/lists/black");

        Assert.Equal(HttpStatusCode.OK, status);
        var asked = (ListEntriesRequest)Assert.Single(host.Hall.CallsTo("ListEntries")).Request;
        Assert.Equal(CreditListKind.Black, asked.Kind);
        Assert.Contains("<h1>严重失信主体名单（黑名单）</h1>", html);
        Assert.Contains($"<h2><a href=\"/credit/{Code}\">镇康县好滋味餐饮管理有限公司</a></h2>", html);
        Assert.Contains("<dd class=\"authority\">镇康县市场监督管理局</dd>", html);
        Assert.Contains("<dd class=\"date-out\">—</dd>", html);
        Assert.Contains("<a href=\"/credit/lists/black\" aria-current=\"page\">", html);

        var (unknown, _) = await host.Browser().GetPageAsync("/credit/lists/purple");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Single(host.Hall.CallsTo("ListEntries"));
    }
}
