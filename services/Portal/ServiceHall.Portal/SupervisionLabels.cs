using Microsoft.Extensions.Localization;
using ServiceHall.Applications.V1;

namespace ServiceHall.Portal;

/// <summary>The words and addresses of 电子监察 in the portal: warning levels as text (never colour alone), the supervisor's pages.</summary>
public static class SupervisionLabels
{
    public static string Warning(IStringLocalizer text, WarningLevel level) => level switch
    {
        WarningLevel.Yellow => text["WarningYellow"],
        WarningLevel.Red => text["WarningRed"],
        WarningLevel.StatutoryOverdue => text["WarningStatutory"],
        _ => text["WarningNone"],
    };

    public static readonly WarningLevel[] Levels = [WarningLevel.Yellow, WarningLevel.Red, WarningLevel.StatutoryOverdue];

    public const string Board = "/supervise";

    public static string Case(string trackingNumber) => "/supervise/cases/" + Uri.EscapeDataString(trackingNumber);

    public static string List(string departmentCode, WarningLevel level, bool extended) =>
        $"{Board}?department={Uri.EscapeDataString(departmentCode)}" + (extended ? "&extended=1" : level == WarningLevel.Unspecified ? "" : "&level=" + level) + "#cases";
}
