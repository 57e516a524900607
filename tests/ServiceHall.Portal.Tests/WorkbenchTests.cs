using System.Net;
using ServiceHall.Applications.V1;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

/// <summary>The officers' workbench: the queue, and a case's forms for the steps its state allows.</summary>
public sealed class WorkbenchTests
{
    static readonly string CasePage = "/work/cases/" + SampleCases.Number;

    static List<string> Forms(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<form id=\"form-([a-z]+)\"").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task The_queue_lists_the_departments_cases_in_the_services_order_and_filters_by_state_and_item()
    {
        await using var host = new PortalHost();
        var second = SampleCases.Case(ApplicationStatus.Submitted);
        second.TrackingNumber = "SH20261207AAAAAAAA";
        second.ItemId = "other-item";
        second.ItemName = "户口迁移";
        host.Hall.On<ListDepartmentCasesRequest, ListApplicationsResponse>("ListDepartmentCases", _ => new() { Applications = { SampleCases.Case(), second } });
        var browser = host.Browser(TestUser.Officer);

        var (status, html) = await browser.GetPageAsync("/work/cases");
        var (_, filtered) = await browser.GetPageAsync("/work/cases?status=Submitted&item=other-item");

        Assert.Equal(HttpStatusCode.OK, status);
        var cases = Elements(html, "li", "case");
        Assert.Equal(2, cases.Count);
        Assert.Contains($"<a href=\"{CasePage}\">{SampleCases.Number}</a>", cases[0]);
        Assert.Contains("<span class=\"days-left\">16</span>", cases[0]);
        Assert.Contains("<option value=\"other-item\">户口迁移</option>", html);
        var request = (ListDepartmentCasesRequest)host.Hall.CallsTo("ListDepartmentCases").Last().Request;
        Assert.Equal((ApplicationStatus.Submitted, "other-item"), (Assert.Single(request.Statuses), request.ItemId));
        Assert.Contains("<option value=\"Submitted\" selected=\"selected\">", filtered);
    }

    [Fact]
    public async Task The_departments_unanswered_supervision_notes_stand_above_the_queue_and_lead_to_the_case()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListDepartmentCasesRequest, ListApplicationsResponse>("ListDepartmentCases", _ => new() { Applications = { SampleCases.Case() } })
            .On<ListOpenSupervisionNotesRequest, ListSupervisionNotesResponse>("ListOpenSupervisionNotes", _ => new()
            {
                Notes = { new SupervisionNote { NoteId = "n1", TrackingNumber = SampleCases.Number, Text = "该件即将超期，请说明进度", WrittenBy = "电子监察" } },
            });

        var (status, html) = await host.Browser(TestUser.Officer).GetPageAsync("/work/cases");

        Assert.Equal(HttpStatusCode.OK, status);
        var owed = Section(html, "owed-notes");
        Assert.Contains("待答复的督办意见（1件）", owed);
        Assert.Contains($"<a href=\"{CasePage}#notes\">{SampleCases.Number}</a>", owed);
        Assert.Contains("该件即将超期，请说明进度", owed);
        Assert.True(html.IndexOf("id=\"owed-notes\"", StringComparison.Ordinal) < html.IndexOf("class=\"case\"", StringComparison.Ordinal), "the notes come before the queue");
    }

    [Fact]
    public async Task A_submitted_case_offers_accept_refuse_and_correction_and_shows_internal_notes()
    {
        await using var host = new PortalHost();
        host.Hall.WithCase(SampleCases.Case(ApplicationStatus.Submitted), withNotes: true);

        var (status, html) = await host.Browser(TestUser.Officer).GetPageAsync(CasePage);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["accept", "refuse", "correction"], Forms(html));
        Assert.Contains("申请人来过电话", Section(html, "trail"));
    }

    [Fact]
    public async Task An_accepted_case_offers_review_correction_special_procedure_and_decision_and_extension_only_to_the_head()
    {
        await using var host = new PortalHost();
        host.Hall.WithCase(SampleCases.Case(ApplicationStatus.Accepted));

        var (_, officer) = await host.Browser(TestUser.Officer).GetPageAsync(CasePage);
        var (_, head) = await host.Browser(TestUser.DepartmentHead).GetPageAsync(CasePage);
        var (_, supervisor) = await host.Browser(TestUser.Supervisor).GetPageAsync(CasePage);

        Assert.Equal(["review", "correction", "specialstart", "decide"], Forms(officer));
        Assert.Equal(["review", "correction", "specialstart", "extend", "decide"], Forms(head));
        Assert.Empty(Forms(supervisor));
        Assert.Contains("<option value=\"审查决定\">审查决定</option>", officer);
    }

    [Fact]
    public async Task A_correction_list_of_several_rows_goes_as_several_items_and_blank_rows_are_left_out()
    {
        await using var host = new PortalHost();
        host.Hall.WithCase(SampleCases.Case(ApplicationStatus.Accepted))
            .On<RequestCorrectionRequest, Application>("RequestCorrection", _ => SampleCases.Case(ApplicationStatus.MaterialsRequested));
        var browser = host.Browser(TestUser.Officer);
        var (_, page) = await browser.GetPageAsync(CasePage);

        using var response = await browser.PostAsync(CasePage + "?handler=correction", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(page),
            ["Corrections[0].Material"] = "近期免冠照片", ["Corrections[0].Problem"] = "背景应为白色",
            ["Corrections[1].Material"] = "", ["Corrections[1].Problem"] = "",
            ["Corrections[2].Material"] = "户口簿", ["Corrections[2].Problem"] = "缺本人页",
            ["InternalNote"] = "电话已告知",
        }), Ct);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(CasePage, response.Headers.Location?.OriginalString);
        var request = (RequestCorrectionRequest)Assert.Single(host.Hall.CallsTo("RequestCorrection")).Request;
        Assert.Equal(["近期免冠照片：背景应为白色", "户口簿：缺本人页"], request.Items.Select(i => $"{i.Material}：{i.Problem}"));
        Assert.Equal("电话已告知", request.InternalNote);
    }

    [Fact]
    public async Task A_decision_the_service_refuses_comes_back_with_the_problems_beside_the_fields_and_the_text_kept()
    {
        await using var host = new PortalHost();
        host.Hall.WithCase(SampleCases.Case(ApplicationStatus.UnderReview))
            .On<DecideApplicationRequest, Application>("DecideApplication", _ => throw SampleCases.Refusal(Grpc.Core.StatusCode.InvalidArgument,
                ("document_number", "决定文书文号：必填")));
        var browser = host.Browser(TestUser.Officer);
        var (_, page) = await browser.GetPageAsync(CasePage);

        using var response = await browser.PostAsync(CasePage + "?handler=decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(page),
            ["Decision"] = "Approve", ["Opinion"] = "符合条件，准予办理", ["DocumentTitle"] = "居民身份证",
        }), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"document-number-error\">决定文书文号：必填</p>", html);
        Assert.Contains(">符合条件，准予办理</textarea>", html);
        Assert.Contains("value=\"居民身份证\"", html);
        Assert.Contains("value=\"Approve\" checked=\"checked\"", html);
        var request = (DecideApplicationRequest)Assert.Single(host.Hall.CallsTo("DecideApplication")).Request;
        Assert.Equal(Decision.Approve, request.Decision);
    }

    [Fact]
    public async Task Officers_find_the_workbench_in_the_header_and_applicants_their_applications_and_messages()
    {
        await using var host = new PortalHost();
        host.Hall.WithCatalog();

        var (_, officer) = await host.Browser(TestUser.Officer).GetPageAsync("/browse");
        var (_, supervisor) = await host.Browser(TestUser.Supervisor).GetPageAsync("/browse");
        var (_, applicant) = await host.Browser(TestUser.Zhangsan).GetPageAsync("/browse");

        Assert.Contains("<a href=\"/work/cases\">办件工作台</a>", officer);
        Assert.Contains("<a href=\"/work/cases\">办件工作台</a>", supervisor);
        Assert.DoesNotContain("/my/messages", officer);
        Assert.DoesNotContain("/work/cases", applicant);
        Assert.Contains("<a href=\"/my/applications\">我的办件</a>", applicant);
    }

    [Fact]
    public async Task A_step_taken_by_someone_else_meanwhile_shows_the_services_refusal_on_that_form()
    {
        await using var host = new PortalHost();
        host.Hall.WithCase(SampleCases.Case(ApplicationStatus.Submitted))
            .On<AcceptApplicationRequest, Application>("AcceptApplication", _ => throw new Grpc.Core.RpcException(new Grpc.Core.Status(
                Grpc.Core.StatusCode.Aborted, "该办件刚被他人办理，请刷新后再看")));
        var browser = host.Browser(TestUser.Officer);
        var (_, page) = await browser.GetPageAsync(CasePage);

        using var response = await browser.PostAsync(CasePage + "?handler=accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(page), ["Opinion"] = "予以受理",
        }), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var form = html[html.IndexOf("<form id=\"form-accept\"", StringComparison.Ordinal)..];
        Assert.StartsWith("<form id=\"form-accept\"", form);
        Assert.Contains("<p class=\"error\" role=\"alert\">该办件刚被他人办理，请刷新后再看</p>", form[..form.IndexOf("</form>", StringComparison.Ordinal)]);
        Assert.Contains(">予以受理</textarea>", html);
    }

    [Fact]
    public async Task A_supervisor_reads_the_queue_of_every_department_or_of_one_chosen()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListDepartmentCasesRequest, ListApplicationsResponse>("ListDepartmentCases", _ => new() { Applications = { SampleCases.Case() } })
            .On<Catalog.V1.ListDepartmentsRequest, Catalog.V1.ListDepartmentsResponse>("ListDepartments", _ => new()
            {
                Departments = { new Catalog.V1.Department { Code = SampleHall.PoliceCode, Name = "县公安局" } },
            });
        var browser = host.Browser(TestUser.Supervisor);

        var (status, html) = await browser.GetPageAsync("/work/cases");
        var (_, chosen) = await browser.GetPageAsync("/work/cases?department=" + SampleHall.PoliceCode);
        var (_, officer) = await host.Browser(TestUser.Officer).GetPageAsync("/work/cases?department=" + SampleHall.PoliceCode);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(Elements(html, "li", "case"));
        Assert.Contains($"<option value=\"{SampleHall.PoliceCode}\">县公安局</option>", html);
        Assert.Contains($"<option value=\"{SampleHall.PoliceCode}\" selected=\"selected\">县公安局</option>", chosen);
        Assert.DoesNotContain("id=\"department\"", officer);
        // All, then the one chosen; an officer's own department is the service's business, never the query's.
        Assert.Equal(["", SampleHall.PoliceCode, ""],
            host.Hall.CallsTo("ListDepartmentCases").Select(c => ((ListDepartmentCasesRequest)c.Request).DepartmentCode));
    }
}
