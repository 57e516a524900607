using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Catalog.Calendar;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog;

/// <summary>
/// 在线咨询: questions about an item, replies due within working days, and public Q&amp;A. A signed-in applicant asks
/// and reads their own questions whole; the item's department answers them, and it and supervision see personal
/// numbers masked.
/// </summary>
public sealed class ConsultationService(CatalogDb db, CatalogSettings settings, CountyCalendar calendar, TimeProvider clock) : V1.ConsultationService.ConsultationServiceBase
{
    const int MaxQuestion = 1000;
    const int MaxAnswer = 2000;
    const int MaxSubject = 200;

    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<Consultation> AskQuestion(AskQuestionRequest request, ServerCallContext context)
    {
        var asker = context.User().Subject();
        if (asker.Length is 0 or > MaxSubject)
        {
            throw CatalogAccess.Denied("登录凭证中没有可用的用户标识（sub），咨询无法记在您的名下；请重新登录");
        }
        new FieldErrors(AskQuestionRequest.Descriptor).Required("item_id", request.ItemId).MaxLength("item_id", request.ItemId, 32)
            .Required("question", request.Question).MaxLength("question", request.Question, MaxQuestion).ThrowIfAny();
        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.ItemId, context.CancellationToken);
        if (item is null || item.GuideVersion == 0)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"事项：编号为 {request.ItemId} 的服务事项不存在或尚未发布"));
        }
        if (item.Status == ItemStatus.Cancelled)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"事项：服务事项 {item.Id} 已取消，部门不再受理有关咨询"));
        }
        var now = Now;
        var workingDays = await calendar.CurrentAsync(context.CancellationToken);
        var consultation = new ConsultationRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            ItemId = item.Id,
            AskedBy = asker,
            ItemName = item.Name,
            DepartmentCode = item.DepartmentCode,
            Question = request.Question.Trim(),
            AskedAt = now,
            // The day of asking is not counted; the reply is due by the end of the last working day. Stored, never
            // recomputed: a later change of the calendar does not move a deadline already given (docs/domain.md §3).
            ReplyDeadline = workingDays.AddWorkingDays(CountyClock.Today(now), settings.ReplyWorkingDays),
            ReplyWorkingDays = settings.ReplyWorkingDays,
            Status = ConsultationStatus.Open,
            Version = 1,
        };
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(context.CancellationToken);
        // A number the applicant typed is not echoed back, here or in any later read.
        return consultation.ToMessage(now);
    }

    /// <summary>The asker, the item's department and supervision read a question, personal numbers masked for all of them.</summary>
    [Authorize(Roles = HallRoles.Applicant + "," + HallRoles.Officer + "," + HallRoles.Supervisor)]
    public override async Task<Consultation> GetConsultation(GetConsultationRequest request, ServerCallContext context)
    {
        var consultation = await FindAsync(request.Id, context.CancellationToken);
        var user = context.User();
        if (IsAsker(user, consultation) || user.HasRole(HallRoles.Supervisor) || user.ActsFor(HallRoles.Officer, consultation.DepartmentCode))
        {
            return consultation.ToMessage(Now);
        }
        throw CatalogAccess.Denied(user.HasRole(HallRoles.Officer)
            ? $"咨询 {consultation.Id} 由部门 {consultation.DepartmentCode} 答复；{user.YourDepartment()}"
            : $"咨询 {consultation.Id} 是别人提出的；您只能查看自己的咨询");
    }

    [Authorize(Roles = HallRoles.Officer)]
    public override async Task<Consultation> AnswerConsultation(AnswerConsultationRequest request, ServerCallContext context)
    {
        var user = context.User();
        // Signed with the officer's own name unless they sign with their post (户政科).
        var answeredBy = string.IsNullOrWhiteSpace(request.AnsweredBy) ? user.FindFirstValue(HallClaims.Name) ?? "" : request.AnsweredBy;
        new FieldErrors(AnswerConsultationRequest.Descriptor).Required("answer", request.Answer).MaxLength("answer", request.Answer, MaxAnswer)
            .Required("answered_by", answeredBy).MaxLength("answered_by", answeredBy, 50).ThrowIfAny();
        var consultation = await FindAsync(request.Id, context.CancellationToken);
        user.RequireOfficerOf(consultation.DepartmentCode, $"咨询 {consultation.Id} ");
        if (consultation.Status != ConsultationStatus.Open)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"咨询 {consultation.Id} 已经答复过了"));
        }
        consultation.Answer = request.Answer.Trim();
        consultation.AnsweredBy = answeredBy.Trim();
        consultation.AnsweredAt = Now;
        consultation.AnsweredOn = ServiceHall.Domain.CountyClock.Today(Now);
        consultation.Status = ConsultationStatus.Answered;
        consultation.Version++;
        await db.SaveOrRefuseAsync(AlreadyDone(consultation), context.CancellationToken);
        return consultation.ToMessage(Now);
    }

    [Authorize(Roles = HallRoles.Officer)]
    public override async Task<Consultation> PublishConsultation(PublishConsultationRequest request, ServerCallContext context)
    {
        var consultation = await FindAsync(request.Id, context.CancellationToken);
        context.User().RequireOfficerOf(consultation.DepartmentCode, $"咨询 {consultation.Id} ");
        if (consultation.Status != ConsultationStatus.Answered)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                consultation.Status == ConsultationStatus.Open
                    ? $"咨询 {consultation.Id} 还没有答复；答复后才能公开"
                    : $"咨询 {consultation.Id} 已经公开为问答"));
        }
        var question = string.IsNullOrWhiteSpace(request.PublicQuestion) ? consultation.Question : request.PublicQuestion.Trim();
        var answer = string.IsNullOrWhiteSpace(request.PublicAnswer) ? consultation.Answer! : request.PublicAnswer.Trim();
        var errors = new FieldErrors(PublishConsultationRequest.Descriptor).MaxLength("public_question", question, MaxQuestion).MaxLength("public_answer", answer, MaxAnswer);
        if (PersonalNumbers.Found(question))
        {
            errors.Add("public_question", "含有疑似身份证号码或手机号码的内容；请删去后再公开");
        }
        if (PersonalNumbers.Found(answer))
        {
            errors.Add("public_answer", "含有疑似身份证号码或手机号码的内容；请删去后再公开");
        }
        errors.ThrowIfAny();

        var item = await db.Items.AsNoTracking().SingleAsync(i => i.Id == consultation.ItemId, context.CancellationToken);
        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Code == item.DepartmentCode, context.CancellationToken);
        consultation.PublicQuestion = question;
        consultation.PublicAnswer = answer;
        consultation.PublishedAt = Now;
        consultation.Status = ConsultationStatus.Published;
        consultation.Version++;
        db.Add(OutboxMessage.For(Topics.CatalogQuestionPublished, new QuestionPublished
        {
            EventId = Guid.NewGuid().ToString(),
            QuestionId = consultation.Id,
            Version = consultation.Version,
            ItemId = item.Id,
            ItemName = item.Name,
            DepartmentName = department?.Name ?? "",
            Question = question,
            Answer = answer,
        }));
        await db.SaveOrRefuseAsync(AlreadyDone(consultation), context.CancellationToken);
        return consultation.ToMessage(Now);
    }

    /// <summary>A department's open questions, the nearest deadline first: an officer's own department; supervision any, or all.</summary>
    [Authorize(Roles = HallRoles.Officer + "," + HallRoles.Supervisor)]
    public override async Task<ListConsultationsResponse> ListOpenConsultations(ListOpenConsultationsRequest request, ServerCallContext context)
    {
        new FieldErrors(ListOpenConsultationsRequest.Descriptor).MaxLength("department_code", request.DepartmentCode, 18).ThrowIfAny();
        var departmentCode = context.User().DepartmentInView(request.DepartmentCode, "待答复咨询");
        if (departmentCode.Length > 0 && !await db.Departments.AnyAsync(d => d.Code == departmentCode, context.CancellationToken))
        {
            throw new FieldErrors(ListOpenConsultationsRequest.Descriptor).Add("department_code", $"没有代码为 {departmentCode} 的部门").Refusal();
        }
        var paging = Paging.From(request.PageSize, request.PageToken, ListOpenConsultationsRequest.Descriptor);
        var open = db.Consultations.AsNoTracking().Where(c => c.Status == ConsultationStatus.Open);
        if (departmentCode.Length > 0)
        {
            open = open.Where(c => c.DepartmentCode == departmentCode);
        }
        if (request.OverdueOnly)
        {
            var today = ServiceHall.Domain.CountyClock.Today(Now);
            open = open.Where(c => c.ReplyDeadline < today);
        }
        var page = await open.OrderBy(c => c.ReplyDeadline).ThenBy(c => c.AskedAt).ThenBy(c => c.Id)
            .Skip(paging.Offset).Take(paging.Size + 1).ToListAsync(context.CancellationToken);
        var response = new ListConsultationsResponse { NextPageToken = paging.NextToken(page.Count) };
        response.Consultations.AddRange(page.Take(paging.Size).Select(c => c.ToMessage(Now)));
        return response;
    }

    /// <summary>
    /// The supervisor's view of late replies per department. Lateness is the clock's alone (the deadline's day has
    /// passed), so it is counted as of today: nothing to record, and a question stops counting as open-overdue the
    /// moment it is answered, to count as answered late from then on.
    /// </summary>
    [Authorize(Roles = HallRoles.Supervisor)]
    public override async Task<ConsultationBoard> GetConsultationBoard(GetConsultationBoardRequest request, ServerCallContext context)
    {
        var today = ServiceHall.Domain.CountyClock.Today(Now);
        var counts = await db.Consultations.AsNoTracking()
            .Where(c => c.Status == ConsultationStatus.Open || c.AnsweredOn > c.ReplyDeadline)
            .GroupBy(c => c.DepartmentCode)
            .Select(g => new
            {
                Code = g.Key,
                Open = g.Count(c => c.Status == ConsultationStatus.Open),
                OverdueOpen = g.Count(c => c.Status == ConsultationStatus.Open && c.ReplyDeadline < today),
                AnsweredLate = g.Count(c => c.Status != ConsultationStatus.Open && c.AnsweredOn > c.ReplyDeadline),
            })
            .ToListAsync(context.CancellationToken);
        var codes = counts.Select(c => c.Code).ToList();
        var names = await db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, context.CancellationToken);
        return new ConsultationBoard
        {
            Departments =
            {
                counts.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new DepartmentConsultations
                {
                    DepartmentCode = c.Code, Department = names.GetValueOrDefault(c.Code, c.Code),
                    Open = c.Open, OverdueOpen = c.OverdueOpen, AnsweredLate = c.AnsweredLate,
                }),
            },
        };
    }

    /// <summary>The applicant's own questions, newest first: each with its deadline, status and any answer.</summary>
    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<ListConsultationsResponse> ListMyConsultations(ListMyConsultationsRequest request, ServerCallContext context)
    {
        var user = context.User();
        var asker = user.Subject();
        if (asker.Length == 0)
        {
            throw CatalogAccess.Denied("登录凭证中没有用户标识（sub），无法找到您的咨询；请重新登录");
        }
        var paging = Paging.From(request.PageSize, request.PageToken, ListMyConsultationsRequest.Descriptor);
        var page = await db.Consultations.AsNoTracking().Where(c => c.AskedBy == asker)
            .OrderByDescending(c => c.AskedAt).ThenByDescending(c => c.Id)
            .Skip(paging.Offset).Take(paging.Size + 1).ToListAsync(context.CancellationToken);
        var mine = page.Take(paging.Size).ToList();
        var response = new ListConsultationsResponse { NextPageToken = paging.NextToken(page.Count) };
        response.Consultations.AddRange(mine.Select(c => c.ToMessage(Now)));
        return response;
    }

    public override async Task<ListItemQuestionsResponse> ListItemQuestions(ListItemQuestionsRequest request, ServerCallContext context)
    {
        new FieldErrors(ListItemQuestionsRequest.Descriptor).Required("item_id", request.ItemId).MaxLength("item_id", request.ItemId, 32).ThrowIfAny();
        if (!await db.Items.AnyAsync(i => i.Id == request.ItemId && i.GuideVersion > 0, context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"事项：编号为 {request.ItemId} 的服务事项不存在或尚未发布"));
        }
        var published = await db.Consultations.AsNoTracking()
            .Where(c => c.ItemId == request.ItemId && c.Status == ConsultationStatus.Published)
            .OrderByDescending(c => c.PublishedAt).Take(100).ToListAsync(context.CancellationToken);
        var response = new ListItemQuestionsResponse();
        response.Questions.AddRange(published.Select(c => c.ToPublicQuestion()));
        return response;
    }

    static bool IsAsker(ClaimsPrincipal user, ConsultationRecord consultation) =>
        user.HasRole(HallRoles.Applicant) && user.Subject() is { Length: > 0 } subject && subject == consultation.AskedBy;

    async Task<ConsultationRecord> FindAsync(string id, CancellationToken cancellationToken)
    {
        new FieldErrors(GetConsultationRequest.Descriptor).Required("id", id).MaxLength("id", id, 32).ThrowIfAny();
        return await db.Consultations.FindAsync([id], cancellationToken)
            ?? throw new FieldErrors(GetConsultationRequest.Descriptor).Add("id", $"没有编号为 {id} 的咨询").Refusal(StatusCode.NotFound);
    }

    static RpcException AlreadyDone(ConsultationRecord c) =>
        new(new Status(StatusCode.Aborted, $"咨询 {c.Id} 刚被别人同时修改；请重新打开后再操作"));

    DateTime Now => clock.StoredUtcNow();
}
