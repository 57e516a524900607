using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>
/// The number an applicant quotes at the counter or on the phone (办件编号): "SH", the day of submission and
/// 8 random Crockford base32 characters, which leave out I, L, O and U so nothing read aloud is mistaken.
/// </summary>
public static partial class TrackingNumber
{
    public const int Length = 18;
    const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>40 random bits per day: a clash is practically impossible, and the unique key refuses one anyway.</summary>
    public static string New(DateTime utcNow) =>
        "SH" + CountyClock.Today(utcNow).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetString(Alphabet, 8);

    /// <summary>The number as issued, or null when the text cannot be one. People type it in lower case too.</summary>
    public static string? Normalize(string text)
    {
        var candidate = text.Trim().ToUpperInvariant();
        return Shape().IsMatch(candidate) ? candidate : null;
    }

    [GeneratedRegex("^SH[0-9]{8}[0-9A-HJKMNP-TV-Z]{8}$")]
    private static partial Regex Shape();
}
