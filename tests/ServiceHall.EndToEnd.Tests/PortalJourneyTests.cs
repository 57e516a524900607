using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ServiceHall.Applications.V1;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// A citizen at the portal, in a real browser, through the gateway: search 身份证, open the item, read its materials,
/// sign in at the identity service, ask a question, and find it under their questions with its reply deadline. On a
/// desktop and a 360-pixel phone, with and without JavaScript.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PortalJourneyTests(HallFixture hall, PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    public static TheoryData<string, bool> Devices => new() { { "desktop", true }, { "desktop", false }, { "phone", true }, { "phone", false } };

    static ViewportSize Viewport(string device) => device == "phone" ? PortalBrowser.Phone : PortalBrowser.Desktop;

    /// <summary>
    /// Server-rendered pages are whole once their HTML is parsed; waiting for the load event as well only adds the
    /// stylesheet and script, which a busy CI machine (every test project at once on 2 cores) can hold up.
    /// </summary>
    static readonly PageWaitForURLOptions Rendered = new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 };

    string Portal(string path) => new Uri(hall.Hall.GatewayHttp, path).ToString();

    [Theory]
    [MemberData(nameof(Devices))]
    public async Task A_citizen_finds_the_ID_card_item_reads_its_materials_signs_in_asks_and_sees_the_reply_deadline(string device, bool javaScript)
    {
        await using var context = await browser.NewContextAsync(Viewport(device), javaScript);
        var page = await context.NewPageAsync();
        await hall.Http.SearchIndexReadyAsync(HallJourneyTests.SearchWait);

        await page.GotoAsync(Portal("/"));
        await page.FillAsync("#q", "身份证");
        await page.ClickAsync("form[role=search] button[type=submit]");
        await page.WaitForURLAsync(new Regex("/search\\?"), Rendered);
        var hit = await FirstIdCardHitAsync(page);
        await hit.ClickAsync();

        await page.WaitForURLAsync(new Regex("/items/"), Rendered);
        Assert.Contains("身份证", await page.InnerTextAsync("h1"));
        var materials = await page.Locator("#materials li.material").AllInnerTextsAsync();
        Assert.NotEmpty(materials);
        Assert.All(materials, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        var itemUrl = page.Url;

        await page.Locator("a.signin", new PageLocatorOptions { HasTextString = "登录后咨询" }).ClickAsync();
        await SignInAsync(page, DemoCounty.Zhangsan);
        await page.WaitForURLAsync(itemUrl, Rendered);

        var question = $"请问身份证丢失后补领需要多久（{device}{(javaScript ? "" : "，无脚本")}{Guid.NewGuid().ToString("N")[..4]}）？";
        await page.FillAsync("#question", question);
        await page.ClickAsync("#ask button[type=submit]");
        await page.WaitForURLAsync(new Regex("/my/questions"), Rendered);

        var mine = page.Locator("li.question", new PageLocatorOptions { HasTextString = question });
        Assert.Equal(1, await mine.CountAsync());
        var deadline = mine.Locator("time.deadline");
        var datetime = await deadline.GetAttributeAsync("datetime");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", datetime);
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日", (await deadline.InnerTextAsync()).Trim());

        // The same deadline the catalog gave the question (the API, as the same person).
        var (status, list) = await (await hall.HttpAs(DemoCounty.Zhangsan)).SendAsync(HttpMethod.Get, "/api/catalog/my/consultations?pageSize=100");
        Assert.Equal(200, status);
        var asked = list!["consultations"]!.AsArray().Single(c => (string?)c!["question"] == question);
        Assert.Equal((string?)asked!["replyDeadline"], datetime);

        if (device == "phone")
        {
            // Nothing wider than the phone: no sideways scrolling.
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= PortalBrowser.Phone.Width, $"page is {scrollWidth}px wide at {PortalBrowser.Phone.Width}px");
        }
    }

    [Fact]
    public async Task Every_page_kind_passes_axe_without_serious_or_critical_violations_and_is_screenshot_at_phone_and_desktop_and_in_elder_mode()
    {
        var itemPath = await IdCardItemPathAsync();
        var (applyPath, waiting, working) = await CasesToShowAsync();
        var pages = new (string Kind, string Url, string? Account)[]
        {
            ("home", Portal("/"), null),
            ("search", Portal("/search?q=" + Uri.EscapeDataString("身份证")), null),
            ("item", Portal(itemPath), null),
            ("print", Portal(itemPath + "/print"), null),
            ("browse", Portal("/browse"), null),
            ("browse-items", Portal("/browse/items?personTheme=" + Uri.EscapeDataString("户籍办理")), null),
            ("figures", Portal("/figures"), null),
            ("credit-lookup", Portal("/credit?q=zkx"), null),
            ("credit-entity", Portal("/credit/" + DemoCounty.Business), null),
            ("credit-list", Portal("/credit/lists/abnormal"), null),
            ("sign-in", Portal("/signin?returnUrl=%2F"), null),
            ("item-signed-in", Portal(itemPath), DemoCounty.Lisi),
            ("my-questions", Portal("/my/questions"), DemoCounty.Lisi),
            ("apply", Portal(applyPath), DemoCounty.Lisi),
            ("my-applications", Portal("/my/applications"), DemoCounty.Lisi),
            ("my-case-correction", Portal("/my/applications/" + waiting), DemoCounty.Lisi),
            ("my-messages", Portal("/my/messages"), DemoCounty.Lisi),
            ("my-data-access", Portal("/my/data-access"), DemoCounty.Lisi),
            ("workbench", Portal("/work/cases"), DemoCounty.Ziranziyuan),
            ("work-case-forms", Portal("/work/cases/" + working), DemoCounty.Ziranziyuan),
        };
        var problems = new List<string>();
        foreach (var (device, viewport, elder) in new[] { ("phone", PortalBrowser.Phone, false), ("desktop", PortalBrowser.Desktop, false), ("desktop-elder", PortalBrowser.Desktop, true) })
        {
            await using var context = await browser.NewContextAsync(viewport);
            if (elder)
            {
                // 长辈模式 as its toggle leaves it: the same pages must pass in their larger, higher-contrast form.
                await context.AddCookiesAsync([new Cookie { Name = "elder", Value = "1", Url = hall.Hall.GatewayHttp.ToString() }]);
            }
            var page = await context.NewPageAsync();
            string? signedInAs = null;
            foreach (var (kind, url, account) in pages)
            {
                if (account is not null && account != signedInAs)
                {
                    if (signedInAs is not null)
                    {
                        // Another person: a fresh set of cookies (the portal's and the identity service's sessions), elder mode kept.
                        await context.ClearCookiesAsync();
                        if (elder)
                        {
                            await context.AddCookiesAsync([new Cookie { Name = "elder", Value = "1", Url = hall.Hall.GatewayHttp.ToString() }]);
                        }
                    }
                    await page.GotoAsync(Portal("/signin?returnUrl=%2F"));
                    await SignInAsync(page, account);
                    await page.WaitForURLAsync(new Regex("^" + Regex.Escape(hall.Hall.GatewayHttp.ToString())));
                    signedInAs = account;
                }
                var response = await page.GotoAsync(url);
                Assert.True(response is { Ok: true }, $"{kind} at {url}: {response?.Status}");
                var result = await page.RunAxe();
                problems.AddRange(result.Violations
                    .Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{kind} ({device}): {v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}"));
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalBrowser.ScreenshotFolder(), $"{kind}-{device}.png"), FullPage = true });
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Elder_mode_is_one_control_and_is_remembered_without_JavaScript()
    {
        await using var context = await browser.NewContextAsync(PortalBrowser.Desktop, javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Portal("/browse"));
        var standardSize = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.body).fontSize)");
        Assert.DoesNotContain("elder", await page.GetAttributeAsync("body", "class") ?? "");

        await page.ClickAsync("button.elder-toggle");
        await page.WaitForURLAsync(new Regex("/browse"));
        Assert.Contains("elder", await page.GetAttributeAsync("body", "class") ?? "");
        Assert.Equal("true", await page.GetAttributeAsync("button.elder-toggle", "aria-pressed"));

        // Remembered: another page, later, is still in elder mode and larger.
        await page.GotoAsync(Portal("/"));
        Assert.Contains("elder", await page.GetAttributeAsync("body", "class") ?? "");
        var elderSize = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.body).fontSize)");
        Assert.True(elderSize >= 20 && elderSize > standardSize, $"elder {elderSize}px, standard {standardSize}px");

        await page.ClickAsync("button.elder-toggle");
        Assert.DoesNotContain("elder", await page.GetAttributeAsync("body", "class") ?? "");
    }

    [Fact]
    public async Task A_page_with_its_stylesheet_and_script_stays_under_100_KB()
    {
        var itemPath = await IdCardItemPathAsync();
        foreach (var path in new[] { "/", "/search?q=" + Uri.EscapeDataString("身份证"), itemPath, "/browse", itemPath + "/print" })
        {
            using var response = await hall.Http.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            var bytes = (long)System.Text.Encoding.UTF8.GetByteCount(html);
            var assets = AssetReference().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
            Assert.Contains(assets, a => a.Contains(".css", StringComparison.Ordinal));
            foreach (var asset in assets)
            {
                using var assetResponse = await hall.Http.GetAsync(asset);
                Assert.True(assetResponse.IsSuccessStatusCode, $"{asset} (from {path}): {(int)assetResponse.StatusCode}");
                bytes += (await assetResponse.Content.ReadAsByteArrayAsync()).Length;
            }
            Assert.True(bytes < 100 * 1024, $"{path} with {assets.Count} assets is {bytes} bytes");
        }
    }

    [GeneratedRegex("(?:<link[^>]+rel=\"stylesheet\"[^>]+href|<script[^>]+src)=\"([^\"]+)\"")]
    private static partial Regex AssetReference();

    /// <summary>
    /// What the case pages need to show all their parts: lisi's item to apply for, lisi's case waiting for 补正 (the
    /// answer form, the paused clock, messages), and an accepted case (the officer's step forms).
    /// </summary>
    async Task<(string ApplyPath, string Waiting, string Working)> CasesToShowAsync()
    {
        var itemId = await NoMaterialItemAsync("依申请公开政府信息（无障碍检查）");
        var applicant = new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Lisi));
        var officer = new ApplicationsService.ApplicationsServiceClient(await hall.GrpcAs(DemoCounty.Ziranziyuan));
        var numbers = new List<string>();
        foreach (var _ in new[] { "waiting", "working" })
        {
            var application = await applicant.SubmitApplicationAsync(new SubmitApplicationRequest
            {
                ItemId = itemId, ApplicantName = "李四", IdempotencyKey = Guid.NewGuid().ToString(),
                ApplicantIdNumber = TestCodes.DemoResidentId, ApplicantPhone = TestCodes.DemoMobile,
            });
            await officer.AcceptApplicationAsync(new AcceptApplicationRequest { TrackingNumber = application.TrackingNumber, Opinion = "予以受理" });
            // A look at the applicant's numbers, so 谁查看了我的信息 has a row to show.
            await officer.RevealApplicantAsync(new RevealApplicantRequest { TrackingNumber = application.TrackingNumber, Reason = "电话联系申请人" });
            numbers.Add(application.TrackingNumber);
        }
        await officer.RequestCorrectionAsync(new RequestCorrectionRequest
        {
            TrackingNumber = numbers[0], Items = { new CorrectionItem { Material = "申请内容描述", Problem = "请写明所需信息的年份" } },
        });
        return ($"/items/{itemId}/apply", numbers[0], numbers[1]);
    }

    /// <summary>The first ID-card hit on the search page, which the test reaches once the index says it is complete.</summary>
    static async Task<ILocator> FirstIdCardHitAsync(IPage page)
    {
        var hit = page.Locator("ol.hits li.hit a.hit-title", new PageLocatorOptions { HasTextString = "身份证" }).First;
        Assert.True(await hit.CountAsync() > 0, "no ID-card hit on the portal's search page:\n" + await page.InnerTextAsync("main"));
        return hit;
    }

    async Task<string> IdCardItemPathAsync()
    {
        var (status, items) = await hall.Http.SendAsync(HttpMethod.Get, "/api/catalog/items?personTheme=" + Uri.EscapeDataString("户籍办理") + "&pageSize=50");
        Assert.Equal(200, status);
        var id = (string?)items!["items"]!.AsArray().First(i => ((string?)i!["name"])!.Contains("身份证", StringComparison.Ordinal))!["id"];
        return $"/items/{id}";
    }

    /// <summary>On the identity service's Chinese sign-in page: the demo account's name and password.</summary>
    static async Task SignInAsync(IPage page, string account)
    {
        await page.WaitForSelectorAsync("input[name=username]");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await page.FillAsync("input[name=username]", account);
        await page.FillAsync("input[name=password]", HallSignIn.DemoPassword);
        await page.ClickAsync("button[type=submit]");
    }

    static async Task<bool> IsSignedInAsync(IPage page) =>
        page.Url.StartsWith("http", StringComparison.Ordinal) && await page.Locator("form[action='/signout']").CountAsync() > 0;
}
