using ServiceHall.Processes;
using ServiceHall.Testing;
using static ServiceHall.Gateway.Tests.KubernetesManifests;

namespace ServiceHall.Gateway.Tests;

/// <summary>
/// The Kubernetes manifests against the hall's processes as the app host starts them (HallProcesses): k8s/base must
/// deploy every process with its Service and every configuration key the description gives it a cluster value for.
/// </summary>
public sealed class HallManifestTests
{
    static readonly string Root = RunningHall.RepositoryRoot();

    [Fact]
    public void K8s_base_deploys_every_process_with_its_service_and_settings()
    {
        var problems = ManifestCheck.Problems(KubernetesManifests.Base(Root), HallProcesses.All);

        Assert.True(problems.Count == 0, "k8s/base disagrees with HallProcesses:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void The_production_overlay_pins_the_image_of_every_process()
    {
        var overlay = Load(Path.Combine(Root, "k8s", "overlays", "production", "kustomization.yaml")).Single();
        var pinned = Sequence(overlay, "images").OfType<YamlDotNet.RepresentationModel.YamlMappingNode>().Select(i => Text(i, "name")).ToHashSet();

        var unpinned = HallProcesses.All.Select(p => $"servicehall/{p.Name}").Where(image => !pinned.Contains(image)).ToList();

        Assert.Empty(unpinned);
    }

    [Fact]
    public void A_process_or_a_key_that_k8s_lacks_is_reported()
    {
        var catalog = HallProcesses.Named("catalog");
        var processes = HallProcesses.All
            .Select(p => p == catalog ? catalog with { Settings = [.. catalog.Settings, new Setting("Only__Locally__Yet", "x", "x")] } : p)
            .Append(new HallProcess("ghost", "services/Ghost/ServiceHall.Ghost", catalog.Listeners, []))
            .ToList();

        var problems = ManifestCheck.Problems(KubernetesManifests.Base(Root), processes);

        Assert.Contains(problems, p => p.StartsWith("catalog: no env Only__Locally__Yet", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("ghost: no Deployment", StringComparison.Ordinal));
    }

    [Fact]
    public void The_description_names_only_its_own_processes_once_each()
    {
        var names = HallProcesses.All.Select(p => p.Name).ToList();

        Assert.Equal(names.Distinct(), names);
        Assert.All(HallProcesses.All, p => Assert.Subset(names.ToHashSet(), p.DependsOn.ToHashSet()));
        Assert.All(HallProcesses.All, p => Assert.Equal(p.Settings.Select(s => s.Key).Distinct(), p.Settings.Select(s => s.Key)));
        Assert.All(HallProcesses.All, p => Assert.True(File.Exists(Path.Combine(Root, p.ProjectFile)), p.ProjectFile));
        var ports = HallProcesses.All.SelectMany(p => p.Listeners).Select(l => l.LocalPort).ToList();
        Assert.Equal(ports.Distinct(), ports);
    }
}
