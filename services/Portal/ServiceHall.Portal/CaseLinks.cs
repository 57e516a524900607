namespace ServiceHall.Portal;

/// <summary>Where a case is shown: to its applicant under 我的办件, to officers on the workbench.</summary>
public static class CaseLinks
{
    public static string Mine(string trackingNumber) => "/my/applications/" + Uri.EscapeDataString(trackingNumber);

    public static string Work(string trackingNumber) => "/work/cases/" + Uri.EscapeDataString(trackingNumber);

    public static string Apply(string itemId) => HitLinks.ItemPage(itemId) + "/apply";
}
