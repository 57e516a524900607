using Microsoft.EntityFrameworkCore;
using ServiceHall.Disclosures.Data;
using ServiceHall.Disclosures.V1;
using ServiceHall.Messaging;

namespace ServiceHall.Disclosures;

/// <summary>
/// Three units of the county (镇康县) and what they disclose, for the embedded demo (Seed:Demo=true); written once, through
/// the same rules and the same outbox as any publication, so search sees them as it would see real ones.
/// </summary>
public static class DemoDisclosures
{
    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosuresDb>();
        if (await db.Organizations.AnyAsync())
        {
            return;
        }
        var now = DateTime.UtcNow;
        foreach (var (unit, disclosures) in Units())
        {
            DisclosureRules.CheckOrganization(unit).ThrowIfAny();
            var organization = OrganizationRecord.Create(unit);
            db.Organizations.Add(organization);
            foreach (var request in disclosures)
            {
                request.OrganizationId = organization.Id;
                DisclosureRules.CheckDisclosure(request).ThrowIfAny();
                var disclosure = DisclosureRecord.Publish(organization, request, now);
                db.Disclosures.Add(disclosure);
                db.Add(OutboxMessage.For(Topics.DisclosurePublished, disclosure.ToEvent(organization)));
            }
        }
        await db.SaveChangesAsync();
    }

    static IEnumerable<(RegisterOrganizationRequest Unit, PublishDisclosureRequest[] Disclosures)> Units()
    {
        yield return (Unit("county-peoples-hospital", "镇康县人民医院", Sector.Health),
        [
            Disclosure(DisclosureKind.FeeSchedule, "门诊常用医疗服务收费标准", "2025-01-01",
                """
                一、普通门诊诊察费：主任医师 25 元/次，副主任医师 20 元/次，主治及以下医师 15 元/次。
                二、急诊诊察费：20 元/次（含夜间急诊）。
                三、静脉输液（首瓶）：10 元/组，每增加一瓶 3 元。
                收费依据：省医疗保障局、省卫生健康委员会公布的《省医疗服务价格项目目录》及现行价格；
                医保患者按县医疗保障局规定的比例结算。以上项目如有调整，以收费处公示为准。
                """),
            Disclosure(DisclosureKind.ComplaintChannel, "医疗服务投诉渠道", "2025-01-01",
                """
                投诉受理部门：医院医患关系办公室（门诊楼一楼东侧），工作日 8:00—17:00。
                投诉电话：0883-6310000；院长信箱：门诊大厅及各病区护士站。
                对处理结果不满意的，可向县卫生健康局投诉（0883-6050001），也可拨打 12345 政务服务便民热线。
                医院承诺：一般投诉 5 个工作日内答复，涉及多部门的 10 个工作日内答复。
                """),
        ]);
        yield return (Unit("county-experimental-primary-school", "镇康县实验小学", Sector.Education),
        [
            Disclosure(DisclosureKind.FeeSchedule, "义务教育阶段收费公示", "2025-09-01",
                """
                本校实施义务教育，不收学费、杂费，教科书免费提供。
                收费依据：《中华人民共和国义务教育法》第二条“实施义务教育，不收学费、杂费”。
                午餐费等服务性收费由家长自愿选择，按县发展和改革局核定标准收取，据实结算，学期末公示。
                严禁以任何名义收取择校费、赞助费。举报电话：县教育局 0883-6060001。
                """),
            Disclosure(DisclosureKind.Commitment, "新生入学服务承诺", "2025-05-01",
                """
                一、招生范围、条件、时间和程序在报名前 30 日向社会公布。
                二、材料齐全的，现场当日完成入学登记，一次办结；材料不全的，一次性告知需补正的材料。
                三、招生结果在县教育局网站和学校公示栏同时公示 5 个工作日。
                咨询电话：0883-6320000（学校教务处）。
                """),
        ]);
        yield return (Unit("county-water-company", "镇康县自来水有限公司", Sector.Water),
        [
            Disclosure(DisclosureKind.FeeSchedule, "居民生活用水阶梯水价", "2024-07-01",
                """
                第一阶梯（年用水量 0—216 立方米）：2.80 元/立方米；
                第二阶梯（217—300 立方米）：4.20 元/立方米；
                第三阶梯（300 立方米以上）：8.40 元/立方米。
                以上价格含污水处理费 0.95 元/立方米。
                收费依据：《城镇供水价格管理办法》及县发展和改革局核定的本县供水价格。
                """),
            Disclosure(DisclosureKind.Commitment, "用水报装服务承诺", "2024-07-01",
                """
                居民用户报装：资料齐全的，受理后 3 个工作日内完成现场勘查，具备条件的 5 个工作日内通水。
                非居民用户报装：受理后 5 个工作日内出具供水方案。
                计划停水提前 24 小时通过短信、公众号和小区公告通知；抢修 24 小时不间断。
                服务热线：0883-6330000；投诉电话：0883-6330001。
                """),
        ]);
    }

    static RegisterOrganizationRequest Unit(string id, string name, Sector sector) => new() { Id = id, Name = name, Sector = sector };

    static PublishDisclosureRequest Disclosure(DisclosureKind kind, string title, string effectiveDate, string body) =>
        new() { Kind = kind, Title = title, EffectiveDate = effectiveDate, Body = body };
}
