using ServiceHall.Catalog.V1;
using ServiceHall.Credit.V1;
using ServiceHall.Disclosures.V1;

namespace ServiceHall.Search.Tests;

/// <summary>Sample integration events as the catalog, credit and disclosures services publish them.</summary>
static class Events
{
    public static ItemChanged IdCardItem(long version, ItemStatus status = ItemStatus.Published, string name = "居民身份证申领") => new()
    {
        EventId = Guid.NewGuid().ToString(),
        ItemId = "item-1",
        Version = version,
        Status = status,
        Code = "330000-GA-001",
        Name = name,
        DepartmentName = "县公安局",
        ItemType = "行政确认",
        Conditions = "具有本县常住户口的中国公民",
        MaterialNames = { "居民户口簿", "近期免冠照片" },
    };

    public static QuestionPublished IdCardQuestion(long version) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        QuestionId = "q-1",
        Version = version,
        ItemId = "item-1",
        ItemName = "居民身份证申领",
        DepartmentName = "县公安局",
        Question = "身份证过期了，可以在乡镇换领吗？",
        Answer = "可以，本县各乡镇便民服务中心均可受理。",
    };

    public static EntityChanged RestaurantWithPenalty(long version) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        Code = "91330881MA2XXXXX1Q",
        Version = version,
        Name = "江山市好味道餐饮有限公司",
        EntityCategory = "有限责任公司",
        Address = "江山市中山路1号",
        Records =
        {
            new PublicRecord { Id = "pen-1", Kind = RecordKind.Penalty, Title = "食品安全行政处罚", Summary = "使用超过保质期的食品原料，罚款五千元" },
        },
    };

    public static DisclosurePublished WaterTariff(long version) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        DisclosureId = "disc-1",
        Version = version,
        OrganizationId = "org-water",
        OrganizationName = "县自来水公司",
        Sector = Sector.Water,
        Kind = DisclosureKind.FeeSchedule,
        Title = "居民生活用水阶梯水价",
        Body = "第一阶梯年用水量180立方米以内，每立方米2.9元；第二阶梯按1.5倍计价。",
    };
}
