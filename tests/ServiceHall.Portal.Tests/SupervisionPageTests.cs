using System.Net;
using Google.Protobuf.WellKnownTypes;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using static ServiceHall.Portal.Tests.Pages;

namespace ServiceHall.Portal.Tests;

/// <summary>电子监察 in the portal: warnings in words on the workbench, the supervisor's board and case page with the 督办 form, and the officer's answer.</summary>
public sealed class SupervisionPageTests
{
    static readonly string WorkPage = "/work/cases/" + SampleCases.Number;
    static readonly string SupervisePage = "/supervise/cases/" + SampleCases.Number;

    static SupervisionNote Note(bool answered = false) => new()
    {
        NoteId = new string('a', 32), TrackingNumber = SampleCases.Number, Text = "该件已超期，请说明原因", WrittenBy = "电子监察",
        WrittenAt = Timestamp.FromDateTime(new DateTime(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc)),
        Answered = answered, Answer = answered ? "已加快办理" : "", AnsweredBy = answered ? "公安窗口" : "",
        AnsweredAt = answered ? Timestamp.FromDateTime(new DateTime(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc)) : null,
    };

    static Application Warned(WarningLevel level)
    {
        var application = SampleCases.Case(ApplicationStatus.UnderReview);
        application.WarningLevel = level;
        return application;
    }

    [Fact]
    public async Task The_queue_and_the_case_say_the_warning_in_words()
    {
        await using var host = new PortalHost();
        host.Hall.On<ListDepartmentCasesRequest, ListApplicationsResponse>("ListDepartmentCases", _ => new() { Applications = { Warned(WarningLevel.Red) } })
            .WithCase(Warned(WarningLevel.Yellow))
            .On<ListSupervisionNotesRequest, ListSupervisionNotesResponse>("ListSupervisionNotes", _ => new());
        var browser = host.Browser(TestUser.Officer);

        var (_, queue) = await browser.GetPageAsync("/work/cases");
        var (_, page) = await browser.GetPageAsync(WorkPage);

        Assert.Contains("<span class=\"warning warning-red\">电子监察：红牌（已超承诺时限）</span>", queue);
        Assert.Contains("电子监察：黄牌预警", Section(page, "clock"));
    }

    [Fact]
    public async Task The_board_counts_by_department_and_lists_the_filtered_cases_for_the_supervisor()
    {
        await using var host = new PortalHost();
        host.Hall.On<GetSupervisionBoardRequest, SupervisionBoard>("GetSupervisionBoard", _ => new()
            {
                Departments = { new DepartmentSupervision { DepartmentCode = "11530000MB0000001X", Department = "县公安局", OpenCases = 12, Yellow = 3, Red = 2, Extended = 1, OpenNotes = 1, OverdueFollowUps = 4 } },
            })
            .On<ListSupervisedCasesRequest, ListSupervisedCasesResponse>("ListSupervisedCases", _ => new() { Applications = { Warned(WarningLevel.Red) } })
            .On<GetConsultationBoardRequest, ConsultationBoard>("GetConsultationBoard", _ => new()
            {
                Departments = { new DepartmentConsultations { DepartmentCode = "11530000MB0000001X", Department = "县公安局", Open = 5, OverdueOpen = 2, AnsweredLate = 7 } },
            })
            .On<ListOpenConsultationsRequest, ListConsultationsResponse>("ListOpenConsultations", _ => new()
            {
                Consultations = { new Consultation { Id = "q1", ItemName = "居民身份证换领", DepartmentCode = "11530000MB0000001X", Question = "身份证过期了怎么办？", ReplyDeadline = "2026-12-01" } },
            });

        var (status, html) = await host.Browser(TestUser.Supervisor).GetPageAsync("/supervise?department=11530000MB0000001X&level=Red");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<caption>", html);
        Assert.Contains("县公安局", Section(html, "board"));
        Assert.Contains("aria-label=\"县公安局整改回访超期：4件\">4</a>", Section(html, "board"));
        var consultations = Section(html, "consultations");
        Assert.Contains("<tr><th scope=\"row\">县公安局</th><td>5</td><td class=\"red-card\">2</td><td class=\"red-card\">7</td></tr>", consultations);
        Assert.Contains("身份证过期了怎么办？", consultations);
        Assert.Contains("<time datetime=\"2026-12-01\">2026年12月1日（星期二）</time>", consultations);
        Assert.True(((ListOpenConsultationsRequest)Assert.Single(host.Hall.CallsTo("ListOpenConsultations")).Request).OverdueOnly);
        Assert.Contains($"<a href=\"{SupervisePage}\">{SampleCases.Number}</a>", Section(html, "cases"));
        var request = (ListSupervisedCasesRequest)Assert.Single(host.Hall.CallsTo("ListSupervisedCases")).Request;
        Assert.Equal(("11530000MB0000001X", WarningLevel.Red, false), (request.DepartmentCode, request.Level, request.ExtendedOnly));
        Assert.Contains("<option value=\"Red\" selected=\"selected\">", html);
    }

    [Fact]
    public async Task The_supervisor_adds_a_note_and_a_refused_one_comes_back_with_the_problem_and_the_text()
    {
        await using var host = new PortalHost();
        var refuse = false;
        host.Hall.On<GetCaseSupervisionRequest, CaseSupervision>("GetCaseSupervision", _ => new() { Application = Warned(WarningLevel.Red), Notes = { Note() } })
            .On<GetCaseTrailRequest, CaseTrail>("GetCaseTrail", _ => new CaseTrail())
            .On<AddSupervisionNoteRequest, SupervisionNote>("AddSupervisionNote", _ => refuse
                ? throw SampleCases.Refusal(Grpc.Core.StatusCode.InvalidArgument, ("text", "督办意见：不能超过2000个字"))
                : Note());
        var browser = host.Browser(TestUser.Supervisor);
        var (status, page) = await browser.GetPageAsync(SupervisePage);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("待承办部门答复", Section(page, "notes"));

        using var added = await browser.PostAsync(SupervisePage + "?handler=note", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(page), ["Text"] = "  请于三日内说明超期原因  ",
        }), Ct);
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        Assert.Equal(SupervisePage + "#notes", added.Headers.Location?.OriginalString);
        Assert.Equal("请于三日内说明超期原因", ((AddSupervisionNoteRequest)Assert.Single(host.Hall.CallsTo("AddSupervisionNote")).Request).Text);

        refuse = true;
        using var refused = await browser.PostAsync(SupervisePage + "?handler=note", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(page), ["Text"] = "太长的督办意见",
        }), Ct);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不能超过2000个字", html);
        Assert.Contains("太长的督办意见</textarea>", html);
    }

    [Fact]
    public async Task The_officer_sees_an_open_note_and_answers_it_on_the_case_page()
    {
        await using var host = new PortalHost();
        host.Hall.WithCase(Warned(WarningLevel.Red))
            .On<ListSupervisionNotesRequest, ListSupervisionNotesResponse>("ListSupervisionNotes", _ => new() { Notes = { Note() } })
            .On<AnswerSupervisionNoteRequest, SupervisionNote>("AnswerSupervisionNote", _ => Note(answered: true));
        var browser = host.Browser(TestUser.Officer);
        var (_, page) = await browser.GetPageAsync(WorkPage);
        var (_, supervisor) = await host.Browser(TestUser.Supervisor).GetPageAsync(WorkPage);

        Assert.Contains("该件已超期，请说明原因", Section(page, "notes"));
        Assert.Contains("handler=answernote", page);
        Assert.DoesNotContain("handler=answernote", supervisor);
        using var answered = await browser.PostAsync(WorkPage + "?handler=answernote", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(page), ["NoteId"] = new string('a', 32), ["Answer"] = "已加快办理",
        }), Ct);
        Assert.Equal(HttpStatusCode.SeeOther, answered.StatusCode);
        var request = (AnswerSupervisionNoteRequest)Assert.Single(host.Hall.CallsTo("AnswerSupervisionNote")).Request;
        Assert.Equal((new string('a', 32), "已加快办理"), (request.NoteId, request.Answer));
    }
}
