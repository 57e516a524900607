using Grpc.Core;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.Applications.Tests;

/// <summary>
/// The catalog as the applications service sees it, in-process: canned items, or a chosen failure.
/// A gate can hold every answer until a number of lookups are waiting, to make submits race.
/// </summary>
sealed class FakeCatalog : CatalogService.CatalogServiceClient
{
    /// <summary>县市场监督管理局, the department of the demo's market officer (shichang).</summary>
    public const string MarketRegulation = DemoCounty.MarketRegulation;
    /// <summary>县公安局, the department of the demo's police officer (gongan).</summary>
    public const string PublicSecurity = DemoCounty.PublicSecurity;

    readonly Dictionary<string, ServiceItem> items = [];
    int lookups;

    public StatusCode? Failure { get; set; }
    public int Lookups => lookups;
    public TaskCompletionSource? Gate { get; set; }
    public int GateOpensAt { get; set; }

    /// <summary>The promised limit (承诺时限) of every item added with <see cref="With"/>: 10 working days.</summary>
    public const int PromisedDays = 10;

    public FakeCatalog With(string id, ItemStatus status, string name = "食品经营许可", string department = "县市场监督管理局", string departmentCode = MarketRegulation,
        string itemType = "行政许可", params string[] audiences)
    {
        items[id] = new ServiceItem
        {
            Id = id,
            Status = status,
            Version = 1,
            Guide = new ItemGuide
            {
                Name = name,
                ItemType = itemType,
                DepartmentCode = departmentCode,
                Audiences = { audiences.Length > 0 ? audiences : ["自然人", "法人"] },
                StatutoryLimit = new TimeLimit { Value = 20, Unit = "工作日" },
                PromisedLimit = new TimeLimit { Value = PromisedDays, Unit = "工作日" },
                Steps = { new ProcessStep { Name = "受理" }, new ProcessStep { Name = "审查" }, new ProcessStep { Name = "决定" } },
            },
            Department = new Department { Name = department, Code = departmentCode },
        };
        return this;
    }

    /// <summary>The item's guide lists these materials (申请材料): name, 必要性 and 材料形式.</summary>
    public FakeCatalog WithMaterials(string id, params (string Name, string Necessity, string Form)[] materials)
    {
        items[id].Guide.Materials.AddRange(materials.Select(m => new Material { Name = m.Name, Necessity = m.Necessity, Form = m.Form, Type = "电子件", Source = "申请人自备" }));
        return this;
    }

    /// <summary>An item as an older catalog answers it: the department code only in the guide.</summary>
    public FakeCatalog WithGuideDepartmentOnly(string id, string departmentCode)
    {
        items[id] = new ServiceItem { Id = id, Status = ItemStatus.Published, Version = 1, Guide = new ItemGuide { Name = "户口迁移", DepartmentCode = departmentCode } };
        return this;
    }

    public override AsyncUnaryCall<ServiceItem> GetItemAsync(GetItemRequest request, CallOptions options) =>
        new(AnswerAsync(request.Id), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => new Metadata(), () => { });

    async Task<ServiceItem> AnswerAsync(string id)
    {
        var waiting = Interlocked.Increment(ref lookups);
        if (Gate is { } gate)
        {
            if (waiting >= GateOpensAt)
            {
                gate.TrySetResult();
            }
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        if (Failure is { } failure)
        {
            throw new RpcException(new Status(failure, "the fake catalog fails as asked"));
        }
        return items.TryGetValue(id, out var item)
            ? item
            : throw new RpcException(new Status(StatusCode.NotFound, $"service item '{id}' does not exist"));
    }
}
