using ServiceHall.Processes;
using YamlDotNet.RepresentationModel;
using static ServiceHall.Gateway.Tests.KubernetesManifests;

namespace ServiceHall.Gateway.Tests;

/// <summary>
/// What k8s/base lacks against the hall's processes (HallProcesses): a Deployment or StatefulSet with the process's
/// container, a Service on its ports, or a configuration key with its Kubernetes value (docs/architecture.md §9).
/// </summary>
public static class ManifestCheck
{
    public static List<string> Problems(KubernetesManifests manifests, IReadOnlyList<HallProcess> processes)
    {
        var problems = new List<string>();
        foreach (var process in processes)
        {
            var name = process.Name;
            var workload = manifests.Find("Deployment", name) ?? manifests.Find("StatefulSet", name);
            var container = workload is null ? null : manifests.Container(workload, name);
            if (container is null)
            {
                problems.Add($"{name}: no Deployment or StatefulSet '{name}' with a container '{name}'");
                continue;
            }
            if (Text(container, "image")?.StartsWith($"servicehall/{name}:", StringComparison.Ordinal) != true)
            {
                problems.Add($"{name}: the image is not servicehall/{name}");
            }
            if (container.Children.ContainsKey("readinessProbe") is false)
            {
                problems.Add($"{name}: no readiness probe");
            }

            var service = manifests.Find("Service", name);
            if (service is null)
            {
                problems.Add($"{name}: no Service '{name}'");
            }
            var env = Sequence(container, "env").OfType<YamlMappingNode>().ToDictionary(e => Text(e, "name") ?? "");
            foreach (var listener in process.Listeners)
            {
                if (!Sequence(container, "ports").OfType<YamlMappingNode>().Any(p => Text(p, "containerPort") == $"{listener.ClusterPort}"))
                {
                    problems.Add($"{name}: no containerPort {listener.ClusterPort} ({listener.Name})");
                }
                if (service is not null && !Ports(service).Any(p => Text(p, "targetPort") == $"{listener.ClusterPort}"))
                {
                    problems.Add($"{name}: its Service does not target port {listener.ClusterPort} ({listener.Name})");
                }
                Expect(problems, name, env, listener.UrlKey, $"http://+:{listener.ClusterPort}");
            }
            foreach (var setting in process.Settings.Where(s => s.Kubernetes is not null))
            {
                Expect(problems, name, env, setting.Key, ClusterValue(manifests, processes, setting.Kubernetes!, problems, name));
            }
            if (env.TryGetValue("Messaging__Mode", out var mode) && Text(mode, "value") == "Dapr")
            {
                // Dapr mode needs the sidecar, speaking h2c like the service (docs/architecture.md §4).
                var annotations = Child(Child(Child(Child(workload, "spec"), "template"), "metadata"), "annotations");
                if (Text(annotations, "dapr.io/enabled") != "true" || Text(annotations, "dapr.io/app-id") != name
                    || Text(annotations, "dapr.io/app-protocol") != "h2c")
                {
                    problems.Add($"{name}: Messaging__Mode=Dapr without the Dapr annotations (enabled, app-id {name}, app-protocol h2c)");
                }
            }
        }
        return problems;
    }

    /// <summary>The value as it must appear in the container's env: an address as its Service's, or a reference.</summary>
    static string ClusterValue(KubernetesManifests manifests, IReadOnlyList<HallProcess> processes, string value, List<string> problems, string name)
    {
        if (value.StartsWith(SettingValue.ConfigMapPrefix, StringComparison.Ordinal))
        {
            var (map, key) = Split(value[SettingValue.ConfigMapPrefix.Length..]);
            if (Child(manifests.Find("ConfigMap", map), "data")?.Children.ContainsKey(new YamlScalarNode(key)) != true)
            {
                problems.Add($"{name}: no ConfigMap '{map}' with the key '{key}'");
            }
        }
        return SettingValue.Resolve(value, target =>
        {
            var port = processes.FirstOrDefault(p => p.Name == target)?.Address.ClusterPort;
            if (port is null || manifests.Find("Service", target) is not { } service || !Ports(service).Any(p => Text(p, "port") == $"{port}"))
            {
                problems.Add($"{name}: is given the address of '{target}', which has no Service on port {port}");
            }
            return $"http://{target}:{port}";
        }, dataFolder: SettingValue.DataFolder, busToken: SettingValue.BusToken);
    }

    static void Expect(List<string> problems, string name, Dictionary<string, YamlMappingNode> env, string key, string expected)
    {
        if (!env.TryGetValue(key, out var entry))
        {
            problems.Add($"{name}: no env {key} (expected {expected})");
            return;
        }
        var from = Child(entry, "valueFrom");
        var actual =
            Child(from, "configMapKeyRef") is { } map ? SettingValue.ConfigMap(Text(map, "name") ?? "", Text(map, "key") ?? "")
            : Child(from, "secretKeyRef") is { } secret ? SettingValue.Secret(Text(secret, "name") ?? "", Text(secret, "key") ?? "")
            : Text(entry, "value");
        if (actual != expected)
        {
            problems.Add($"{name}: env {key} is '{actual}', expected '{expected}'");
        }
    }

    static IEnumerable<YamlMappingNode> Ports(YamlMappingNode service) => Sequence(Child(service, "spec"), "ports").OfType<YamlMappingNode>();

    static (string Name, string Key) Split(string reference) => (reference[..reference.IndexOf('/')], reference[(reference.IndexOf('/') + 1)..]);
}
