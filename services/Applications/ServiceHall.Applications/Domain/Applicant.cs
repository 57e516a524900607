using System.Security.Claims;
using Grpc.Core;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>
/// Who is applying, as their sign-in says: the token's subject owns the application; a business applies under
/// the credit code in its token (never one typed into the request), a person under their resident ID.
/// </summary>
public sealed record Applicant(string Subject, string Kind, string CreditCode)
{
    public const string Person = "person";
    public const string Business = "business";

    public bool IsBusiness => Kind == Business;

    /// <summary>
    /// The applicant of <paramref name="user"/>. A business sign-in without a credit code, or a request naming
    /// another business than the sign-in's, is PermissionDenied: nobody applies in another's name.
    /// </summary>
    public static Applicant Of(ClaimsPrincipal user, string requestedCreditCode)
    {
        var subject = user.Subject();
        if (subject.Length == 0)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "your sign-in carries no subject, so the application could have no owner"));
        }
        if (user.FindFirstValue(HallClaims.ApplicantKind) != Business)
        {
            return new(subject, Person, "");
        }
        var creditCode = ServiceHall.Domain.CreditCode.Normalize(user.CreditCode());
        if (creditCode.Length == 0)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                "you signed in as a business without a credit code; sign in again with your business account to apply"));
        }
        var requested = ServiceHall.Domain.CreditCode.Normalize(requestedCreditCode);
        if (requested.Length > 0 && requested != creditCode)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"applicant_credit_code: you may apply only for your own business {creditCode}, not for {requested}"));
        }
        return new(subject, Business, creditCode);
    }
}
