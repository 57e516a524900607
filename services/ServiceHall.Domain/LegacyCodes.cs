namespace ServiceHall.Domain;

/// <summary>
/// The codes an entity carried before the unified social credit code (docs/domain.md §7), still printed on old
/// licences and asked for by banks: the 15-digit 工商注册号 (GS 15-2006, its last digit an ISO 7064 MOD 11,10
/// check) and the 9-character 组织机构代码 (GB 11714, 8 characters and a check character; written with or without
/// the hyphen before the check).
/// </summary>
public static class LegacyCodes
{
    public const int RegistrationNumberLength = 15;
    public const int OrganisationCodeLength = 9;

    /// <summary>Upper case, without blanks or the hyphen people write before an organisation code's check character.</summary>
    public static string Normalize(string? input) =>
        new string((input ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();

    /// <summary>What is wrong with a normalized 工商注册号, in Chinese; null when it is valid.</summary>
    public static string? RegistrationNumberProblem(string number)
    {
        if (number.Length != RegistrationNumberLength)
        {
            return $"应为{RegistrationNumberLength}位数字，现为{number.Length}位";
        }
        if (!number.All(char.IsAsciiDigit))
        {
            return "只能由数字组成";
        }
        var check = RegistrationCheckDigit(number[..14]);
        return number[14] == check ? null : $"校验位（第15位）应为“{check}”，不是“{number[14]}”";
    }

    /// <summary>What is wrong with a normalized 组织机构代码, in Chinese; null when it is valid.</summary>
    public static string? OrganisationCodeProblem(string code)
    {
        if (code.Length != OrganisationCodeLength)
        {
            return $"应为{OrganisationCodeLength}位，现为{code.Length}位";
        }
        if (!code[..8].All(char.IsAsciiLetterOrDigit) || !(char.IsAsciiDigit(code[8]) || code[8] == 'X'))
        {
            return "前8位只能是数字或大写字母，校验码只能是数字或X";
        }
        var check = CreditCode.OrganisationCheckCharacter(code[..8]);
        return code[8] == check ? null : $"校验码（第9位）应为“{check}”，不是“{code[8]}”";
    }

    public static bool IsRegistrationNumber(string normalized) => RegistrationNumberProblem(normalized) is null;

    public static bool IsOrganisationCode(string normalized) => OrganisationCodeProblem(normalized) is null;

    /// <summary>
    /// ISO 7064 MOD 11,10 over 14 digits: P₁ = 10, Sᵢ = (Pᵢ mod 11) + aᵢ, Pᵢ₊₁ = ((Sᵢ mod 10) or 10) × 2; the check
    /// digit makes (P₁₅ mod 11 + check) mod 10 equal 1.
    /// </summary>
    public static char RegistrationCheckDigit(string first14)
    {
        if (first14.Length != RegistrationNumberLength - 1 || !first14.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"expected the first 14 digits of a registration number, got '{first14}'", nameof(first14));
        }
        var p = 10;
        foreach (var c in first14)
        {
            var s = p % 11 + (c - '0');
            p = (s % 10 == 0 ? 10 : s % 10) * 2;
        }
        return (char)('0' + (11 - p % 11) % 10);
    }

    /// <summary>The organisation code a unified social credit code carries in positions 9–17 (GB 32100).</summary>
    public static string OrganisationCodeOf(string creditCode) => creditCode[8..17];
}
