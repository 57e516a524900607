using System.Text.RegularExpressions;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// Resident ID numbers (GB 11643) and mobile numbers are personal information (domain.md §3): text holding one is
/// refused where it would become public or searched, and the number is never repeated back. An ID number counts
/// only with a valid check character (ISO 7064 MOD 11-2), so a 15-digit business registration number (工商注册号)
/// or another long number is not mistaken for one.
/// </summary>
public static partial class PersonalNumbers
{
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string Checks = "10X98765432";

    public static bool ContainsResidentId(string text) =>
        IdCandidate().Matches(text).Any(m => IsResidentId(m.Value.ToUpperInvariant()));

    public static bool ContainsMobile(string text) => Mobile().IsMatch(text);

    /// <summary>Either kind of personal number.</summary>
    public static bool Found(string text) => ContainsResidentId(text) || ContainsMobile(text);

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
    private static partial Regex IdCandidate();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();
}
