using System.Security.Claims;
using Grpc.Core;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>
/// Who is applying, as their sign-in says: the token's subject owns the application; a business applies under
/// the credit code in its token (never one typed into the request), a person under their resident ID. Where the
/// identity provider verified the person's name and resident ID (实名认证), those are the applicant's, not what
/// the request says.
/// </summary>
public sealed record Applicant(string Subject, string Kind, string CreditCode, string VerifiedName = "", string VerifiedIdNumber = "")
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
        var verifiedName = user.FindFirstValue(HallClaims.VerifiedName)?.Trim() ?? "";
        var verifiedIdNumber = SubmissionRules.NormalizeIdNumber(user.FindFirstValue(HallClaims.VerifiedIdNumber) ?? "");
        if (user.FindFirstValue(HallClaims.ApplicantKind) != Business)
        {
            return new(subject, Person, "", verifiedName, verifiedIdNumber);
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
        // A business's verified person is its handler (经办人): their ID counts, the applicant's name is the business's.
        return new(subject, Business, creditCode, "", verifiedIdNumber);
    }

    /// <summary>
    /// An item serves the audiences its guide names (服务对象: 自然人, 法人): a person applies only for one that serves
    /// 自然人, a business only for one that serves 法人. A guide naming none is open to both.
    /// </summary>
    public void EnsureServedBy(Catalog.V1.ServiceItem item)
    {
        var audiences = item.Guide.Audiences.Select(a => a.Trim()).ToList();
        var needed = IsBusiness ? "法人" : "自然人";
        if (audiences.Count > 0 && !audiences.Contains(needed))
        {
            throw new FieldErrors(V1.SubmitApplicationRequest.Descriptor).Add("item_id",
                $"“{item.Guide.Name}”的服务对象是{string.Join("、", audiences)}，{(IsBusiness ? "企业" : "个人")}不能申请").Refusal(StatusCode.FailedPrecondition);
        }
    }

    /// <summary>
    /// Fills the request's empty name and resident ID from the verified identity, and refuses (PermissionDenied) one
    /// that differs from it: nobody applies under another person's name or number. The refusal never repeats a number.
    /// </summary>
    public void TakeVerifiedIdentity(V1.SubmitApplicationRequest request)
    {
        var errors = new FieldErrors(V1.SubmitApplicationRequest.Descriptor);
        if (VerifiedName.Length > 0)
        {
            if (request.ApplicantName.Trim().Length == 0)
            {
                request.ApplicantName = VerifiedName;
            }
            else if (request.ApplicantName.Trim() != VerifiedName)
            {
                errors.Add("applicant_name", "与登录账号实名认证的姓名不一致；请以本人身份申请，或不填由系统带出");
            }
        }
        if (VerifiedIdNumber.Length > 0)
        {
            var requested = SubmissionRules.NormalizeIdNumber(request.ApplicantIdNumber);
            if (requested.Length == 0)
            {
                request.ApplicantIdNumber = VerifiedIdNumber;
            }
            else if (requested != VerifiedIdNumber)
            {
                errors.Add("applicant_id_number", "与登录账号实名认证的身份证号码不一致；请以本人身份申请，或不填由系统带出");
            }
        }
        if (errors.Any)
        {
            throw errors.Refusal(StatusCode.PermissionDenied);
        }
    }
}
