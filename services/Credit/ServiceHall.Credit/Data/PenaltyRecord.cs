using System.Globalization;
using ServiceHall.Credit.V1;

namespace ServiceHall.Credit.Data;

/// <summary>An administrative penalty decision (行政处罚) against one market entity, published under 双公示.</summary>
public sealed class PenaltyRecord
{
    public const string DateFormat = "yyyy-MM-dd";

    public required string Id { get; init; }
    public required string EntityCode { get; init; }
    public required string DecisionNumber { get; set; }
    public required string ViolationType { get; set; }
    public required string Facts { get; set; }
    public required string Basis { get; set; }
    public required string Category { get; set; }
    public required string Content { get; set; }
    public decimal? FineAmountWan { get; set; }
    public DateOnly DecisionDate { get; set; }
    public required string Authority { get; set; }
    /// <summary>处罚机关's unified social credit code: only credit editors of this department record its penalties.</summary>
    public required string AuthorityCode { get; init; }
    public DateOnly PublicityUntil { get; set; }
    public DateTime RecordedAt { get; init; }
    /// <summary>1 as recorded, one more for each correction (<see cref="PenaltyRevision"/> keeps every version).</summary>
    public int Revision { get; set; } = 1;
    /// <summary>When the deciding department withdrew it as published in error: never public again, kept with its history.</summary>
    public DateTime? WithdrawnAt { get; set; }

    /// <summary>The publicity end date is the last day the record is shown.</summary>
    public bool InPublicityOn(DateOnly day) => PublicityUntil >= day && WithdrawnAt is null;

    /// <param name="fields">Already checked by <see cref="CreditRules.CheckPenalty"/>, which parsed <paramref name="terms"/> from it.</param>
    public static PenaltyRecord Create(string entityCode, V1.PenaltyRecord fields, PenaltyTerms terms, DateTime now) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        EntityCode = entityCode,
        RecordedAt = now,
        DecisionNumber = fields.DecisionNumber.Trim(),
        ViolationType = fields.ViolationType.Trim(),
        Facts = fields.Facts.Trim(),
        Basis = fields.Basis.Trim(),
        Category = fields.Category.Trim(),
        Content = fields.Content.Trim(),
        FineAmountWan = terms.FineAmountWan,
        DecisionDate = terms.DecisionDate,
        Authority = fields.Authority.Trim(),
        AuthorityCode = terms.AuthorityCode,
        PublicityUntil = terms.PublicityUntil,
    };

    /// <summary>Replaces the content with a corrected one (checked like a new record); the deciding body stays.</summary>
    public void Correct(V1.PenaltyRecord fields, PenaltyTerms terms)
    {
        DecisionNumber = fields.DecisionNumber.Trim();
        ViolationType = fields.ViolationType.Trim();
        Facts = fields.Facts.Trim();
        Basis = fields.Basis.Trim();
        Category = fields.Category.Trim();
        Content = fields.Content.Trim();
        FineAmountWan = terms.FineAmountWan;
        DecisionDate = terms.DecisionDate;
        Authority = fields.Authority.Trim();
        PublicityUntil = terms.PublicityUntil;
        Revision++;
    }

    /// <summary>The content as stored, unmasked: what a history version keeps (masked again on the way out).</summary>
    public V1.PenaltyRecord ToStored() => new()
    {
        Id = Id,
        DecisionNumber = DecisionNumber,
        ViolationType = ViolationType,
        Facts = Facts,
        Basis = Basis,
        Category = Category,
        Content = Content,
        FineAmountWan = FineAmountWan?.ToString("0.############################", CultureInfo.InvariantCulture) ?? "",
        DecisionDate = DecisionDate.ToString(DateFormat, CultureInfo.InvariantCulture),
        Authority = Authority,
        AuthorityCode = AuthorityCode,
        PublicityUntil = PublicityUntil.ToString(DateFormat, CultureInfo.InvariantCulture),
    };

    /// <summary>The public view, personal numbers masked in every text field (<see cref="PublicText"/>).</summary>
    public V1.PenaltyRecord ToMessage() => new()
    {
        Id = Id,
        DecisionNumber = PublicText.Masked(DecisionNumber),
        ViolationType = PublicText.Masked(ViolationType),
        Facts = PublicText.Masked(Facts),
        Basis = PublicText.Masked(Basis),
        Category = PublicText.Masked(Category),
        Content = PublicText.Masked(Content),
        // Without trailing zeros: SQLite hands 5 back as 5.0, PostgreSQL keeps the scale it was given.
        FineAmountWan = FineAmountWan?.ToString("0.############################", CultureInfo.InvariantCulture) ?? "",
        DecisionDate = DecisionDate.ToString(DateFormat, CultureInfo.InvariantCulture),
        Authority = PublicText.Masked(Authority),
        AuthorityCode = AuthorityCode,
        PublicityUntil = PublicityUntil.ToString(DateFormat, CultureInfo.InvariantCulture),
    };

    public PublicRecord ToPublicRecord() => new()
    {
        Id = Id,
        Kind = RecordKind.Penalty,
        Title = PublicText.Masked($"行政处罚 {DecisionNumber}"),
        Summary = PublicText.Masked($"{Category}：{Content}"),
        PublicUntil = PublicityUntil.ToString(DateFormat, CultureInfo.InvariantCulture),
    };
}
