using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;
using ServiceHall.Testing;

namespace ServiceHall.Applications.Tests;

/// <summary>The people the tests call as, named after the demo accounts, and what they submit.</summary>
static class Callers
{
    public static readonly TestUser ZhangSan = TestUser.Person(DemoCounty.Zhangsan);
    public static readonly TestUser LiSi = TestUser.Person(DemoCounty.Lisi);
    public const string QiyeCode = DemoCounty.Business;
    public static readonly TestUser Qiye = TestUser.Business(QiyeCode, DemoCounty.Qiye);
    /// <summary>Officer of 县市场监督管理局, the department of the fake catalog's items.</summary>
    public static readonly TestUser Shichang = TestUser.Officer(FakeCatalog.MarketRegulation, DemoCounty.Shichang);
    /// <summary>Officer of 县公安局: another department.</summary>
    public static readonly TestUser Gongan = TestUser.Officer(FakeCatalog.PublicSecurity, DemoCounty.Gongan);
    public static readonly TestUser Jiancha = TestUser.Supervisor(DemoCounty.Jiancha);
    public static readonly TestUser Xinyong = TestUser.CreditEditor(FakeCatalog.MarketRegulation, DemoCounty.Xinyong);
    public static readonly TestUser Yiyuan = TestUser.Publisher(DemoCounty.Hospital, DemoCounty.Yiyuan);
    public static readonly TestUser Admin = TestUser.Administrator(DemoCounty.Admin);
    public static readonly TestUser Bank = TestUser.Machine("bank-credit-check");

    /// <summary>张三's resident ID (GB 11643, valid check character) and mobile number; never to be seen whole in a response.</summary>
    public const string ZhangSanId = "11010519491231002X";
    public const string ZhangSanIdMasked = "110***********002X";
    public const string ZhangSanPhone = "13812345678";
    public const string ZhangSanPhoneMasked = "138****5678";
    public const string LiSiId = "530924198506123412";
    public const string LiSiPhone = "15957812345";

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static SubmitApplicationRequest Submit(string key, string itemId = "food-licence") => new()
    {
        ItemId = itemId,
        ApplicantName = "张三",
        IdempotencyKey = key,
        Note = "新开早餐店",
        ApplicantIdNumber = ZhangSanId,
        ApplicantPhone = ZhangSanPhone,
    };

    public static SubmitApplicationRequest SubmitAsLiSi(string key, string itemId = "food-licence") => new()
    {
        ItemId = itemId,
        ApplicantName = "李四",
        IdempotencyKey = key,
        ApplicantIdNumber = LiSiId,
        ApplicantPhone = LiSiPhone,
    };

    public static async Task<RpcException> RefusedAsync<T>(AsyncUnaryCall<T> call) =>
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    public static async Task<int> StoredApplicationsAsync(ApplicationsHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationsDb>().Applications.CountAsync(Cancel);
    }

    public static async Task<ApplicationRecord> StoredAsync(ApplicationsHost host, string trackingNumber)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationsDb>().Applications.SingleAsync(a => a.TrackingNumber == trackingNumber, Cancel);
    }
}
