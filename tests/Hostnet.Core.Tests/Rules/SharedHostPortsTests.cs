using Hostnet.Core.Analysis;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.NodeState;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Expansion;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Semantics.Ports;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// The host ports worked out once and shared are the ones <see cref="HostPorts.Wanted"/> gives each pod on its own:
/// the run's list per workload (<see cref="AnalysisContext.HostPortsOf"/>, a review's one workload included), the one
/// list of a DaemonSet's pods on every node (pinning to a node leaves the containers alone), and a node's pods
/// (<see cref="NodePods.HostPortsOf"/>), over every rule fixture.
/// </summary>
public sealed class SharedHostPortsTests
{
    private static readonly IReadOnlyList<KubeObject> Fixtures = ReadFixtures();

    [Fact]
    public void HostPortsOf_EveryFixtureWorkload_IsWantedOnceAndTheSameList()
    {
        var context = new AnalysisContext(Fixtures, AnalysisOptions.Default);
        var withPorts = 0;
        foreach (var workload in context.Workloads)
        {
            var shared = context.HostPortsOf(workload);

            shared.ShouldBe(HostPorts.Wanted(workload.Spec), workload.DisplayName);
            context.HostPortsOf(workload).ShouldBeSameAs(shared, workload.DisplayName);
            withPorts += shared.Count > 0 ? 1 : 0;
        }

        withPorts.ShouldBeGreaterThan(50);
    }

    [Fact]
    public void HostPortsOf_TheOnlyWorkloadOfAReview_IsWantedOnce()
    {
        foreach (var workload in Fixtures.OfType<Workload>().Where(w => w.Spec.HostNetwork).Take(20))
        {
            var review = new AnalysisContext([workload], AnalysisOptions.Default);

            review.HostPortsOf(workload).ShouldBe(HostPorts.Wanted(workload.Spec), workload.DisplayName);
            review.HostPortsOf(workload).ShouldBeSameAs(review.HostPortsOf(workload));
        }
    }

    [Fact]
    public void Expand_DaemonSetPodOnEveryNode_SharesWhatItsOwnSpecGives()
    {
        var nodes = new ClusterState([Objects.Node("node-1"), Objects.Node("node-2", "{pool: edge}"), Objects.Node("node-3", "{}", "dedicated=infra:NoSchedule")]).Nodes;
        var daemonSets = Fixtures.OfType<Workload>().Where(w => w.Kind == "DaemonSet").ToList();
        var pods = 0;
        foreach (var daemonSet in daemonSets)
        {
            foreach (var pod in WorkloadExpander.Expand(daemonSet, "default", nodes).Select(p => p.Pod))
            {
                pod.Spec.Ports.ShouldBe(HostPorts.Wanted(pod.Spec.Spec), pod.Name);
                pod.Spec.Requests.ShouldBe(ResourceAmounts.Requests(pod.Spec.Spec), pod.Name);
                pods++;
            }
        }

        daemonSets.Count.ShouldBeGreaterThan(20);
        pods.ShouldBeGreaterThan(daemonSets.Count);
    }

    [Fact]
    public void HostPortsOf_PodsOfANode_AreWhatEachWants()
    {
        var running = Fixtures.OfType<Workload>().Where(w => w.IsPod)
            .Select(w => new ClusterPod(w with { Template = w.Template with { Spec = w.Spec with { NodeName = "node-1" } } }, PodStatus.Running, []))
            .ToList();
        var node = new NodePods("node-1", running);

        node.Pods.Count.ShouldBeGreaterThan(20);
        foreach (var pod in node.Pods)
        {
            node.HostPortsOf(pod).ShouldBe(HostPorts.Wanted(pod.Pod.Spec), pod.Pod.Name);
        }

        node.Pods.Count(p => node.HostPortsOf(p).Count > 0).ShouldBeGreaterThan(5);
    }

    private static IReadOnlyList<KubeObject> ReadFixtures()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.TestData, "rules"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => SourceFile.FromBytes(path, File.ReadAllBytes(path), out _))
            .OfType<SourceFile>()
            .ToList();
        new ManifestChecker(AnalysisOptions.Default, []).Check(new ManifestLoader().LoadAll(files), out var run);
        return run.Objects;
    }
}
