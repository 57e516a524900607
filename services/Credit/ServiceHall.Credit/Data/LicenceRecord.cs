using System.Globalization;
using ServiceHall.Credit.V1;

namespace ServiceHall.Credit.Data;

/// <summary>
/// An administrative licence decision (行政许可) for one market entity or one natural person, published under 双公示.
/// Made from the applications service's CaseChanged event when a case of a 行政许可 item is approved
/// (<see cref="LicenceEvents"/>), never typed in. A natural person's has no entity: it carries the holder's name as
/// the national sites publish it (张*) and nothing else of theirs. Public from its decision day (the event comes on that day or later) and without an end:
/// docs/domain.md §8 names a publicity period for penalties only, so a licence has no publicity end, the lookup
/// always shows it and the publicity sweep never takes it out of view.
/// </summary>
public sealed class LicenceRecord
{
    /// <summary>许可类别 when nothing says otherwise; the others are 特许, 认可, 核准, 登记 and 其他.</summary>
    public const string OrdinaryCategory = "普通";

    public required string Id { get; init; }
    /// <summary>The market entity's credit code; null for a natural person's licence.</summary>
    public string? EntityCode { get; init; }
    /// <summary>行政相对人名称 of a natural person, masked (张*); empty for an entity's, whose name is the entity's.</summary>
    public string HolderName { get; init; } = "";
    /// <summary>行政许可决定文书号.</summary>
    public required string DecisionNumber { get; init; }
    /// <summary>许可证书名称: the decision document's title.</summary>
    public required string DocumentTitle { get; init; }
    /// <summary>许可类别.</summary>
    public required string Category { get; init; }
    /// <summary>许可内容: the service item's name.</summary>
    public required string Content { get; init; }
    public DateOnly DecisionDate { get; init; }
    /// <summary>许可机关: the item's implementing department.</summary>
    public required string Authority { get; init; }
    public required string AuthorityCode { get; init; }
    /// <summary>数据来源: the application's tracking number. Unique: a repeated event records nothing more.</summary>
    public required string SourceTrackingNumber { get; init; }
    public DateTime RecordedAt { get; init; }

    /// <summary>The public view, personal numbers masked in every text field (<see cref="PublicText"/>).</summary>
    public V1.LicenceRecord ToMessage() => new()
    {
        Id = Id,
        DecisionNumber = PublicText.Masked(DecisionNumber),
        DocumentTitle = PublicText.Masked(DocumentTitle),
        Category = Category,
        Content = PublicText.Masked(Content),
        DecisionDate = Date,
        Authority = PublicText.Masked(Authority),
        AuthorityCode = AuthorityCode,
        Source = SourceTrackingNumber,
        HolderKind = EntityCode is null ? HolderKind.NaturalPerson : HolderKind.Entity,
        HolderName = PersonNames.Masked(HolderName),
        HolderCode = EntityCode ?? "",
    };

    /// <summary>What search receives of a natural person's licence, which no entity announces.</summary>
    public PersonLicencePublished ToPersonEvent() => new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        LicenceId = Id,
        Version = 1,
        HolderName = PersonNames.Masked(HolderName),
        Record = ToPublicRecord(),
    };

    /// <summary>Without public_until: a licence stays public.</summary>
    public PublicRecord ToPublicRecord() => new()
    {
        Id = Id,
        Kind = RecordKind.Licence,
        Title = PublicText.Masked($"行政许可：{DocumentTitle}（{DecisionNumber}）"),
        Summary = PublicText.Masked($"{Content}（{Category}），{Authority} {Date} 决定"),
    };

    string Date => DecisionDate.ToString(PenaltyRecord.DateFormat, CultureInfo.InvariantCulture);
}
