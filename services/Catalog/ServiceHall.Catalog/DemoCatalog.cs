using Microsoft.EntityFrameworkCore;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.Messaging;

namespace ServiceHall.Catalog;

/// <summary>A few published items for the embedded demo (Seed:Demo=true); written once, through the same outbox as any change.</summary>
public static class DemoCatalog
{
    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        if (await db.Items.AnyAsync())
        {
            return;
        }
        foreach (var guide in Guides())
        {
            ItemRules.CheckPublish(guide).ThrowIfAny();
            var item = ItemRecord.Create(guide);
            item.Publish();
            db.Items.Add(item);
            db.Add(OutboxMessage.For(Topics.CatalogItemChanged, item.ToEvent()));
        }
        await db.SaveChangesAsync();
    }

    static IEnumerable<ItemGuide> Guides()
    {
        yield return Guide("000201001000-331122000000-000-11331122MB0000001X-1-00", "居民身份证申领", "县公安局", "行政确认",
            "具有本县常住户口的中国公民，年满十六周岁应当申请领取居民身份证；未满十六周岁的可以申请领取。",
            20, 15, "县政务服务中心一楼公安窗口", "0578-8123110", "0578-8123111",
            [("居民户口簿", true), ("近期免冠彩色照片（现场采集）", true)],
            [("居民身份证工本费", "20元/证", "《居民身份证法》第二十条；财政部 国家发展改革委财综〔2007〕34号")]);
        yield return Guide("000201002000-331122000000-000-11331122MB0000001X-1-00", "户口迁移（户籍迁入）", "县公安局", "行政确认",
            "符合本县户籍准入条件的人员，可申请将户口迁入本县。",
            20, 10, "县政务服务中心一楼公安窗口", "0578-8123110", "0578-8123111",
            [("居民户口簿", true), ("居民身份证", true), ("合法稳定住所证明", true)], []);
        yield return Guide("000105001000-331122000000-000-11331122MB0000002X-1-00", "个体工商户设立登记", "县市场监督管理局", "行政许可",
            "有经营能力的公民，依照《促进个体工商户发展条例》规定经市场监督管理部门登记，从事工商业经营。",
            15, 3, "县政务服务中心二楼市场监管窗口", "0578-8123200", "0578-8123201",
            [("个体工商户登记（备案）申请书", true), ("经营者身份证明", true), ("经营场所使用证明", true)], []);
        yield return Guide("000105002000-331122000000-000-11331122MB0000002X-1-00", "食品经营许可", "县市场监督管理局", "行政许可",
            "具有与经营的食品品种、数量相适应的经营场所、设备设施、管理人员和规章制度。依据《中华人民共和国食品安全法》第三十五条。",
            20, 10, "县政务服务中心二楼市场监管窗口", "0578-8123200", "0578-8123201",
            [("食品经营许可申请书", true), ("营业执照复印件", true), ("食品安全管理制度文本", true)], []);
        yield return Guide("000108001000-331122000000-000-11331122MB0000003X-1-00", "结婚登记", "县民政局", "行政确认",
            "男女双方完全自愿，男年满二十二周岁、女年满二十周岁，且符合《中华人民共和国民法典》第一千零四十六条至第一千零五十一条规定。",
            1, 1, "县婚姻登记处（县民政局一楼）", "0578-8123300", "0578-8123301",
            [("本人居民身份证", true), ("本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明", true)], []);
        yield return Guide("000106001000-331122000000-000-11331122MB0000004X-1-00", "城乡居民基本养老保险参保登记", "县人力资源和社会保障局", "公共服务",
            "年满十六周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险制度覆盖范围的城乡居民。",
            5, 1, "县政务服务中心三楼社保窗口", "0578-8123400", "0578-8123401",
            [("居民身份证或户口簿", true)], []);
    }

    static ItemGuide Guide(string code, string name, string department, string type, string conditions,
        int statutory, int promised, string place, string phone, string complaint,
        (string Name, bool Required)[] materials, (string Name, string Standard, string Basis)[] fees)
    {
        var guide = new ItemGuide
        {
            Code = code, Name = name, Department = department, ItemType = type, Conditions = conditions,
            StatutoryLimitDays = statutory, PromisedLimitDays = promised, Place = place,
            ContactPhone = phone, ComplaintPhone = complaint,
        };
        guide.Materials.AddRange(materials.Select(m => new Material { Name = m.Name, Required = m.Required, Copies = 1 }));
        guide.Fees.AddRange(fees.Select(f => new Fee { Name = f.Name, Standard = f.Standard, Basis = f.Basis }));
        return guide;
    }
}
