using ServiceHall.Catalog.V1;

namespace ServiceHall.Applications.Materials;

/// <summary>One material the item's guide lists (申请材料), under whose name files are attached to a case.</summary>
/// <param name="Required">
/// 必要 and possible to give electronically: a material only on paper (材料形式 纸质) is brought to the window, and
/// one marked 容缺后补 may follow later, so neither is demanded online.
/// </param>
public sealed record MaterialSlot(string Name, bool Required)
{
    public static List<MaterialSlot> Of(ItemGuide guide) =>
    [
        .. guide.Materials
            .Where(m => m.Name.Trim().Length > 0)
            .Select(m => new MaterialSlot(m.Name.Trim(), m.Necessity.Trim() == "必要" && m.Form.Trim() != "纸质"))
            .DistinctBy(m => m.Name),
    ];
}
