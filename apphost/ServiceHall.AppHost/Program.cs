using Microsoft.Extensions.Configuration;
using ServiceHall.Processes;

// The whole hall on one machine: every process of HallProcesses (ServiceHall.Processes) with its local settings:
// its own SQLite file under one data folder, the local event bus instead of Dapr, demo data, and the gateway on the
// ports people expect (8080 and 8081). The same list is what k8s/base is checked against (docs/architecture.md §9).
var builder = DistributedApplication.CreateBuilder(args);

var repository = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
var dataFolder = Path.GetFullPath(builder.Configuration["Hall:DataFolder"] ?? Path.Combine(repository, "data"));
var busToken = SettingValue.NewBusToken();

// Ports come from the description; the gateway's two can be moved with Hall:GatewayHttpPort and
// Hall:GatewayGrpcPort (docs/decisions/0004-gateway-ports.md), any other process's with Hall:Ports:<name>.
int LocalPort(HallProcess process, Listener listener) => process.Name == "gateway"
    ? builder.Configuration.GetValue(listener.Name == "grpc" ? "Hall:GatewayGrpcPort" : "Hall:GatewayHttpPort", listener.LocalPort)
    : builder.Configuration.GetValue($"Hall:Ports:{process.Name}", listener.LocalPort);
string Url(HallProcess process, Listener listener) => $"http://localhost:{LocalPort(process, listener)}";
string Address(string name) => Url(HallProcesses.Named(name), HallProcesses.Named(name).Address);

var started = new Dictionary<string, IResourceBuilder<ProjectResource>>();
foreach (var process in HallProcesses.All)
{
    var resource = builder.AddProject(process.Name, Path.Combine(repository, process.ProjectFile), o =>
    {
        o.ExcludeLaunchProfile = true;
        o.ExcludeKestrelEndpoints = true;
    });
    foreach (var listener in process.Listeners)
    {
        if (listener.UrlKey == "ASPNETCORE_URLS")
        {
            // Not proxied: the services speak h2c and the gateway addresses them directly.
            resource.WithHttpEndpoint(port: LocalPort(process, listener), name: listener.Name, isProxied: false);
        }
        else
        {
            // The gateway's listeners are its own Kestrel endpoints, set here directly rather than modelled as app
            // host endpoints, which would put a proxy on the very ports people use.
            resource.WithEnvironment(listener.UrlKey, Url(process, listener)).WithUrl(Url(process, listener), listener.Name);
        }
    }
    foreach (var setting in process.Settings.Where(s => s.Local is not null))
    {
        resource.WithEnvironment(setting.Key, SettingValue.Resolve(setting.Local!, Address, dataFolder, busToken));
    }
    started[process.Name] = resource;
}

// The gateway opens its ports once everything it proxies to is up; the others retry their calls instead
// (search and its sources name each other, so waiting there would never end).
var gateway = started["gateway"];
foreach (var name in HallProcesses.Named("gateway").DependsOn)
{
    gateway.WaitFor(started[name]);
}

Console.WriteLine($"ServiceHall gateway: {Address("gateway")} (browsers and HTTP/JSON), " +
    $"{Url(HallProcesses.Named("gateway"), HallProcesses.Named("gateway").Listeners[1])} (gRPC). " +
    $"Sign-in: {Address("identity")}. Data: {dataFolder}");
builder.Build().Run();
