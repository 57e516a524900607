using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Data;

/// <summary>
/// An application being filled over several visits (暂存). The form is kept as the proto JSON of
/// SubmitApplicationRequest, so whatever the submission contract adds is saved too; it is read and written whole,
/// never queried.
/// </summary>
public sealed class DraftRecord
{
    public required string DraftId { get; init; }
    public required string OwnerSubject { get; init; }
    public required string ItemId { get; set; }
    public required string ItemName { get; set; }
    public required string Application { get; set; }
    public required DateTime SavedAt { get; set; }

    public SubmitApplicationRequest Form() => JsonParser.Default.Parse<SubmitApplicationRequest>(Application);

    public void Keep(SubmitApplicationRequest form) => Application = JsonFormatter.Default.Format(form);

    /// <summary>The draft as its owner sees it: personal numbers masked, as everywhere outside a reveal.</summary>
    public Draft ToMessage(TimeSpan lifetime)
    {
        var form = Form();
        form.ApplicantIdNumber = form.ApplicantIdNumber.Length > 0 ? PersonalNumbers.MaskResidentId(form.ApplicantIdNumber) : "";
        form.ApplicantPhone = form.ApplicantPhone.Length > 0 ? PersonalNumbers.MaskMobile(form.ApplicantPhone) : "";
        form.Note = PersonalNumbers.MaskAll(form.Note);
        return new Draft
        {
            DraftId = DraftId,
            ItemName = ItemName,
            Application = form,
            SavedAt = Timestamp.FromDateTime(SavedAt),
            ExpiresAt = Timestamp.FromDateTime(SavedAt + lifetime),
        };
    }
}
