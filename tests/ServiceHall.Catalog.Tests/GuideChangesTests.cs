using ServiceHall.Catalog.V1;

namespace ServiceHall.Catalog.Tests;

public sealed class GuideChangesTests
{
    [Fact]
    public void Changes_are_told_per_guide_heading_with_before_and_after()
    {
        var before = Sample.Guide();
        var after = Sample.Guide();
        after.PromisedLimit.Value = 7;
        after.Materials.RemoveAt(1);
        after.Materials.Add(new Material { Name = "近期免冠彩色照片", Type = "原件", Form = "纸质", Necessity = "必要", Copies = 2, Source = "申请人自备" });
        after.Materials[0].Copies = 2;
        after.OnlineDepth = OnlineDepth.FullyOnline;

        var lines = GuideChanges.Between(before, after);

        Assert.Equal(
        [
            "承诺办结时限：15自然日 → 7自然日",
            "网上办理深度：3 → 4",
            "申报材料：新增「近期免冠彩色照片」；删除「居民身份证申领登记表」；修改「居民户口簿」",
        ], lines);
    }

    [Fact]
    public void Equal_guides_have_no_changes() => Assert.Empty(GuideChanges.Between(Sample.Guide(), Sample.Guide()));
}
