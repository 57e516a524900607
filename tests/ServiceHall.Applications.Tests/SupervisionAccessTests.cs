using System.Net;
using Grpc.Core;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;
using static ServiceHall.Applications.Tests.Callers;
using static ServiceHall.Applications.Tests.SupervisionHelpers;

namespace ServiceHall.Applications.Tests;

/// <summary>
/// SupervisionService: only the supervisor reads the board and cases and writes 督办 notes; the case's department
/// reads and answers them; the applicant, another applicant, another department's officer and anonymous are refused.
/// Everything the supervisor reads is masked.
/// </summary>
public sealed class SupervisionAccessTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    static FakeCatalog Catalog() => new FakeCatalog().With("food-licence", ItemStatus.Published);

    /// <summary>Every operation of the service once, as the given client, on a real case and a real note.</summary>
    static IEnumerable<(string Method, Func<Task> Call)> EveryMethod(V1.SupervisionService.SupervisionServiceClient client, string trackingNumber, string noteId) =>
    [
        ("GetSupervisionBoard", () => client.GetSupervisionBoardAsync(new GetSupervisionBoardRequest(), cancellationToken: Cancel).ResponseAsync),
        ("ListSupervisedCases", () => client.ListSupervisedCasesAsync(new ListSupervisedCasesRequest(), cancellationToken: Cancel).ResponseAsync),
        ("GetCaseSupervision", () => client.GetCaseSupervisionAsync(new GetCaseSupervisionRequest { TrackingNumber = trackingNumber }, cancellationToken: Cancel).ResponseAsync),
        ("AddSupervisionNote", () => client.AddSupervisionNoteAsync(new AddSupervisionNoteRequest { TrackingNumber = trackingNumber, Text = "请说明进度" }, cancellationToken: Cancel).ResponseAsync),
        ("ListSupervisionNotes", () => client.ListSupervisionNotesAsync(new ListSupervisionNotesRequest { TrackingNumber = trackingNumber }, cancellationToken: Cancel).ResponseAsync),
        ("ListOpenSupervisionNotes", () => client.ListOpenSupervisionNotesAsync(new ListOpenSupervisionNotesRequest(), cancellationToken: Cancel).ResponseAsync),
        ("AnswerSupervisionNote", () => client.AnswerSupervisionNoteAsync(new AnswerSupervisionNoteRequest { NoteId = noteId, Answer = "已加快办理" }, cancellationToken: Cancel).ResponseAsync),
    ];

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Each_operation_is_open_to_exactly_its_callers(string database)
    {
        await using var host = Host(database, Catalog());
        var number = await AcceptedCaseAsync(host, "key-1");
        var note = await host.Supervision(Jiancha).AddSupervisionNoteAsync(new AddSupervisionNoteRequest { TrackingNumber = number, Text = "该件即将超期，请加快办理" }, cancellationToken: Cancel);
        // Method → who gets through (anyone else signed in: PermissionDenied; anonymous: Unauthenticated).
        var allowed = new Dictionary<string, TestUser[]>
        {
            ["GetSupervisionBoard"] = [Jiancha],
            ["ListSupervisedCases"] = [Jiancha],
            ["GetCaseSupervision"] = [Jiancha],
            ["AddSupervisionNote"] = [Jiancha],
            ["ListSupervisionNotes"] = [Jiancha, Shichang],
            ["AnswerSupervisionNote"] = [Shichang],
            // Any officer, for their own department (another department's officer sees an empty list).
            ["ListOpenSupervisionNotes"] = [Gongan, Shichang, Jiancha],
        };
        TestUser[] callers = [ZhangSan, LiSi, Qiye, Gongan, Shichang, Jiancha, Xinyong, Admin];
        Assert.Equal(allowed.Keys.Order(), V1.SupervisionService.Descriptor.Methods.Select(m => m.Name).Order());

        foreach (var caller in callers)
        {
            foreach (var (method, call) in EveryMethod(host.Supervision(caller), number, note.NoteId))
            {
                if (allowed[method].Contains(caller))
                {
                    await call();
                }
                else
                {
                    var refused = await Assert.ThrowsAsync<RpcException>(call);
                    Assert.True(refused.StatusCode == StatusCode.PermissionDenied, $"{caller.Subject} calling {method}: {refused.StatusCode}");
                }
            }
        }
        foreach (var (method, call) in EveryMethod(host.AnonymousSupervision(), number, note.NoteId))
        {
            var refused = await Assert.ThrowsAsync<RpcException>(call);
            Assert.True(refused.StatusCode == StatusCode.Unauthenticated, $"anonymous calling {method}: {refused.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_supervisor_adds_a_note_the_department_answers_it_once_and_numbers_stay_masked(string database)
    {
        await using var host = Host(database, Catalog());
        var number = await AcceptedCaseAsync(host, "key-1");
        var jiancha = host.Supervision(Jiancha);

        var empty = await RefusedAsync(jiancha.AddSupervisionNoteAsync(new AddSupervisionNoteRequest { TrackingNumber = number, Text = "  " }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.Contains("督办意见", empty.Status.Detail);
        var unknown = await RefusedAsync(jiancha.AddSupervisionNoteAsync(new AddSupervisionNoteRequest { TrackingNumber = "SH20260302AAAAAAAA", Text = "请说明" }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        host.Clock.Advance(TimeSpan.FromHours(1));
        var note = await jiancha.AddSupervisionNoteAsync(new AddSupervisionNoteRequest { TrackingNumber = number, Text = $"申请人{ZhangSanPhone}来电反映进度慢，请说明" }, cancellationToken: Cancel);
        Assert.Equal((number, false, DemoCounty.Jiancha), (note.TrackingNumber, note.Answered, note.WrittenBy));
        Assert.DoesNotContain(ZhangSanPhone, note.Text);
        Assert.Contains(ZhangSanPhoneMasked, note.Text);

        var seen = await host.Supervision(Shichang).ListSupervisionNotesAsync(new ListSupervisionNotesRequest { TrackingNumber = number }, cancellationToken: Cancel);
        Assert.Equal(note.NoteId, Assert.Single(seen.Notes).NoteId);
        // What the department owes shows on its workbench; another department's officer neither sees it nor may ask.
        async Task<string[]> OwedAsync(TestUser who, string department = "") =>
            [.. (await host.Supervision(who).ListOpenSupervisionNotesAsync(new ListOpenSupervisionNotesRequest { DepartmentCode = department }, cancellationToken: Cancel)).Notes.Select(n => n.NoteId)];
        Assert.Equal([note.NoteId], await OwedAsync(Shichang));
        Assert.Equal([note.NoteId], await OwedAsync(Jiancha, FakeCatalog.MarketRegulation));
        Assert.Empty(await OwedAsync(Gongan));
        var notTheirs = await RefusedAsync(host.Supervision(Gongan).ListOpenSupervisionNotesAsync(
            new ListOpenSupervisionNotesRequest { DepartmentCode = FakeCatalog.MarketRegulation }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.PermissionDenied, notTheirs.StatusCode);
        var noAnswer = await RefusedAsync(host.Supervision(Shichang).AnswerSupervisionNoteAsync(new AnswerSupervisionNoteRequest { NoteId = note.NoteId }, cancellationToken: Cancel));
        Assert.Contains("督办答复", noAnswer.Status.Detail);
        var answered = await host.Supervision(Shichang).AnswerSupervisionNoteAsync(new AnswerSupervisionNoteRequest { NoteId = note.NoteId, Answer = "已安排专人，本周内作出决定" }, cancellationToken: Cancel);
        Assert.Equal((true, DemoCounty.Shichang), (answered.Answered, answered.AnsweredBy));
        Assert.Empty(await OwedAsync(Shichang));
        var again = await RefusedAsync(host.Supervision(Shichang).AnswerSupervisionNoteAsync(new AnswerSupervisionNoteRequest { NoteId = note.NoteId, Answer = "再答一次" }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        var missing = await RefusedAsync(host.Supervision(Shichang).AnswerSupervisionNoteAsync(new AnswerSupervisionNoteRequest { NoteId = new string('a', 32), Answer = "答" }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);

        var view = await jiancha.GetCaseSupervisionAsync(new GetCaseSupervisionRequest { TrackingNumber = number }, cancellationToken: Cancel);
        Assert.Equal((ZhangSanIdMasked, ZhangSanPhoneMasked), (view.Application.ApplicantIdNumber, view.Application.ApplicantPhone));
        Assert.Equal("已安排专人，本周内作出决定", Assert.Single(view.Notes).Answer);
        var whole = view.ToString();
        Assert.DoesNotContain(ZhangSanId, whole);
        Assert.DoesNotContain(ZhangSanPhone, whole);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_board_counts_each_departments_warned_extended_and_noted_cases_and_lists_them(string database)
    {
        await using var host = Host(database, Catalog());
        var late = await AcceptedCaseAsync(host, "key-1");
        host.ToDay(3, 10);
        var recent = await AcceptedCaseAsync(host, "key-2");
        var extended = await AcceptedCaseAsync(host, "key-3");
        var head = new TestUser("shichang-head", [ServiceDefaults.HallRoles.Officer, ServiceDefaults.HallRoles.DepartmentHead], Department: FakeCatalog.MarketRegulation);
        await host.As(head).ExtendDeadlineAsync(new ExtendDeadlineRequest { TrackingNumber = extended, WorkingDays = 3, Reason = "需现场核查" }, cancellationToken: Cancel);
        await host.Supervision(Jiancha).AddSupervisionNoteAsync(new AddSupervisionNoteRequest { TrackingNumber = late, Text = "请说明超期原因" }, cancellationToken: Cancel);
        host.ToDay(3, 17); // late: 11 of 10; recent: 5 of 10
        await host.SweepAsync();

        var board = await host.Supervision(Jiancha).GetSupervisionBoardAsync(new GetSupervisionBoardRequest(), cancellationToken: Cancel);
        var line = Assert.Single(board.Departments);
        Assert.Equal((FakeCatalog.MarketRegulation, 3, 1, 1, 0, 1, 1), (line.DepartmentCode, line.OpenCases, line.Yellow, line.Red, line.StatutoryOverdue, line.Extended, line.OpenNotes));

        var overdue = await host.Supervision(Jiancha).ListSupervisedCasesAsync(new ListSupervisedCasesRequest { Level = WarningLevel.Red }, cancellationToken: Cancel);
        Assert.Equal((late, WarningLevel.Red), overdue.Applications.Select(a => (a.TrackingNumber, a.WarningLevel)).Single());
        Assert.Equal(ZhangSanIdMasked, overdue.Applications[0].ApplicantIdNumber);
        var extendedOnes = await host.Supervision(Jiancha).ListSupervisedCasesAsync(new ListSupervisedCasesRequest { ExtendedOnly = true }, cancellationToken: Cancel);
        Assert.Equal(extended, Assert.Single(extendedOnes.Applications).TrackingNumber);
        var other = await host.Supervision(Jiancha).ListSupervisedCasesAsync(new ListSupervisedCasesRequest { DepartmentCode = FakeCatalog.PublicSecurity }, cancellationToken: Cancel);
        Assert.Empty(other.Applications);
        Assert.DoesNotContain(recent, (await host.Supervision(Jiancha).ListSupervisedCasesAsync(new ListSupervisedCasesRequest(), cancellationToken: Cancel)).Applications.Select(a => a.TrackingNumber));
        var badLevel = await RefusedAsync(host.Supervision(Jiancha).ListSupervisedCasesAsync(new ListSupervisedCasesRequest { Level = (WarningLevel)9 }, cancellationToken: Cancel));
        Assert.Contains("预警等级", badLevel.Status.Detail);

        // The same through JSON transcoding: the supervisor gets the board, anonymous a 401.
        using var json = await host.Http(Jiancha).GetAsync("/api/supervision/board", Cancel);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        using var anonymous = await host.Http(null).GetAsync("/api/supervision/board", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
