using System.Text.RegularExpressions;

namespace ServiceHall.Domain;

/// <summary>
/// Resident ID numbers (GB 11643) and mobile numbers are personal information (docs/domain.md §6): text holding one is
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

    /// <summary>The display mask of docs/domain.md §6: first 3 and last 4 kept, never the birth date (110***********002X).</summary>
    public static string MaskResidentId(string id) =>
        id.Length <= 7 ? new string('*', id.Length) : id[..3] + new string('*', id.Length - 7) + id[^4..];

    /// <summary>138****5678.</summary>
    public static string MaskMobile(string mobile) =>
        mobile.Length <= 7 ? new string('*', mobile.Length) : mobile[..3] + new string('*', mobile.Length - 7) + mobile[^4..];

    /// <summary>The text with every resident ID and mobile number in it masked; other numbers stay as they are.</summary>
    public static string MaskAll(string text)
    {
        var ids = IdCandidate().Replace(text, m => IsResidentId(m.Value.ToUpperInvariant()) ? MaskResidentId(m.Value) : m.Value);
        return Mobile().Replace(ids, m => MaskMobile(m.Value));
    }

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

    // Not inside a longer run of letters and digits: a hexadecimal id (an item's GUID) may hold eleven digits in a row.
    [GeneratedRegex(@"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")]
    private static partial Regex Mobile();
}
