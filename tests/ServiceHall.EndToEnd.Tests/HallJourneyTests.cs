using Grpc.Core;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>What people and officers do, through the gateway, against the real processes.</summary>
public sealed class HallJourneyTests(HallFixture hall)
{
    // Generous: at start the search index takes in the whole seeded county (200-odd items, one event each) first.
    public static readonly TimeSpan SearchWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_item_created_and_published_is_found_by_a_Chinese_query()
    {
        var guide = SampleGuide.Complete("建设用地规划许可证核发（划拨）");
        var officer = await hall.HttpAs(DemoCounty.Ziranziyuan);
        var (created, item) = await officer.SendAsync(HttpMethod.Post, "/api/catalog/items", SampleGuide.Json(guide));
        Assert.Equal(200, created);
        var id = (string)item!["id"]!;
        Assert.Equal("ITEM_STATUS_DRAFT", (string?)item["status"]);

        var (published, publishedItem) = await officer.SendAsync(HttpMethod.Post, $"/api/catalog/items/{id}:publish", new { });
        Assert.Equal(200, published);
        Assert.Equal("ITEM_STATUS_PUBLISHED", (string?)publishedItem!["status"]);

        var (got, fetched) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/catalog/items/{id}");
        Assert.Equal(200, got);
        Assert.StartsWith($"{guide.BasicCode}-{DemoCounty.AreaCode}-000-{SampleGuide.NaturalResources}", (string?)fetched!["guide"]!["code"]);

        var hit = await hall.Http.SearchUntilFoundAsync("建设用地规划许可证核发", id, SearchWait);
        Assert.NotNull(hit);
        Assert.Equal("DOCUMENT_TYPE_ITEM", (string?)hit["type"]);
        Assert.Equal($"/api/catalog/items/{id}", (string?)hit["url"]);
        Assert.Contains("建设用地", (string?)hit["title"]);
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_makes_one_application_over_grpc()
    {
        var catalog = new CatalogService.CatalogServiceClient(await hall.GrpcAs(DemoCounty.Ziranziyuan));
        var item = await catalog.CreateItemAsync(new CreateItemRequest { Guide = SampleGuide.ForEveryone("建设工程规划许可证核发") });
        await catalog.PublishItemAsync(new ChangeItemRequest { Id = item.Id });

        var applications = new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Lisi));
        var submit = new SubmitApplicationRequest
        {
            ItemId = item.Id, ApplicantName = "李四", IdempotencyKey = Guid.NewGuid().ToString(),
            ApplicantIdNumber = TestCodes.DemoResidentId, ApplicantPhone = TestCodes.DemoMobile,
            Materials = { await applications.UploadFormAsync() },
        };
        var first = await applications.SubmitApplicationAsync(submit);
        var second = await applications.SubmitApplicationAsync(submit);

        Assert.Equal(first.TrackingNumber, second.TrackingNumber);
        var (status, body) = await (await hall.HttpAs(DemoCounty.Lisi)).SendAsync(HttpMethod.Get, $"/api/applications/{first.TrackingNumber}");
        Assert.Equal(200, status);
        Assert.Equal(item.Id, (string?)body!["itemId"]);
        Assert.Equal("APPLICATION_STATUS_SUBMITTED", (string?)body["status"]);

        var unknown = await Assert.ThrowsAsync<RpcException>(() => applications.SubmitApplicationAsync(
            new SubmitApplicationRequest
            {
                ItemId = "no-such-item", ApplicantName = "李四", IdempotencyKey = Guid.NewGuid().ToString(),
                ApplicantIdNumber = TestCodes.DemoResidentId, ApplicantPhone = TestCodes.DemoMobile,
            }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_file_of_the_per_file_limit_goes_through_the_gateway_as_base64_json_and_comes_back_whole()
    {
        var catalog = new CatalogService.CatalogServiceClient(await hall.GrpcAs(DemoCounty.Ziranziyuan));
        var item = await catalog.CreateItemAsync(new CreateItemRequest { Guide = SampleGuide.ForEveryone("临时建设工程规划许可" + Guid.NewGuid().ToString("N")[..4]) });
        await catalog.PublishItemAsync(new ChangeItemRequest { Id = item.Id });
        // Just under the default 10 MiB per file: 4/3 of it in base64, past the gateway's ordinary 1 MiB limit.
        var content = SampleFiles.Pdf(new string('x', 10 * 1024 * 1024 - 2048));
        Assert.True(content.Length is > 10 * 1024 * 1024 - 4096 and <= 10 * 1024 * 1024, $"{content.Length} bytes");
        var lisi = await hall.HttpAs(DemoCounty.Lisi);

        var (uploaded, material) = await lisi.SendAsync(HttpMethod.Post, "/api/applications/materials", new { fileName = "总平面图.pdf", content = Convert.ToBase64String(content) });
        Assert.True(uploaded == 200, material?.ToJsonString());
        Assert.Equal((content.Length, "MATERIAL_KIND_PDF"), ((int)material!["size"]!, (string?)material["kind"]));

        var (submitted, application) = await lisi.SendAsync(HttpMethod.Post, "/api/applications", new
        {
            itemId = item.Id, applicantName = "李四", applicantIdNumber = TestCodes.DemoResidentId, applicantPhone = TestCodes.DemoMobile,
            idempotencyKey = Guid.NewGuid().ToString(), materials = new[] { new { slot = SampleMaterials.Form, materialId = (string)material["id"]! } },
        });
        Assert.True(submitted == 200, application?.ToJsonString());
        var (downloaded, file) = await lisi.SendAsync(HttpMethod.Get, $"/api/applications/{application!["trackingNumber"]}/materials/{material["id"]}");
        Assert.Equal(200, downloaded);
        Assert.Equal(content, Convert.FromBase64String((string)file!["content"]!));
        Assert.Equal("总平面图.pdf", (string?)file["material"]!["fileName"]);
    }

    [Fact]
    public async Task An_entity_with_a_penalty_is_looked_up_by_code_and_found_in_search()
    {
        var code = TestCodes.NewCreditCode();
        var name = "镇康县南伞镇" + Guid.NewGuid().ToString("N")[..4] + "餐饮有限公司";
        var editor = await hall.HttpAs(DemoCounty.Xinyong);
        var (registered, _) = await editor.SendAsync(HttpMethod.Post, "/api/credit/entities",
            new { code, name, entityCategory = "法人及非法人组织", legalRepresentative = "李四", address = "云南省临沧市镇康县南伞镇人民路1号" });
        Assert.Equal(200, registered);

        var (added, _) = await editor.SendAsync(HttpMethod.Post, $"/api/credit/entities/{code}/penalties", new
        {
            decisionNumber = "县市监罚〔2026〕12号",
            violationType = "食品安全",
            facts = "经营超过保质期的食品",
            basis = "《中华人民共和国食品安全法》第一百二十四条",
            category = "罚款",
            content = "罚款人民币五万元",
            fineAmountWan = "5",
            decisionDate = "2026-10-15",
            authority = "镇康县市场监督管理局",
            authorityCode = SampleGuide.MarketRegulation,
        });
        Assert.Equal(200, added);

        var (status, entity) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/credit/entities/{code}");
        Assert.Equal(200, status);
        Assert.Equal(name, (string?)entity!["name"]);
        var penalty = Assert.Single(entity["penalties"]!.AsArray());
        Assert.Equal("县市监罚〔2026〕12号", (string?)penalty!["decisionNumber"]);

        Assert.NotNull(await hall.Http.SearchUntilFoundAsync(name, code, SearchWait));
    }

    [Fact]
    public async Task An_approved_licence_of_the_demo_business_appears_in_its_credit_record_and_in_search()
    {
        // 县市场监督管理局 publishes a 行政许可 item (SampleGuide's type) for businesses; qiye applies; shichang approves.
        var catalog = new CatalogService.CatalogServiceClient(await hall.GrpcAs(DemoCounty.Shichang));
        var item = await catalog.CreateItemAsync(new CreateItemRequest { Guide = SampleGuide.Complete("食品小作坊登记", SampleGuide.MarketRegulation) });
        await catalog.PublishItemAsync(new ChangeItemRequest { Id = item.Id });
        var qiye = new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Qiye));
        var submitted = await qiye.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            ItemId = item.Id, ApplicantName = "镇康县好滋味餐饮管理有限公司", IdempotencyKey = Guid.NewGuid().ToString(), ApplicantPhone = TestCodes.DemoMobile,
            Materials = { await qiye.UploadFormAsync() },
        });
        var officer = new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Shichang));
        var completedBefore = await CompletedThisMonthAsync(SampleGuide.MarketRegulation);
        await officer.AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = submitted.TrackingNumber, Opinion = "予以受理" });
        var number = $"镇市监许〔2026〕{Random.Shared.Next(1000, 100_000)}号";
        await officer.DecideApplicationAsync(new DecideApplicationRequest
        {
            TrackingNumber = submitted.TrackingNumber, Decision = Decision.Approve, Opinion = "准予许可", DocumentNumber = number, DocumentTitle = "食品小作坊登记证",
        });

        // The event travels applications → credit → search on its own: wait for the state, never for a fixed time.
        var licence = await CreditLicenceAsync(DemoCounty.Business, number, SearchWait);
        Assert.True(licence is not null, $"no licence {number} in credit's record of {DemoCounty.Business} after {SearchWait}");
        Assert.Equal(("食品小作坊登记证", "普通", "食品小作坊登记", SampleGuide.MarketRegulation, submitted.TrackingNumber),
            ((string?)licence["documentTitle"], (string?)licence["category"], (string?)licence["content"], (string?)licence["authorityCode"], (string?)licence["source"]));
        var hit = await hall.Http.SearchUntilFoundAsync("镇康县好滋味餐饮管理有限公司", (string)licence["id"]!, SearchWait);
        Assert.NotNull(hit);
        Assert.Equal("DOCUMENT_TYPE_LICENCE", (string?)hit["type"]);
        Assert.Equal($"/api/credit/entities/{DemoCounty.Business}", (string?)hit["url"]);

        // 办结: the department's public figures count it (other tests may complete cases of it meanwhile, never fewer).
        await officer.CompleteApplicationAsync(new CompleteApplicationRequest { TrackingNumber = submitted.TrackingNumber });
        Assert.True(await CompletedThisMonthAsync(SampleGuide.MarketRegulation) >= completedBefore + 1);
        using var csv = await hall.Http.GetAsync($"/api/figures.csv?departmentCode={SampleGuide.MarketRegulation}");
        Assert.Equal(System.Net.HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("月份,收件数,办结数", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
    }

    /// <summary>The department's 办结 this month in the public figures, read through the gateway without signing in.</summary>
    async Task<int> CompletedThisMonthAsync(string departmentCode)
    {
        var (status, figures) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/figures?departmentCode={departmentCode}");
        Assert.Equal(200, status);
        return (int?)figures!["months"]!.AsArray()[^1]!["completed"] ?? 0;
    }

    /// <summary>Asks credit's public lookup until the entity lists the licence with this decision number, or the timeout passes.</summary>
    async Task<System.Text.Json.Nodes.JsonNode?> CreditLicenceAsync(string code, string decisionNumber, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        do
        {
            var (status, entity) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/credit/entities/{code}");
            Assert.Equal(200, status);
            if (entity!["licences"]?.AsArray().FirstOrDefault(l => (string?)l!["decisionNumber"] == decisionNumber) is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return null;
    }

    [Fact]
    public async Task A_published_disclosure_is_listed_and_found_in_search()
    {
        // The administrator registers an organisation; a hospital's own publisher publishes for it.
        var org = "e2e-hospital-" + Guid.NewGuid().ToString("N")[..8];
        var (registered, _) = await (await hall.HttpAs(DemoCounty.Admin)).SendAsync(HttpMethod.Post, "/api/disclosures/organizations",
            new { id = org, name = "镇康县第二人民医院", sector = "SECTOR_HEALTH" });
        Assert.Equal(200, registered);

        var hospital = DemoCounty.Hospital;
        var publisher = await hall.HttpAs(DemoCounty.Yiyuan);
        var (refused, _) = await publisher.SendAsync(HttpMethod.Post, $"/api/disclosures/organizations/{org}/disclosures", new { kind = "DISCLOSURE_KIND_FEE_SCHEDULE", title = "不是本单位" });
        Assert.Equal(403, refused);
        var (published, disclosure) = await publisher.SendAsync(HttpMethod.Post, $"/api/disclosures/organizations/{hospital}/disclosures", new
        {
            kind = "DISCLOSURE_KIND_FEE_SCHEDULE",
            title = "门诊诊查费收费标准公示",
            body = "普通门诊诊查费每人次十元，依据省医疗服务价格项目规范。",
            effectiveDate = "2026-11-01",
        });
        Assert.Equal(200, published);
        var id = (string)disclosure!["id"]!;

        var (listed, list) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/disclosures/organizations/{hospital}/disclosures?pageSize=100");
        Assert.Equal(200, listed);
        Assert.Contains(id, list!["disclosures"]!.AsArray().Select(d => (string?)d!["id"]));

        var hit = await hall.Http.SearchUntilFoundAsync("门诊诊查费", id, SearchWait);
        Assert.NotNull(hit);
        Assert.Equal("DOCUMENT_TYPE_DISCLOSURE", (string?)hit["type"]);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_error_never_a_500()
    {
        var (malformed, error) = await hall.Http.SendAsync(HttpMethod.Get, "/api/credit/entities/91350100M000100Y44");
        Assert.Equal(400, malformed);
        // People read the field's label in the message; programs read its path in google.rpc.BadRequest.
        Assert.StartsWith("统一社会信用代码：", (string?)error!["message"]);
        Assert.Equal("code", (string?)error["details"]![0]!["fieldViolations"]![0]!["field"]);

        var (unknown, _) = await hall.Http.SendAsync(HttpMethod.Get, "/api/catalog/items/does-not-exist");
        Assert.Equal(404, unknown);

        var officer = await hall.HttpAs(DemoCounty.Ziranziyuan);
        var (missing, missingError) = await officer.SendAsync(HttpMethod.Post, "/api/catalog/items", """{"basicCode":"000100000001"}""");
        Assert.Equal(400, missing);
        Assert.Contains("事项名称：必填", (string?)missingError!["message"]);
        Assert.Contains(missingError["details"]![0]!["fieldViolations"]!.AsArray(), v => (string?)v!["field"] == "guide.name");

        var oversized = SampleGuide.Complete(new string('字', 600_000));
        // With a declared length the gateway refuses up front, with a message. Without Expect: 100-continue the
        // client may still be writing the body when the 413 closes the connection (a broken pipe, not an answer).
        var (tooLarge, tooLargeError) = await hall.Http.SendAsync(HttpMethod.Post, "/api/catalog/items", SampleGuide.Json(oversized), expectContinue: true);
        Assert.Equal(413, tooLarge);
        Assert.Contains("超过上限", (string?)tooLargeError!["message"]);

        var (noQuery, _) = await hall.Http.SendAsync(HttpMethod.Get, "/api/search");
        Assert.Equal(400, noQuery);
    }

    [Fact]
    public async Task The_gateway_reports_readiness_of_every_service_and_tags_requests_with_a_correlation_id()
    {
        var (status, readiness) = await (await hall.HttpAs(DemoCounty.Jiancha)).SendAsync(HttpMethod.Get, "/health/ready");
        Assert.Equal(200, status);
        // At the public edge anyone else reads the overall status only.
        var (_, overall) = await hall.Http.SendAsync(HttpMethod.Get, "/health/ready");
        Assert.Equal("Healthy", (string?)overall!["status"]);
        Assert.Null(overall["checks"]);
        foreach (var service in Testing.RunningHall.Services)
        {
            Assert.Equal("Healthy", (string?)readiness!["checks"]![$"{service}/primary"]);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/items?pageSize=1");
        request.Headers.Add("X-Correlation-Id", "e2e-correlation-0001");
        using var response = await hall.Http.SendAsync(request);
        Assert.Equal("e2e-correlation-0001", response.Headers.GetValues("X-Correlation-Id").Single());
        using var anonymous = await hall.Http.GetAsync("/api/catalog/items?pageSize=1");
        Assert.Matches("^[0-9a-f]{32}$", anonymous.Headers.GetValues("X-Correlation-Id").Single());
    }
}
