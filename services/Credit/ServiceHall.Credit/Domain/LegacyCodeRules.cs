using ServiceHall.Credit.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

/// <summary>The optional older codes and the status a registration may carry (docs/domain.md §7).</summary>
public static partial class CreditRules
{
    static void CheckLegacyCodes(FieldErrors errors, RegisterEntityRequest request, string code)
    {
        var registrationNumber = LegacyCodes.Normalize(request.RegistrationNumber);
        if (registrationNumber.Length > 0 && LegacyCodes.RegistrationNumberProblem(registrationNumber) is { } numberProblem)
        {
            errors.Add("registration_number", numberProblem);
        }
        var organisationCode = LegacyCodes.Normalize(request.OrganisationCode);
        if (organisationCode.Length > 0)
        {
            if (LegacyCodes.OrganisationCodeProblem(organisationCode) is { } codeProblem)
            {
                errors.Add("organisation_code", codeProblem);
            }
            // GB 32100 carries the organisation code in positions 9–17; a different one is a typing mistake.
            else if (CreditCode.Problem(code) is null && LegacyCodes.OrganisationCodeOf(code) != organisationCode)
            {
                errors.Add("organisation_code", $"应与统一社会信用代码第9至17位（{LegacyCodes.OrganisationCodeOf(code)}）一致");
            }
        }
        if (!Enum.IsDefined(request.Status))
        {
            errors.Add("status", "不是已知的登记状态");
        }
    }
}
