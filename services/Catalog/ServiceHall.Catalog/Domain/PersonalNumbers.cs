using System.Text.RegularExpressions;

namespace ServiceHall.Catalog;

/// <summary>
/// Resident ID and mobile numbers are personal information (domain.md §3): they must never reach public Q&amp;A
/// or the search index, so text that contains one is refused before it is published.
/// </summary>
public static partial class PersonalNumbers
{
    public static bool Found(string text) => Pattern().IsMatch(text);

    [GeneratedRegex(@"(?<!\d)(\d{17}[\dXx]|\d{15}|1[3-9]\d{9})(?![\dXx])")]
    private static partial Regex Pattern();
}
