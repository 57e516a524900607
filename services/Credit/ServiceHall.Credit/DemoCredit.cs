using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

/// <summary>
/// A few market entities of the county for the embedded demo (Seed:Demo=true), one with a penalty in publicity;
/// written once, checked by the same rules and announced through the same outbox as any change.
/// </summary>
public static class DemoCredit
{
    /// <summary>县市场监督管理局's unified social credit code, the department of the demo accounts shichang and xinyong.</summary>
    public const string MarketRegulation = "113311220259007426";

    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CreditDb>();
        if (await db.Entities.AnyAsync())
        {
            return;
        }
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var publicity = scope.ServiceProvider.GetRequiredService<IOptions<PublicityPeriod>>().Value;
        var today = PublicityPeriod.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (registration, penalty) in Entities(today))
        {
            CreditRules.CheckRegistration(registration, out var code).ThrowIfAny();
            var entity = Data.MarketEntity.Register(code, registration, now);
            if (penalty is not null)
            {
                var errors = new FieldErrors();
                var terms = CreditRules.CheckPenalty(errors, penalty, today, publicity);
                errors.ThrowIfAny();
                entity.AddPenalty(Data.PenaltyRecord.Create(code, penalty, terms!, now));
            }
            db.Entities.Add(entity);
            db.Add(OutboxMessage.For(Topics.CreditEntityChanged, entity.ToEvent(today)));
        }
        await db.SaveChangesAsync();
    }

    static IEnumerable<(RegisterEntityRequest, V1.PenaltyRecord?)> Entities(DateOnly today)
    {
        // Dated relative to today so the demo penalty stays in publicity however long the demo data lives.
        var decided = today.AddMonths(-5);
        yield return (new RegisterEntityRequest
        {
            Code = "91331122MA2E5K7L1L",
            Name = "缙云县好滋味餐饮管理有限公司",
            EntityCategory = "法人及非法人组织",
            LegalRepresentative = "陈建国",
            Address = "浙江省丽水市缙云县五云街道解放东路88号",
        }, new V1.PenaltyRecord
        {
            DecisionNumber = $"缙市监罚〔{decided.Year}〕37号",
            ViolationType = "经营超过保质期的食品",
            Facts = "当事人在其经营场所存放并销售超过保质期的预包装食品，货值金额共计人民币860元。",
            Basis = "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项",
            Category = "罚款;没收违法所得",
            Content = "没收超过保质期的食品及违法所得人民币320元，并处罚款人民币5万元",
            FineAmountWan = "5",
            DecisionDate = decided.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Authority = "县市场监督管理局",
            // The demo credit editor (xinyong) works for this department, so the demo can record its penalties.
            AuthorityCode = MarketRegulation,
        });
        yield return (new RegisterEntityRequest
        {
            Code = "92331122MA2F8H3N18",
            Name = "缙云县壶镇老街烧饼店",
            EntityCategory = "个体工商户",
            LegalRepresentative = "李美华",
            Address = "浙江省丽水市缙云县壶镇镇老街12号",
        }, null);
        yield return (new RegisterEntityRequest
        {
            Code = "91331122MA2C1D6P5Y",
            Name = "缙云县仙峰精工机械有限公司",
            EntityCategory = "法人及非法人组织",
            LegalRepresentative = "王志强",
            Address = "浙江省丽水市缙云县新碧街道工业园区振兴路15号",
        }, null);
    }
}
