using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog.Data;

/// <summary>
/// A question about an item (在线咨询) and its reply (咨询答复), which may become the item's public Q&amp;A. The question
/// is kept as the applicant asked it, personal numbers included; <see cref="ToMessage(DateTime)"/> masks them for everyone
/// but the asker.
/// </summary>
public sealed class ConsultationRecord
{
    public required string Id { get; init; }
    public required string ItemId { get; init; }
    /// <summary>The asker's subject (the token's sub): whose question this is.</summary>
    public required string AskedBy { get; init; }
    public required string ItemName { get; init; }
    public required string DepartmentCode { get; init; }
    public required string Question { get; init; }
    public DateTime AskedAt { get; init; }
    public DateOnly ReplyDeadline { get; init; }
    public int ReplyWorkingDays { get; init; }
    public required ConsultationStatus Status { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTime? AnsweredAt { get; set; }
    /// <summary>The county day of <see cref="AnsweredAt"/>: what lateness is counted by, in a query.</summary>
    public DateOnly? AnsweredOn { get; set; }
    public string? PublicQuestion { get; set; }
    public string? PublicAnswer { get; set; }
    public DateTime? PublishedAt { get; set; }
    public long Version { get; set; }

    /// <summary>Open past the deadline's county day, or answered after it.</summary>
    public bool IsOverdue(DateTime utcNow) =>
        (AnsweredOn ?? (AnsweredAt is { } answered ? ServiceHall.Domain.CountyClock.Today(answered) : ServiceHall.Domain.CountyClock.Today(utcNow))) > ReplyDeadline;

    /// <summary>
    /// As everyone sees it, the asker included: every ID and mobile number in the text masked. The asker typed the
    /// number and knows it; showing it whole would put it in every page, cache and log on the way for nothing.
    /// </summary>
    public Consultation ToMessage(DateTime utcNow) => ToMessage(utcNow, PersonalNumbers.MaskAll);

    Consultation ToMessage(DateTime utcNow, Func<string, string> shown) => new()
    {
        Id = Id,
        ItemId = ItemId,
        ItemName = ItemName,
        DepartmentCode = DepartmentCode,
        Question = shown(Question),
        AskedAt = Timestamp.FromDateTime(AskedAt),
        ReplyDeadline = ReplyDeadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ReplyWorkingDays = ReplyWorkingDays,
        Status = Status,
        Overdue = IsOverdue(utcNow),
        Answer = shown(Answer ?? ""),
        AnsweredBy = AnsweredBy ?? "",
        AnsweredAt = AnsweredAt is { } a ? Timestamp.FromDateTime(a) : null,
        PublicQuestion = shown(PublicQuestion ?? ""),
        PublicAnswer = shown(PublicAnswer ?? ""),
        PublishedAt = PublishedAt is { } p ? Timestamp.FromDateTime(p) : null,
    };

    /// <summary>Public Q&amp;A was refused with a personal number in it; masked again all the same, in case it was published before that rule.</summary>
    public PublicQuestion ToPublicQuestion() => new()
    {
        Id = Id,
        ItemId = ItemId,
        Question = PersonalNumbers.MaskAll(PublicQuestion ?? ""),
        Answer = PersonalNumbers.MaskAll(PublicAnswer ?? ""),
        PublishedAt = PublishedAt is { } p ? Timestamp.FromDateTime(p) : null,
    };
}
