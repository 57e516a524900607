using System.Globalization;
using ServiceHall.Credit.V1;

namespace ServiceHall.Credit.Data;

/// <summary>
/// An entity's entry on a credit list (信用名单, docs/domain.md §8): public from its date in until the day before its
/// date out, when the list sweep announces the entity again without it. Kept afterwards, never public.
/// </summary>
public sealed class CreditListEntry
{
    public required string Id { get; init; }
    public required string EntityCode { get; init; }
    public CreditListKind Kind { get; init; }
    public required string DecidingBody { get; init; }
    /// <summary>认定部门's credit code: only credit editors of this department add its entries.</summary>
    public required string DecidingBodyCode { get; init; }
    public required string Reason { get; init; }
    public DateOnly DateIn { get; init; }
    /// <summary>The first day the entry is no longer public; null: until removed.</summary>
    public DateOnly? DateOut { get; init; }
    public DateTime RecordedAt { get; init; }

    public bool PublicOn(DateOnly day) => DateIn <= day && (DateOut is null || DateOut > day);

    public static System.Linq.Expressions.Expression<Func<CreditListEntry, bool>> PublicOnDay(DateOnly day) =>
        l => l.DateIn <= day && (l.DateOut == null || l.DateOut > day);

    public ListEntry ToMessage(string entityName) => new()
    {
        Id = Id,
        Code = EntityCode,
        EntityName = PublicText.Masked(entityName),
        Kind = Kind,
        DecidingBody = PublicText.Masked(DecidingBody),
        DecidingBodyCode = DecidingBodyCode,
        Reason = PublicText.Masked(Reason),
        DateIn = DateIn.ToString(PenaltyRecord.DateFormat, CultureInfo.InvariantCulture),
        DateOut = DateOut?.ToString(PenaltyRecord.DateFormat, CultureInfo.InvariantCulture) ?? "",
    };
}
