using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceHall.Credit.V1;

namespace ServiceHall.Credit.Data;

/// <summary>
/// One version of a penalty record, kept when the record is first changed (its version as recorded) and at each
/// correction or withdrawal after (docs/domain.md §8). The record itself holds the current state; a record never
/// changed has no versions here and is its own first revision.
/// </summary>
public sealed class PenaltyRevision
{
    public const string Recorded = "recorded";
    public const string Corrected = "corrected";
    public const string Withdrawn = "withdrawn";

    public long Id { get; init; }
    public required string PenaltyId { get; init; }
    public int Revision { get; init; }
    /// <summary><see cref="Recorded"/>, <see cref="Corrected"/> or <see cref="Withdrawn"/>.</summary>
    public required string Change { get; init; }
    /// <summary>The record's content in this version (a PenaltyRecord message as JSON), as stored: masked on the way out.</summary>
    public required string Content { get; init; }
    public string Reason { get; init; } = "";
    /// <summary>Who changed it (the editor's subject); empty for the recording.</summary>
    public string Actor { get; init; } = "";
    public DateTime At { get; init; }

    public static PenaltyRevision Of(PenaltyRecord penalty, string change, string reason, string actor, DateTime at) => new()
    {
        PenaltyId = penalty.Id,
        Revision = penalty.Revision,
        Change = change,
        Content = JsonFormatter.Default.Format(penalty.ToStored()),
        Reason = reason,
        Actor = actor,
        At = at,
    };

    public PenaltyVersion ToMessage() => new()
    {
        Revision = Revision,
        Change = Change switch { Corrected => PenaltyChange.Corrected, Withdrawn => PenaltyChange.Withdrawn, _ => PenaltyChange.Recorded },
        Record = Masked(V1.PenaltyRecord.Parser.ParseJson(Content)),
        Reason = PublicText.Masked(Reason),
        Actor = Actor,
        At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(At),
    };

    static V1.PenaltyRecord Masked(V1.PenaltyRecord stored)
    {
        foreach (var field in V1.PenaltyRecord.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType == Google.Protobuf.Reflection.FieldType.String && field.Name is not ("id" or "authority_code"))
            {
                field.Accessor.SetValue(stored, PublicText.Masked((string)field.Accessor.GetValue(stored)));
            }
        }
        return stored;
    }

    public static void Configure(EntityTypeBuilder<PenaltyRevision> e)
    {
        e.ToTable("penalty_revisions");
        e.HasKey(r => r.Id);
        e.HasIndex(r => new { r.PenaltyId, r.Revision }).IsUnique();
        e.Property(r => r.PenaltyId).HasMaxLength(32);
        e.Property(r => r.Change).HasMaxLength(16);
        e.Property(r => r.Reason).HasMaxLength(CreditRules.MaxTextLength);
        e.Property(r => r.Actor).HasMaxLength(CreditRules.MaxShortTextLength);
    }
}
