namespace ServiceHall.Domain;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last a check character
/// over the first 17, with positions 9–17 an organisation code (组织机构代码, GB 11714) carrying its own check.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;

    /// <summary>The code's alphabet, valued 0..30 in this order; I, O, S, V and Z are left out so they cannot be misread.</summary>
    public const string Characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>The organisation code values its characters over the full alphabet, 0..35.</summary>
    const string OrganisationCharacters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Upper case without surrounding blanks: codes are pasted from licences and typed in lower case.</summary>
    public static string Normalize(string? input) => (input ?? "").Trim().ToUpperInvariant();

    public static bool IsValid(string? input) => Problem(Normalize(input)) is null;

    /// <summary>What is wrong with an already normalized code, in Chinese, to follow the field's label (统一社会信用代码：…); null when it is valid.</summary>
    public static string? Problem(string code)
    {
        if (code.Length == 0)
        {
            return "必填";
        }
        if (code.Length != Length)
        {
            return $"应为{Length}位，现为{code.Length}位";
        }
        var outside = code.Select((c, i) => (c, Position: i + 1)).Where(x => !Characters.Contains(x.c)).ToList();
        if (outside.Count > 0)
        {
            var listed = string.Join("、", outside.Select(x => $"第{x.Position}位的“{x.c}”"));
            return $"{listed}不能使用（统一社会信用代码只用数字0-9和字母{Characters[10..]}）";
        }
        var organisationCheck = OrganisationCheckCharacter(code[8..16]);
        if (code[16] != organisationCheck)
        {
            return $"组织机构代码校验码（第17位）应为“{organisationCheck}”，不是“{code[16]}”";
        }
        var check = CheckCharacter(code[..17]);
        if (code[17] != check)
        {
            return $"校验码（第18位）应为“{check}”，不是“{code[17]}”";
        }
        return null;
    }

    /// <summary>Position 18: 31 − (Σ value × 3^(i−1) mod 31, mod 31), where 31 becomes '0'.</summary>
    public static char CheckCharacter(string first17)
    {
        if (first17.Length != Length - 1 || first17.Any(c => !Characters.Contains(c)))
        {
            throw new ArgumentException($"expected the first {Length - 1} characters of a credit code, got '{first17}'", nameof(first17));
        }
        int sum = 0, weight = 1;
        foreach (var c in first17)
        {
            sum += Characters.IndexOf(c) * weight;
            weight = weight * 3 % 31;
        }
        var check = 31 - sum % 31;
        return Characters[check == 31 ? 0 : check];
    }

    /// <summary>GB 11714: 11 − (Σ value × weight mod 11), where 10 becomes 'X' and 11 becomes '0'.</summary>
    public static char OrganisationCheckCharacter(string body)
    {
        if (body.Length != OrganisationWeights.Length || body.Any(c => !OrganisationCharacters.Contains(c)))
        {
            throw new ArgumentException($"expected the 8-character body of an organisation code, got '{body}'", nameof(body));
        }
        var sum = body.Select((c, i) => OrganisationCharacters.IndexOf(c) * OrganisationWeights[i]).Sum();
        return (11 - sum % 11) switch
        {
            10 => 'X',
            11 => '0',
            var digit => (char)('0' + digit),
        };
    }
}
