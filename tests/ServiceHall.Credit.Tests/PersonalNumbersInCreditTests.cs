using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Credit.Data;
using ServiceHall.Credit.V1;
using ServiceHall.Messaging;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Credit.Tests;

/// <summary>Records of 个体工商户 and natural persons quote people: their resident ID and mobile numbers never leave whole.</summary>
public sealed class PersonalNumbersInCreditTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    const string Code = DemoCounty.SoleTrader;
    const string IdNumber = "11010519491231002X";
    const string Mobile = "13812345678";

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Numbers_in_any_text_field_are_masked_in_answers_and_events_and_kept_whole_in_the_record(string database)
    {
        await using var host = new ServiceHost<Program>("credit", database);
        var editor = new V1.CreditService.CreditServiceClient(host.As(TestUser.CreditEditor(DemoCounty.MarketRegulation, DemoCounty.Xinyong)));
        var registered = await editor.RegisterEntityAsync(new RegisterEntityRequest
        {
            Code = Code,
            Name = "镇康县勐捧老街米线店",
            EntityCategory = "个体工商户",
            LegalRepresentative = $"李美华（{IdNumber}）",
            Address = $"壶镇镇老街12号，电话{Mobile}",
        }, cancellationToken: Cancel);
        var added = await editor.AddPenaltyAsync(new AddPenaltyRequest
        {
            Code = Code,
            Penalty = new V1.PenaltyRecord
            {
                DecisionNumber = "县市监罚〔2026〕21号",
                ViolationType = "未亮照经营",
                Facts = $"当事人李美华（公民身份号码{IdNumber}，联系电话{Mobile}）未在经营场所醒目位置悬挂营业执照。",
                Basis = "《中华人民共和国市场主体登记管理条例》第四十八条",
                Category = "警告",
                Content = $"警告。当事人联系电话：{Mobile}",
                DecisionDate = PublicityPeriod.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Authority = "县市场监督管理局",
                AuthorityCode = DemoCounty.MarketRegulation,
            },
        }, cancellationToken: Cancel);
        var found = await new V1.CreditService.CreditServiceClient(host.Channel).GetEntityAsync(new GetEntityRequest { Code = Code }, cancellationToken: Cancel);

        Assert.Equal("李美华（110***********002X）", registered.LegalRepresentative);
        Assert.Equal("壶镇镇老街12号，电话138****5678", registered.Address);
        Assert.Equal("当事人李美华（公民身份号码110***********002X，联系电话138****5678）未在经营场所醒目位置悬挂营业执照。", added.Facts);
        Assert.Equal("李美华（110***********002X）", found.LegalRepresentative);
        Assert.Equal("警告。当事人联系电话：138****5678", Assert.Single(found.Penalties).Content);
        // The codes are not personal numbers and stay whole.
        Assert.Equal((Code, DemoCounty.MarketRegulation), (found.Code, found.Penalties[0].AuthorityCode));
        foreach (var answer in new[] { registered.ToString(), added.ToString(), found.ToString() })
        {
            Assert.False(PersonalNumbers.Found(answer), answer);
        }

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CreditDb>();
        var events = await db.Set<OutboxMessage>().OrderBy(m => m.Sequence).Select(m => m.Payload).ToListAsync(Cancel);
        Assert.Equal(2, events.Count);
        Assert.All(events, payload => Assert.False(PersonalNumbers.Found(payload), payload));
        Assert.Equal("壶镇镇老街12号，电话138****5678", EntityChanged.Parser.ParseJson(events[0]).Address);
        Assert.Equal("警告：警告。当事人联系电话：138****5678", EntityChanged.Parser.ParseJson(events[1]).Records.Single().Summary);
        // Kept as decided: the deciding body's record is not rewritten.
        Assert.Contains(IdNumber, (await db.Penalties.SingleAsync(Cancel)).Facts);
    }
}
