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
            throw new RpcException(new Status(StatusCode.PermissionDenied, "登录凭证中没有用户标识，申请无法归属到申请人；请重新登录"));
        }
        if (user.FindFirstValue(HallClaims.ApplicantKind) != Business)
        {
            return new(subject, Person, "");
        }
        var creditCode = ServiceHall.Domain.CreditCode.Normalize(user.CreditCode());
        if (creditCode.Length == 0)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                "以企业身份登录但没有统一社会信用代码；请用本企业账号重新登录后申请"));
        }
        var requested = ServiceHall.Domain.CreditCode.Normalize(requestedCreditCode);
        if (requested.Length > 0 && requested != creditCode)
        {
            throw new FieldErrors(V1.SubmitApplicationRequest.Descriptor)
                .Add("applicant_credit_code", $"只能以登录的本企业（{creditCode}）名义申请，不能代{requested}申请").Refusal(StatusCode.PermissionDenied);
        }
        return new(subject, Business, creditCode);
    }
}
