using YamlDotNet.RepresentationModel;

namespace ServiceHall.Gateway.Tests;

/// <summary>
/// The objects k8s/base deploys: the documents of the files its kustomization.yaml lists (kustomize is not needed;
/// the folders it lists, such as ../dapr, hold no Deployments or Services).
/// </summary>
public sealed class KubernetesManifests
{
    readonly List<YamlMappingNode> objects = [];

    public static KubernetesManifests Base(string repositoryRoot)
    {
        var folder = Path.Combine(repositoryRoot, "k8s", "base");
        var manifests = new KubernetesManifests();
        var kustomization = Load(Path.Combine(folder, "kustomization.yaml")).Single();
        foreach (var resource in Sequence(kustomization, "resources").Select(r => r.ToString()))
        {
            if (File.Exists(Path.Combine(folder, resource)))
            {
                manifests.objects.AddRange(Load(Path.Combine(folder, resource)));
            }
        }
        return manifests;
    }

    /// <summary>The object of this kind and name, or null.</summary>
    public YamlMappingNode? Find(string kind, string name) =>
        objects.FirstOrDefault(o => Text(o, "kind") == kind && Text(Child(o, "metadata"), "name") == name);

    /// <summary>A Deployment's or StatefulSet's container of this name, or null.</summary>
    public YamlMappingNode? Container(YamlMappingNode workload, string name) =>
        Sequence(Child(Child(Child(workload, "spec"), "template"), "spec"), "containers")
            .OfType<YamlMappingNode>().FirstOrDefault(c => Text(c, "name") == name);

    public static IEnumerable<YamlMappingNode> Load(string file)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(file))
        {
            stream.Load(reader);
        }
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>();
    }

    public static YamlMappingNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlMappingNode : null;

    public static string? Text(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;

    public static IEnumerable<YamlNode> Sequence(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlSequenceNode sequence ? sequence : [];
}
