using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

/// <summary>
/// A few market entities and public units of the county for the embedded demo (Seed:Demo=true), one with a penalty in publicity;
/// written once, checked by the same rules and announced through the same outbox as any change.
/// </summary>
public static class DemoCredit
{
    /// <summary>镇康县市场监督管理局's unified social credit code, the department of the demo accounts shichang and xinyong.</summary>
    public const string MarketRegulation = "11530924015900298N";

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
                var errors = new FieldErrors(V1.AddPenaltyRequest.Descriptor);
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
            Code = "91530924MA6K5K7L4T",
            Name = "镇康县好滋味餐饮管理有限公司",
            EntityCategory = "法人及非法人组织",
            LegalRepresentative = "陈建国",
            Address = "云南省临沧市镇康县南伞镇团结路88号",
        }, new V1.PenaltyRecord
        {
            DecisionNumber = $"镇市监罚〔{decided.Year}〕37号",
            ViolationType = "经营超过保质期的食品",
            Facts = "当事人在其经营场所存放并销售超过保质期的预包装食品，货值金额共计人民币860元。",
            Basis = "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项",
            Category = "罚款;没收违法所得",
            Content = "没收超过保质期的食品及违法所得人民币320元，并处罚款人民币5万元",
            FineAmountWan = "5",
            DecisionDate = decided.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Authority = "镇康县市场监督管理局",
            // The demo credit editor (xinyong) works for this department, so the demo can record its penalties.
            AuthorityCode = MarketRegulation,
        });
        yield return (new RegisterEntityRequest
        {
            Code = "92530924MA6F8H3N91",
            Name = "镇康县勐捧老街米线店",
            EntityCategory = "个体工商户",
            LegalRepresentative = "李美华",
            Address = "云南省临沧市镇康县勐捧镇老街12号",
        }, null);
        yield return (new RegisterEntityRequest
        {
            Code = "91530924MA6C1D6P2M",
            Name = "镇康县边贸精工机械有限公司",
            EntityCategory = "法人及非法人组织",
            LegalRepresentative = "王志强",
            Address = "云南省临沧市镇康县南伞镇边境经济合作区振兴路15号",
        }, null);
        // The units whose disclosures the demo publishes (DemoDisclosures), so a lookup finds them in both places.
        yield return (new RegisterEntityRequest
        {
            Code = "12530924431700121L",
            Name = "镇康县人民医院",
            EntityCategory = "法人及非法人组织",
            LegalRepresentative = "赵明华",
            Address = "云南省临沧市镇康县南伞镇健康路20号",
        }, null);
        yield return (new RegisterEntityRequest
        {
            Code = "125309244317002018",
            Name = "镇康县实验小学",
            EntityCategory = "法人及非法人组织",
            LegalRepresentative = "杨丽琼",
            Address = "云南省临沧市镇康县南伞镇学府路26号",
        }, null);
        yield return (new RegisterEntityRequest
        {
            Code = "91530924MA6N2W4TXY",
            Name = "镇康县自来水有限公司",
            EntityCategory = "法人及非法人组织",
            LegalRepresentative = "段永平",
            Address = "云南省临沧市镇康县南伞镇南伞河路3号",
        }, null);
    }
}
