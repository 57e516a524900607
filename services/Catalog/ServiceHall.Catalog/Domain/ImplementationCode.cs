using System.Text.RegularExpressions;

namespace ServiceHall.Catalog;

/// <summary>
/// 实施编码: the code of an item as one body implements it. Observed shape on the national platform:
/// {基本编码}-{12-digit area code}-000-{implementing body's credit code}-{n}-{nn}.
/// </summary>
public static partial class ImplementationCode
{
    public static string Compose(string basicCode, string areaCode, string departmentCode, int businessItem = 1) =>
        $"{basicCode}-{areaCode}-000-{departmentCode}-{businessItem}-00";

    public static bool Matches(string code, string basicCode, string departmentCode)
    {
        var m = Shape().Match(code);
        return m.Success && m.Groups["basic"].Value == basicCode && m.Groups["body"].Value == departmentCode;
    }

    [GeneratedRegex(@"^(?<basic>\d{12})-\d{12}-000-(?<body>[0-9A-Z]{18})-\d-\d{2}$")]
    private static partial Regex Shape();
}
