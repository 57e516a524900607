using System.Net;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

public sealed class ApplyTests
{
    static readonly string ApplyPage = "/items/" + SampleHall.IdCardItem + "/apply";

    static async Task<(string Page, HttpResponseMessage Response)> ApplyAsync(HttpClient browser, Dictionary<string, string> fields)
    {
        var (_, page) = await browser.GetPageAsync(ApplyPage);
        fields["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(page);
        fields.TryAdd("IdempotencyKey", KeyOf(page));
        return (page, await browser.PostAsync(ApplyPage, new FormUrlEncodedContent(fields), Ct));
    }

    static string KeyOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"IdempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;

    static Dictionary<string, string> Filled() => new()
    {
        ["ApplicantName"] = " 张三 ", ["ApplicantIdNumber"] = "11010519491231002X", ["ApplicantPhone"] = "13812345678",
        ["Delivery"] = "Post", ["Note"] = "请邮寄到单位",
    };

    [Fact]
    public async Task The_item_page_offers_applying_online_and_the_form_has_a_key_and_the_signed_in_name()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();
        var browser = host.Browser(TestUser.Zhangsan);

        var (_, item) = await browser.GetPageAsync("/items/" + SampleHall.IdCardItem);
        var (status, form) = await browser.GetPageAsync(ApplyPage);

        Assert.Contains($"<a class=\"apply\" href=\"{ApplyPage}\">在线办理</a>", item);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("^[0-9a-f]{32}$", KeyOf(form));
        Assert.Contains("name=\"ApplicantName\" value=\"张三\"", form);
        Assert.Contains("<option value=\"Window\" selected=\"selected\">窗口领取</option>", form);
        Assert.Contains("<option value=\"Electronic\">电子送达</option>", form);
    }

    [Fact]
    public async Task An_application_goes_with_the_key_and_the_citizens_token_and_leads_to_the_case()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog().On<SubmitApplicationRequest, Application>("SubmitApplication", _ => SampleCases.Case(ApplicationStatus.Submitted));

        var (page, response) = await ApplyAsync(host.Browser(TestUser.Zhangsan), Filled());

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/my/applications/" + SampleCases.Number, response.Headers.Location?.OriginalString);
        var call = Assert.Single(host.Hall.CallsTo("SubmitApplication"));
        var request = (SubmitApplicationRequest)call.Request;
        Assert.Equal((SampleHall.IdCardItem, "张三", "11010519491231002X", "13812345678", DeliveryChannel.Post, "请邮寄到单位", KeyOf(page)),
            (request.ItemId, request.ApplicantName, request.ApplicantIdNumber, request.ApplicantPhone, request.Delivery, request.Note, request.IdempotencyKey));
        Assert.Equal("Bearer " + TestSignIn.AccessTokenOf(TestUser.Zhangsan.Subject), call.Authorization);
    }

    [Fact]
    public async Task A_double_submit_sends_the_same_key_twice_so_the_service_makes_one_case()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog().On<SubmitApplicationRequest, Application>("SubmitApplication", _ => SampleCases.Case(ApplicationStatus.Submitted));
        var browser = host.Browser(TestUser.Zhangsan);
        var (page, first) = await ApplyAsync(browser, Filled());

        var again = Filled();
        again["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(page);
        again["IdempotencyKey"] = KeyOf(page);
        using var second = await browser.PostAsync(ApplyPage, new FormUrlEncodedContent(again), Ct);

        Assert.Equal((HttpStatusCode.SeeOther, HttpStatusCode.SeeOther), (first.StatusCode, second.StatusCode));
        Assert.Single(host.Hall.CallsTo("SubmitApplication").Select(c => ((SubmitApplicationRequest)c.Request).IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task A_refusal_is_shown_beside_the_field_it_names_and_nothing_typed_is_lost()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog().On<SubmitApplicationRequest, Application>("SubmitApplication", _ => throw SampleCases.Refusal(Grpc.Core.StatusCode.InvalidArgument,
            ("applicant_phone", "申请人手机号码：不是手机号码（以13至19开头的11位数字）")));
        var fields = Filled();
        fields["ApplicantPhone"] = "12345";

        var (page, response) = await ApplyAsync(host.Browser(TestUser.Zhangsan), fields);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"applicant-phone-error\">申请人手机号码：不是手机号码（以13至19开头的11位数字）</p>", html);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"applicant-phone-error applicant-phone-hint\"", html);
        Assert.Contains("请按下面各项的提示修改后再提交", html);
        Assert.Contains("value=\"12345\"", html);
        Assert.Contains("value=\"11010519491231002X\"", html);
        Assert.Contains("<option value=\"Post\" selected=\"selected\">邮寄送达</option>", html);
        Assert.Contains(">请邮寄到单位</textarea>", html);
        // The same key again: correcting and resubmitting is still the one intended application.
        Assert.Equal(KeyOf(page), KeyOf(html));
    }

    [Fact]
    public async Task A_refusal_without_a_field_says_the_services_words_at_the_top()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog().On<SubmitApplicationRequest, Application>("SubmitApplication", _ =>
            throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.FailedPrecondition, "该事项的服务对象不包括自然人")));

        var (_, response) = await ApplyAsync(host.Browser(TestUser.Zhangsan), Filled());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("<p class=\"error\" role=\"alert\">该事项的服务对象不包括自然人</p>", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task An_item_not_applicable_online_gets_no_form_and_no_link()
    {
        await using var host = new PortalHost();
        host.Hall.On<GetItemRequest, ServiceItem>("GetItem", _ =>
        {
            var item = SampleHall.IdCard();
            item.Guide.OnlineDepth = OnlineDepth.PreReview;
            return item;
        });

        var (status, html) = await host.Browser(TestUser.Zhangsan).GetPageAsync(ApplyPage);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<form id=\"apply\"", html);
        Assert.Contains("本事项暂不能在线办理", html);
    }

    [Fact]
    public async Task Applying_needs_a_signed_in_citizen()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();

        var (status, _) = await host.Browser().GetPageAsync(ApplyPage);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
