using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ServiceHall.Catalog.V1;

namespace ServiceHall.Catalog.Data;

/// <summary>A question about an item (在线咨询) and its reply (咨询答复), which may become the item's public Q&amp;A.</summary>
public sealed class ConsultationRecord
{
    public const string Open = "open";
    public const string Answered = "answered";
    public const string Published = "published";

    public required string Id { get; init; }
    public required string ItemId { get; init; }
    public required string ItemName { get; init; }
    public required string DepartmentCode { get; init; }
    public required string Question { get; init; }
    public DateTime AskedAt { get; init; }
    public DateOnly ReplyDeadline { get; init; }
    public int ReplyWorkingDays { get; init; }
    public required string Status { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? PublicQuestion { get; set; }
    public string? PublicAnswer { get; set; }
    public DateTime? PublishedAt { get; set; }
    public long Version { get; set; }

    /// <summary>Open past the deadline's county day, or answered after it.</summary>
    public bool IsOverdue(DateTime utcNow) =>
        (AnsweredAt is { } answered ? ServiceDefaults.CountyClock.Today(answered) : ServiceDefaults.CountyClock.Today(utcNow)) > ReplyDeadline;

    public Consultation ToMessage(DateTime utcNow) => new()
    {
        Id = Id,
        ItemId = ItemId,
        ItemName = ItemName,
        DepartmentCode = DepartmentCode,
        Question = Question,
        AskedAt = Timestamp.FromDateTime(AskedAt),
        ReplyDeadline = ReplyDeadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ReplyWorkingDays = ReplyWorkingDays,
        Status = Status,
        Overdue = IsOverdue(utcNow),
        Answer = Answer ?? "",
        AnsweredBy = AnsweredBy ?? "",
        AnsweredAt = AnsweredAt is { } a ? Timestamp.FromDateTime(a) : null,
        PublicQuestion = PublicQuestion ?? "",
        PublicAnswer = PublicAnswer ?? "",
        PublishedAt = PublishedAt is { } p ? Timestamp.FromDateTime(p) : null,
    };

    public PublicQuestion ToPublicQuestion() => new()
    {
        Id = Id,
        ItemId = ItemId,
        Question = PublicQuestion ?? "",
        Answer = PublicAnswer ?? "",
        PublishedAt = PublishedAt is { } p ? Timestamp.FromDateTime(p) : null,
    };
}
