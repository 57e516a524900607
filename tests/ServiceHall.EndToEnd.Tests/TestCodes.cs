using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>Fresh valid unified social credit codes for test data, computed independently of the credit service (docs/domain.md §7).</summary>
static class TestCodes
{
    /// <summary>The valid example ID number of docs/domain.md §6 and a mobile number: what an applicant types into a form.</summary>
    public const string DemoResidentId = "11010519491231002X";
    public const string DemoMobile = "13800138000";

    const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    static readonly int[] OrgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>
    /// A fresh code that does not also read as a resident ID: about one all-digit code in 40 passes the ID's check
    /// character too, and the journeys' personal-number checks, which see a code on a page as text, would take it
    /// for one (the hall itself knows a code field from an ID; docs/domain.md §6).
    /// </summary>
    public static string NewCreditCode()
    {
        while (true)
        {
            var code = AnyCreditCode();
            if (!ServiceHall.Domain.PersonalNumbers.Found(code))
            {
                return code;
            }
        }
    }

    static string AnyCreditCode()
    {
        var digits = Random.Shared.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var orgSum = digits.Select((c, i) => (c - '0') * OrgWeights[i]).Sum();
        var orgCheck = (11 - orgSum % 11) switch { 10 => 'X', 11 => '0', var v => (char)('0' + v) };
        var body = "91" + DemoCounty.Area + digits + orgCheck;
        var sum = body.Select((c, i) => Charset.IndexOf(c) * Weights[i]).Sum();
        var check = (31 - sum % 31) % 31;
        return body + Charset[check];
    }

    /// <summary>A 15-digit 工商注册号 of the county with its ISO 7064 MOD 11,10 check digit.</summary>
    public static string NewRegistrationNumber()
    {
        var first = DemoCounty.Area + Random.Shared.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var p = 10;
        foreach (var c in first)
        {
            var s = p % 11 + (c - '0');
            p = (s % 10 == 0 ? 10 : s % 10) * 2;
        }
        return first + (char)('0' + (11 - p % 11) % 10);
    }
}
