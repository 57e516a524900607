using ServiceHall.Applications.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>Why someone asks for an applicant's whole numbers: one short line, kept in the audit trail with the reveal.</summary>
public static class RevealReason
{
    public const int MaxLength = 200;

    public static FieldErrors Check(string reason)
    {
        var errors = new FieldErrors(RevealApplicantRequest.Descriptor).Required("reason", reason).MaxLength("reason", reason.Trim(), MaxLength);
        if (reason.Trim().IndexOfAny(['\r', '\n']) >= 0)
        {
            errors.Add("reason", "只能写一行");
        }
        return errors;
    }
}
