using System.Text.Json.Nodes;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>The seeded county catalog through the gateway: navigation, full guides and history, consultation to public Q&amp;A in search.</summary>
public sealed class CatalogJourneyTests(HallFixture hall)
{
    const string Police = DemoCounty.PublicSecurity;

    [Fact]
    public async Task People_browse_by_theme_and_department_and_read_a_full_guide_with_its_history()
    {
        var (navStatus, navigation) = await hall.Http.SendAsync(HttpMethod.Get, "/api/catalog/navigation");
        Assert.Equal(200, navStatus);
        Assert.Contains(navigation!["personThemes"]!.AsArray(), e => (string?)e!["value"] == "户籍办理" && (int)e["count"]! > 0);
        Assert.NotEmpty(navigation["towns"]!.AsArray());

        var byTheme = await ListAsync("/api/catalog/items?personTheme=" + Uri.EscapeDataString("户籍办理"));
        Assert.NotEmpty(byTheme);
        var byDepartment = await ListAsync($"/api/catalog/items?departmentCode={Police}&pageSize=100");
        Assert.True(byDepartment.Count >= 10, $"{byDepartment.Count} police items");
        Assert.All(byDepartment, i => Assert.Equal("镇康县公安局", (string?)i["departmentName"]));
        Assert.NotEmpty(await ListAsync("/api/catalog/items?onlineDepth=ONLINE_DEPTH_FULLY_ONLINE"));

        var id = (string)byTheme[0]["id"]!;
        var (status, item) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/catalog/items/{id}");
        Assert.Equal(200, status);
        var guide = item!["guide"]!;
        foreach (var heading in new[] { "legalBasis", "conditions", "statutoryLimit", "promisedLimit", "place", "contacts", "materials", "steps" })
        {
            Assert.NotNull(guide[heading]);
        }
        Assert.Equal(1, (int)item["guideVersion"]!);

        var (historyStatus, history) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/catalog/items/{id}/history");
        Assert.Equal(200, historyStatus);
        var entry = Assert.Single(history!["entries"]!.AsArray());
        Assert.Equal(("ITEM_HISTORY_ACTION_PUBLISHED", "首次发布"), ((string?)entry!["action"], (string?)entry["reason"]));

        using var print = await hall.Http.GetAsync($"/api/catalog/items/{id}/print", TestContext.Current.CancellationToken);
        Assert.Equal("text/html", print.Content.Headers.ContentType?.MediaType);
        Assert.Contains((string)guide["name"]!, await print.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var (anonymousReport, _) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/catalog/guide-report?departmentCode={Police}");
        Assert.Equal(401, anonymousReport);
        var (reportStatus, report) = await (await hall.HttpAs(DemoCounty.Gongan)).SendAsync(HttpMethod.Get, $"/api/catalog/guide-report?departmentCode={Police}");
        Assert.Equal(200, reportStatus);
        Assert.True((int)report!["itemsChecked"]! >= 10);
        Assert.Equal(0, (int)report["problems"]!);
    }

    [Fact]
    public async Task Every_form_and_sample_a_police_guide_links_to_opens_without_signing_in_as_what_it_says()
    {
        var links = new List<string>();
        foreach (var summary in await ListAsync($"/api/catalog/items?departmentCode={Police}&pageSize=100"))
        {
            var (_, item) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/catalog/items/{(string)summary["id"]!}");
            var guide = item!["guide"]!;
            links.AddRange(guide["materials"]!.AsArray().SelectMany(m => new[] { (string?)m!["blankForm"], (string?)m["sample"] })
                .Append((string?)guide["resultSample"]).OfType<string>().Where(l => l.StartsWith('/')));
        }
        // Links to other sites (the test guides of other journeys link one) are the department's to keep.
        Assert.True(links.Count >= 5, $"only {links.Count} links on the police guides");
        foreach (var link in links.Distinct())
        {
            using var file = await hall.Http.GetAsync(link, TestContext.Current.CancellationToken);
            Assert.True(file.IsSuccessStatusCode, $"{link}: {(int)file.StatusCode}");
            Assert.Contains(file.Content.Headers.ContentType?.MediaType, new[] { "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
            Assert.False(string.IsNullOrEmpty(file.Content.Headers.ContentDisposition?.FileNameStar), link);
        }
    }

    [Fact]
    public async Task A_question_is_asked_answered_published_and_found_in_search()
    {
        var items = await ListAsync($"/api/catalog/items?departmentCode={Police}");
        var id = (string)items[0]["id"]!;
        var question = "请问外地户籍在本县居住满半年可以申领居住证吗" + Guid.NewGuid().ToString("N")[..6];

        var asker = await hall.HttpAs(DemoCounty.Zhangsan);
        var officer = await hall.HttpAs(DemoCounty.Gongan);
        var (asked, consultation) = await asker.SendAsync(HttpMethod.Post, $"/api/catalog/items/{id}/consultations", new { question });
        Assert.Equal(200, asked);
        Assert.Equal("CONSULTATION_STATUS_OPEN", (string?)consultation!["status"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string?)consultation["replyDeadline"]);
        var consultationId = (string)consultation["id"]!;

        var (mine, myList) = await asker.SendAsync(HttpMethod.Get, "/api/catalog/my/consultations");
        Assert.Equal(200, mine);
        Assert.Equal((string?)consultation["replyDeadline"], (string?)myList!["consultations"]!.AsArray().Single(c => (string?)c!["id"] == consultationId)!["replyDeadline"]);

        var (open, openList) = await officer.SendAsync(HttpMethod.Get, $"/api/catalog/consultations?departmentCode={Police}");
        Assert.Equal(200, open);
        Assert.Contains(openList!["consultations"]!.AsArray(), c => (string?)c!["id"] == consultationId);

        var (answered, _) = await officer.SendAsync(HttpMethod.Post, $"/api/catalog/consultations/{consultationId}:answer",
            new { answer = "可以。在本县居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的，可以申领居住证。", answeredBy = "县公安局户政科" });
        Assert.Equal(200, answered);
        var (published, publishedBody) = await officer.SendAsync(HttpMethod.Post, $"/api/catalog/consultations/{consultationId}:publish", new { });
        Assert.Equal(200, published);
        Assert.Equal("CONSULTATION_STATUS_PUBLISHED", (string?)publishedBody!["status"]);

        var (qaStatus, qa) = await hall.Http.SendAsync(HttpMethod.Get, $"/api/catalog/items/{id}/questions");
        Assert.Equal(200, qaStatus);
        Assert.Contains(qa!["questions"]!.AsArray(), q => (string?)q!["question"] == question);

        var hit = await hall.Http.SearchUntilFoundAsync(question, consultationId, HallJourneyTests.SearchWait);
        Assert.NotNull(hit);
        Assert.Equal("DOCUMENT_TYPE_QA", (string?)hit["type"]);
    }

    async Task<List<JsonNode>> ListAsync(string path)
    {
        var (status, body) = await hall.Http.SendAsync(HttpMethod.Get, path);
        Assert.Equal(200, status);
        return [.. (body!["items"]?.AsArray() ?? []).Select(i => i!)];
    }
}
