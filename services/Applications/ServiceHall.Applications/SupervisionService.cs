using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Case;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.Ratings;
using ServiceHall.Applications.Supervision;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>
/// 电子监察 for the supervisor (supervision.proto): the board, the warned, overdue and extended cases, a case's
/// warnings and 督办 notes. The supervisor writes nothing but a note; the case's department answers it. Every
/// Application leaves masked (ApplicationRecord.ToMessage), and so do numbers typed into notes.
/// </summary>
public sealed class SupervisionService(ApplicationsDb db, CaseCalendar calendars, TimeProvider time, SupervisionSettings settings)
    : V1.SupervisionService.SupervisionServiceBase
{
    const string DepartmentRoles = HallRoles.Officer + "," + HallRoles.DepartmentHead;

    [Authorize(Roles = HallRoles.Supervisor)]
    public override async Task<SupervisionBoard> GetSupervisionBoard(GetSupervisionBoardRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var open = CaseRules.Open.ToList();
        var cases = await db.Applications.AsNoTracking().Where(a => open.Contains(a.Status))
            .GroupBy(a => a.DepartmentCode)
            .Select(g => new { Code = g.Key, Name = g.Max(a => a.Department), Open = g.Count(), Extended = g.Count(a => a.ExtensionDays > 0) })
            .ToListAsync(cancellationToken);
        var warnings = await (
                from w in db.CaseWarnings
                join a in db.Applications on w.TrackingNumber equals a.TrackingNumber
                where open.Contains(a.Status)
                group w by new { w.DepartmentCode, w.Level } into g
                select new { g.Key.DepartmentCode, g.Key.Level, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var openNotes = await db.SupervisionNotes.AsNoTracking()
            .Where(n => !db.SupervisionAnswers.Any(a => a.NoteId == n.Id))
            .GroupBy(n => n.DepartmentCode).Select(g => new { Code = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // An overdue follow-up is a warning by the clock alone (its deadline passed and it is still owed), so it is
        // counted as of today rather than recorded by a sweep: it stops counting the moment the call-back is made.
        var today = CountyClock.Today(time.GetUtcNow().UtcDateTime);
        var owed = FollowUpRules.Owed;
        var overdueFollowUps = await db.Ratings.AsNoTracking()
            .Where(r => owed.Contains(r.FollowUpStatus) && r.FollowUpDueOn < today)
            .GroupBy(r => r.DepartmentCode).Select(g => new { Code = g.Key, Name = g.Max(r => r.Department), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var departments = cases.Select(c => (c.Code, c.Name, c.Open, c.Extended))
            .Concat(overdueFollowUps.Where(f => !cases.Any(c => c.Code == f.Code)).Select(f => (f.Code, f.Name, Open: 0, Extended: 0)));
        int Warned(string code, WarningLevel level) => warnings.Where(w => w.DepartmentCode == code && w.Level == level).Sum(w => w.Count);
        return new SupervisionBoard
        {
            Departments =
            {
                departments.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new DepartmentSupervision
                {
                    DepartmentCode = c.Code,
                    Department = c.Name,
                    OpenCases = c.Open,
                    Extended = c.Extended,
                    Yellow = Warned(c.Code, WarningLevel.Yellow),
                    Red = Warned(c.Code, WarningLevel.Red),
                    StatutoryOverdue = Warned(c.Code, WarningLevel.StatutoryOverdue),
                    OpenNotes = openNotes.Where(n => n.Code == c.Code).Sum(n => n.Count),
                    OverdueFollowUps = overdueFollowUps.Where(f => f.Code == c.Code).Sum(f => f.Count),
                }),
            },
        };
    }

    [Authorize(Roles = HallRoles.Supervisor)]
    public override async Task<ListSupervisedCasesResponse> ListSupervisedCases(ListSupervisedCasesRequest request, ServerCallContext context)
    {
        var paging = Paging.From(request.PageSize, request.PageToken, ListSupervisedCasesRequest.Descriptor);
        if (!Enum.IsDefined(request.Level))
        {
            throw new FieldErrors(ListSupervisedCasesRequest.Descriptor).Add("level", "不存在的预警等级").Refusal();
        }
        var open = CaseRules.Open.ToList();
        var query = db.Applications.AsNoTracking().Where(a => open.Contains(a.Status));
        var department = request.DepartmentCode.Trim();
        if (department.Length > 0)
        {
            query = query.Where(a => a.DepartmentCode == department);
        }
        var level = request.Level;
        query = request.ExtendedOnly
            ? query.Where(a => a.ExtensionDays > 0)
            : level == WarningLevel.Unspecified
                ? query.Where(a => db.CaseWarnings.Any(w => w.TrackingNumber == a.TrackingNumber))
                : query.Where(a => db.CaseWarnings.Any(w => w.TrackingNumber == a.TrackingNumber && w.Level == level));
        var page = await query
            .OrderBy(a => a.DeadlineOn == null).ThenBy(a => a.DeadlineOn).ThenBy(a => a.TrackingNumber)
            .Skip(paging.Offset).Take(paging.Size + 1)
            .ToListAsync(context.CancellationToken);
        var response = new ListSupervisedCasesResponse { NextPageToken = paging.NextToken(page.Count) };
        response.Applications.AddRange(await MessagesAsync([.. page.Take(paging.Size)], context.CancellationToken));
        return response;
    }

    [Authorize(Roles = HallRoles.Supervisor)]
    public override async Task<CaseSupervision> GetCaseSupervision(GetCaseSupervisionRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var application = await LoadAsync(request.TrackingNumber, GetCaseSupervisionRequest.Descriptor, cancellationToken);
        var warnings = await db.CaseWarnings.AsNoTracking().Where(w => w.TrackingNumber == application.TrackingNumber).ToListAsync(cancellationToken);
        return new CaseSupervision
        {
            Application = (await MessagesAsync([application], cancellationToken))[0],
            Warnings = { warnings.OrderBy(w => w.Level).Select(w => w.ToMessage()) },
            Notes = { await NotesAsync(application.TrackingNumber, cancellationToken) },
        };
    }

    [Authorize(Roles = HallRoles.Supervisor)]
    public override async Task<SupervisionNote> AddSupervisionNote(AddSupervisionNoteRequest request, ServerCallContext context)
    {
        var text = request.Text.Trim();
        new FieldErrors(AddSupervisionNoteRequest.Descriptor)
            .Required("text", text).MaxLength("text", text, SupervisionNoteRecord.MaxTextLength).ThrowIfAny();
        var application = await LoadAsync(request.TrackingNumber, AddSupervisionNoteRequest.Descriptor, context.CancellationToken);
        var user = context.GetHttpContext().User;
        var note = new SupervisionNoteRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            TrackingNumber = application.TrackingNumber,
            DepartmentCode = application.DepartmentCode,
            Text = text,
            WrittenBySubject = user.Subject(),
            WrittenByName = user.Identity?.Name ?? user.Subject(),
            WrittenAt = time.StoredUtcNow(),
        };
        db.SupervisionNotes.Add(note);
        await db.SaveChangesAsync(context.CancellationToken);
        return note.ToMessage(null);
    }

    /// <summary>The supervisor reads every case's notes; the department its own cases' (to answer them).</summary>
    [Authorize(Roles = HallRoles.Supervisor + "," + DepartmentRoles)]
    public override async Task<ListSupervisionNotesResponse> ListSupervisionNotes(ListSupervisionNotesRequest request, ServerCallContext context)
    {
        var application = await LoadAsync(request.TrackingNumber, ListSupervisionNotesRequest.Descriptor, context.CancellationToken);
        var user = context.GetHttpContext().User;
        if (!user.HasRole(HallRoles.Supervisor) && !user.OfDepartment(application))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"无权查看申请 {application.TrackingNumber} 的督办意见：只有监察人员和承办部门可以查看"));
        }
        return new ListSupervisionNotesResponse { Notes = { await NotesAsync(application.TrackingNumber, context.CancellationToken) } };
    }

    /// <summary>
    /// What the department owes: its unanswered notes, oldest first. This is how a note reaches the department: the
    /// workbench lists these above the queue until each is answered.
    /// </summary>
    [Authorize(Roles = DepartmentRoles + "," + HallRoles.Supervisor)]
    public override async Task<ListSupervisionNotesResponse> ListOpenSupervisionNotes(ListOpenSupervisionNotesRequest request, ServerCallContext context)
    {
        var paging = Paging.From(request.PageSize, request.PageToken, ListOpenSupervisionNotesRequest.Descriptor);
        var user = context.GetHttpContext().User;
        var department = CreditCode.Normalize(request.DepartmentCode);
        if (!user.HasRole(HallRoles.Supervisor))
        {
            var own = CreditCode.Normalize(user.Department());
            if (own.Length == 0)
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, "登录凭证中没有所属部门，无法列出督办意见"));
            }
            if (department.Length > 0 && department != own)
            {
                throw new FieldErrors(ListOpenSupervisionNotesRequest.Descriptor).Add("department_code", "只能查看本部门的督办意见").Refusal(StatusCode.PermissionDenied);
            }
            department = own;
        }
        var open = db.SupervisionNotes.AsNoTracking().Where(n => !db.SupervisionAnswers.Any(a => a.NoteId == n.Id));
        if (department.Length > 0)
        {
            open = open.Where(n => n.DepartmentCode == department);
        }
        var page = await open.OrderBy(n => n.WrittenAt).ThenBy(n => n.Id).Skip(paging.Offset).Take(paging.Size + 1).ToListAsync(context.CancellationToken);
        return new ListSupervisionNotesResponse { Notes = { page.Take(paging.Size).Select(n => n.ToMessage(null)) }, NextPageToken = paging.NextToken(page.Count) };
    }

    [Authorize(Roles = DepartmentRoles)]
    public override async Task<SupervisionNote> AnswerSupervisionNote(AnswerSupervisionNoteRequest request, ServerCallContext context)
    {
        var noteId = request.NoteId.Trim().ToLowerInvariant();
        var answer = request.Answer.Trim();
        var errors = new FieldErrors(AnswerSupervisionNoteRequest.Descriptor).Required("note_id", noteId)
            .Required("answer", answer).MaxLength("answer", answer, SupervisionNoteRecord.MaxTextLength);
        if (noteId.Length > 0 && (noteId.Length != 32 || !noteId.All(char.IsAsciiHexDigitLower)))
        {
            errors.Add("note_id", "不是督办编号（32位字母或数字）");
        }
        errors.ThrowIfAny();
        var cancellationToken = context.CancellationToken;
        var note = await db.SupervisionNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noteId, cancellationToken)
            ?? throw new FieldErrors(AnswerSupervisionNoteRequest.Descriptor).Add("note_id", $"没有编号为 {noteId} 的督办意见").Refusal(StatusCode.NotFound);
        var user = context.GetHttpContext().User;
        if (!user.ActsFor(HallRoles.Officer, note.DepartmentCode) && !user.ActsFor(HallRoles.DepartmentHead, note.DepartmentCode))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "只有承办部门的工作人员或负责人可以答复该督办意见"));
        }
        var record = new SupervisionAnswerRecord
        {
            NoteId = note.Id,
            TrackingNumber = note.TrackingNumber,
            Answer = answer,
            AnsweredBySubject = user.Subject(),
            AnsweredByName = user.Identity?.Name ?? user.Subject(),
            AnsweredAt = time.StoredUtcNow(),
        };
        db.SupervisionAnswers.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw Answered(note.Id);
        }
        return note.ToMessage(record);
    }

    static RpcException Answered(string noteId) =>
        new FieldErrors(AnswerSupervisionNoteRequest.Descriptor).Add("note_id", $"督办意见 {noteId} 已答复，答复不能更改").Refusal(StatusCode.FailedPrecondition);

    async Task<List<SupervisionNote>> NotesAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var notes = await db.SupervisionNotes.AsNoTracking().Where(n => n.TrackingNumber == trackingNumber).ToListAsync(cancellationToken);
        var answers = await db.SupervisionAnswers.AsNoTracking().Where(a => a.TrackingNumber == trackingNumber).ToDictionaryAsync(a => a.NoteId, cancellationToken);
        return [.. notes.OrderBy(n => n.WrittenAt).ThenBy(n => n.Id).Select(n => n.ToMessage(answers.GetValueOrDefault(n.Id)))];
    }

    Task<List<Application>> MessagesAsync(IReadOnlyList<ApplicationRecord> applications, CancellationToken cancellationToken) =>
        CaseMessages.ReadAsync(db, calendars, CountyClock.Today(time.GetUtcNow().UtcDateTime), settings.YellowShare, applications, cancellationToken);

    async Task<ApplicationRecord> LoadAsync(string text, Google.Protobuf.Reflection.MessageDescriptor request, CancellationToken cancellationToken)
    {
        new FieldErrors(request).Required("tracking_number", text).ThrowIfAny();
        var trackingNumber = TrackingNumber.Normalize(text)
            ?? throw new FieldErrors(request).Add("tracking_number", "不是申请编号（应为 SH、8位日期数字和8位字母或数字）").Refusal();
        return await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.TrackingNumber == trackingNumber, cancellationToken)
            ?? throw new FieldErrors(request).Add("tracking_number", $"没有编号为 {trackingNumber} 的申请").Refusal(StatusCode.NotFound);
    }
}
