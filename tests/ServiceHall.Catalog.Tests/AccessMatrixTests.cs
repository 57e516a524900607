using Google.Protobuf.Reflection;
using Grpc.Core;
using ServiceHall.ServiceDefaults;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>
/// Every gRPC method of the catalog, taken from the contract (not from a list that can fall behind), called by
/// anonymous and by every role: the roles the access table names get past the role check, every other caller is
/// refused. Tenancy within a role (which department) is tested per operation in <see cref="ItemTenancyTests"/> and
/// <see cref="ConsultationAccessTests"/>.
/// </summary>
public sealed class AccessMatrixTests
{
    /// <summary>Who may call each method; null: public, anyone including anonymous.</summary>
    static readonly Dictionary<string, string[]?> Access = new()
    {
        ["CatalogService/CreateItem"] = [HallRoles.Officer],
        ["CatalogService/UpdateItem"] = [HallRoles.Officer],
        ["CatalogService/PublishItem"] = [HallRoles.Officer],
        ["CatalogService/SuspendItem"] = [HallRoles.Officer],
        ["CatalogService/ResumeItem"] = [HallRoles.Officer],
        ["CatalogService/CancelItem"] = [HallRoles.Officer],
        ["CatalogService/GetItem"] = null,
        ["CatalogService/GetItemDraft"] = [HallRoles.Officer, HallRoles.Supervisor],
        ["CatalogService/GetItemVersion"] = null,
        ["CatalogService/GetItemHistory"] = null,
        ["CatalogService/ListItems"] = null,
        ["CatalogService/GetNavigation"] = null,
        ["CatalogService/GetGuideReport"] = [HallRoles.Officer, HallRoles.Supervisor, HallRoles.Administrator],
        ["CatalogService/CreateDepartment"] = [HallRoles.Administrator],
        ["CatalogService/UploadGuideFile"] = [HallRoles.Officer],
        ["CatalogService/GetDepartment"] = null,
        ["CatalogService/ListDepartments"] = null,
        ["ConsultationService/AskQuestion"] = [HallRoles.Applicant],
        ["ConsultationService/GetConsultation"] = [HallRoles.Applicant, HallRoles.Officer, HallRoles.Supervisor],
        ["ConsultationService/AnswerConsultation"] = [HallRoles.Officer],
        ["ConsultationService/PublishConsultation"] = [HallRoles.Officer],
        ["ConsultationService/ListOpenConsultations"] = [HallRoles.Officer, HallRoles.Supervisor],
        ["ConsultationService/ListMyConsultations"] = [HallRoles.Applicant],
        ["ConsultationService/GetConsultationBoard"] = [HallRoles.Supervisor],
        ["ConsultationService/ListItemQuestions"] = null,
        ["CalendarService/GetCalendarYear"] = null,
        ["CalendarService/SetCalendarYear"] = [HallRoles.Administrator],
    };

    /// <summary>One caller of each kind the hall knows, a machine client (no role) included.</summary>
    static readonly TestUser[] Callers =
    [
        Sample.Zhangsan,
        TestUser.Business(DemoCounty.Business, DemoCounty.Qiye),
        Sample.PoliceOfficer,
        TestUser.CreditEditor(Sample.MarketCode, DemoCounty.Xinyong),
        TestUser.Publisher(DemoCounty.Hospital, DemoCounty.Yiyuan),
        Sample.Supervisor,
        Sample.Administrator,
        TestUser.Machine(),
    ];

    static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    static IEnumerable<MethodDescriptor> ContractMethods =>
        new[] { V1.CatalogService.Descriptor, V1.ConsultationService.Descriptor, V1.CalendarService.Descriptor }.SelectMany(s => s.Methods);

    static string Key(MethodDescriptor m) => $"{m.Service.Name}/{m.Name}";

    [Fact]
    public void The_access_table_names_every_method_of_the_contract_and_nothing_else() =>
        Assert.Equal(ContractMethods.Select(Key).Order(), Access.Keys.Order());

    [Fact]
    public async Task Anonymous_and_every_role_the_table_does_not_name_are_refused_and_the_named_roles_get_through()
    {
        await using var host = new ServiceHost<Program>("catalog", Databases.Sqlite);
        await Sample.AddDepartmentsAsync(host);
        var unexpected = new List<string>();
        var refusals = 0;

        foreach (var method in ContractMethods)
        {
            var allowed = Access[Key(method)];
            var anonymous = await StatusOfEmptyCallAsync(host.Channel.CreateCallInvoker(), method);
            if (allowed is null ? anonymous is StatusCode.Unauthenticated or StatusCode.PermissionDenied : anonymous != StatusCode.Unauthenticated)
            {
                unexpected.Add($"{Key(method)} as anonymous: {anonymous}");
            }
            refusals += allowed is null ? 0 : 1;
            foreach (var caller in Callers)
            {
                var status = await StatusOfEmptyCallAsync(host.As(caller), method);
                var mayCall = allowed is null || caller.Roles.Any(allowed.Contains);
                // Past the role check an empty request meets validation (InvalidArgument, NotFound) or succeeds; a
                // tenancy refusal needs an object, which an empty request never names.
                if (mayCall ? status is StatusCode.Unauthenticated or StatusCode.PermissionDenied : status != StatusCode.PermissionDenied)
                {
                    unexpected.Add($"{Key(method)} as {caller.Subject} [{string.Join(',', caller.Roles)}]: {status}");
                }
                refusals += mayCall ? 0 : 1;
            }
        }

        Assert.Empty(unexpected);
        // 27 methods × 9 callers (anonymous and 8 signed in) = 243 calls; the 18 methods that are not public refuse
        // anonymous (18) and, between them, 117 signed-in callers whose roles they do not name.
        Assert.Equal(27, ContractMethods.Count());
        Assert.Equal(18 + 117, refusals);
    }

    /// <summary>Calls the method with an empty request (valid protobuf for every message) and gives the status.</summary>
    static async Task<StatusCode> StatusOfEmptyCallAsync(CallInvoker invoker, MethodDescriptor method)
    {
        var call = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Bytes, Bytes);
        try
        {
            await invoker.AsyncUnaryCall(call, null, new CallOptions(cancellationToken: TestContext.Current.CancellationToken), []);
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
