using System.Text.RegularExpressions;

namespace ServiceHall.Search;

/// <summary>
/// Resident ID numbers (GB 11643) are personal information: a query holding one is refused without being
/// searched, logged or repeated back (domain.md §3). Only numbers with a valid check character count, so a
/// 15-digit business registration number (工商注册号) is still searched.
/// </summary>
public static partial class PersonalNumbers
{
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string Checks = "10X98765432";

    public static bool ContainsResidentId(string text) =>
        Candidate().Matches(text).Any(m => IsResidentId(m.Value.ToUpperInvariant()));

    public static bool IsResidentId(string value)
    {
        if (value.Length != 18)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (value[i] - '0') * Weights[i];
        }
        return value[17] == Checks[sum % 11];
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex Candidate();
}
