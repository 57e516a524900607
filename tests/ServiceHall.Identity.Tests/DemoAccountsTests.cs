using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>The demo accounts are the ones the other tests and the benches sign in as (DemoCounty), with the demo county's tenancy.</summary>
public sealed class DemoAccountsTests
{
    [Fact]
    public void The_demo_accounts_match_the_demo_county_the_tests_use()
    {
        Assert.Equal(DemoCounty.Password, DemoAccounts.Password);
        Assert.Equal(DemoCounty.AdminAuthenticatorKey, DemoAccounts.AdminAuthenticatorKey);
        Assert.Equal(
            [DemoCounty.Zhangsan, DemoCounty.Lisi, DemoCounty.Qiye, DemoCounty.Gongan, DemoCounty.GonganHead, DemoCounty.Shichang, DemoCounty.Ziranziyuan,
             DemoCounty.Xinyong, DemoCounty.Yiyuan, DemoCounty.Xuexiao, DemoCounty.Jiancha, DemoCounty.Admin],
            DemoAccounts.Accounts.Select(a => a.UserName));

        var tenancy = DemoAccounts.Accounts.ToDictionary(a => a.UserName, a => a.CreditCode ?? a.Department ?? a.Organisation);
        Assert.Equal(DemoCounty.Business, tenancy[DemoCounty.Qiye]);
        Assert.Equal(DemoCounty.PublicSecurity, tenancy[DemoCounty.Gongan]);
        Assert.Equal(DemoCounty.PublicSecurity, tenancy[DemoCounty.GonganHead]);
        Assert.Equal(DemoCounty.MarketRegulation, tenancy[DemoCounty.Shichang]);
        Assert.Equal(DemoCounty.NaturalResources, tenancy[DemoCounty.Ziranziyuan]);
        Assert.Equal(DemoCounty.MarketRegulation, tenancy[DemoCounty.Xinyong]);
        Assert.Equal(DemoCounty.Hospital, tenancy[DemoCounty.Yiyuan]);
        Assert.Equal(DemoCounty.School, tenancy[DemoCounty.Xuexiao]);
        Assert.All(DemoAccounts.Accounts.Where(a => a.CreditCode is not null || a.Department is not null),
            a => Assert.True(CreditCode.IsValid(a.CreditCode ?? a.Department), a.UserName));
    }
}
