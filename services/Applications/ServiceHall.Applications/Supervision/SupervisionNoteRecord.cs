using Google.Protobuf.WellKnownTypes;
using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications.Supervision;

/// <summary>督办: a supervisor's note on a case, which the case's department must answer. Append-only.</summary>
public sealed class SupervisionNoteRecord
{
    public const int MaxTextLength = 2000;

    public required string Id { get; init; }
    public required string TrackingNumber { get; init; }
    /// <summary>Copied from the case: the department that must answer.</summary>
    public required string DepartmentCode { get; init; }
    public required string Text { get; init; }
    public required string WrittenBySubject { get; init; }
    public required string WrittenByName { get; init; }
    public DateTime WrittenAt { get; init; }

    /// <summary>Numbers someone typed into a note or an answer are masked for every reader.</summary>
    public SupervisionNote ToMessage(SupervisionAnswerRecord? answer)
    {
        var note = new SupervisionNote
        {
            NoteId = Id,
            TrackingNumber = TrackingNumber,
            Text = PersonalNumbers.MaskAll(Text),
            WrittenBy = WrittenByName,
            WrittenAt = Timestamp.FromDateTime(WrittenAt),
        };
        if (answer is not null)
        {
            note.Answered = true;
            note.Answer = PersonalNumbers.MaskAll(answer.Answer);
            note.AnsweredBy = answer.AnsweredByName;
            note.AnsweredAt = Timestamp.FromDateTime(answer.AnsweredAt);
        }
        return note;
    }
}

/// <summary>The department's answer to a 督办 note: one per note (its key), append-only.</summary>
public sealed class SupervisionAnswerRecord
{
    public required string NoteId { get; init; }
    public required string TrackingNumber { get; init; }
    public required string Answer { get; init; }
    public required string AnsweredBySubject { get; init; }
    public required string AnsweredByName { get; init; }
    public DateTime AnsweredAt { get; init; }
}
