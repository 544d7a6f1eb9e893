using Hostnet.Core.Analysis;
using Hostnet.Core.Audit;
using Hostnet.Core.Model;
using Hostnet.Core.Ports;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Planning;
using Hostnet.Core.Scheduling.Rollouts;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Model;

/// <summary>
/// An object that names no namespace lands in the configured default namespace (<c>defaultNamespace</c>, the kubeconfig
/// context's), in check, plan, ports and audit alike. Before one place computed it, the rollout ownership, the port map
/// and the audit's texts read such an object as in <c>default</c> whatever was configured.
/// </summary>
public sealed class DefaultNamespaceTests
{
    private const string Configured = "prod";

    /// <summary>A hand-written snapshot: one node, two pods of Deployment <c>web</c> and a NodePort Service, none with a namespace.</summary>
    private const string Snapshot = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Node
          metadata: {name: node-1}
          status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: web-5d8f7c6b9-aaaaa
            labels: {app: web, pod-template-hash: 5d8f7c6b9}
            ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f7c6b9, uid: r1, controller: true}]
          spec:
            nodeName: node-1
            hostNetwork: true
            containers: [{name: web, image: example.com/web:1, ports: [{containerPort: 9100}]}]
          status: {phase: Running}
        - apiVersion: v1
          kind: Pod
          metadata: {name: debug-shell}
          spec:
            nodeName: node-1
            hostNetwork: true
            containers: [{name: exporter, image: example.com/exporter:1, args: ["--web.listen-address=:9100"]}]
          status: {phase: Running}
        - apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec:
            type: NodePort
            selector: {app: web}
            ports: [{port: 80, nodePort: 30080}]
        """;

    private static readonly Workload Web = Objects.One<Workload>("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              hostNetwork: true
              containers: [{name: web, image: example.com/web:2, ports: [{containerPort: 9100}]}]
        """);

    private static ClusterSnapshot Cluster(string snapshot = Snapshot)
    {
        var read = SnapshotText.Read(snapshot, "cluster.yaml");
        read.Errors.ShouldBeEmpty();
        return read.Snapshot;
    }

    [Theory]
    [InlineData(null, "prod")]
    [InlineData("", "prod")]
    [InlineData("tools", "tools")]
    public void NamespaceOr_NoNamespace_IsTheConfiguredOne(string? written, string expected)
    {
        var service = Objects.One<Service>("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n");

        (service with { Metadata = service.Metadata with { Namespace = written } }).NamespaceOr(Configured).ShouldBe(expected);
    }

    [Fact]
    public void RunningOf_DeploymentWithoutNamespace_OwnsItsRunningPodsInTheConfiguredNamespace()
    {
        var cluster = Cluster();

        var running = new ClusterSimulation(cluster.Nodes, cluster.Pods, KubeVersion.Latest, Configured).RunningOf(Web);

        running.Select(p => (p.Namespace, p.Name)).ShouldBe([(Configured, "web-5d8f7c6b9-aaaaa")]);
    }

    [Fact]
    public void Rollout_DeploymentWithoutNamespace_ReplacesItsPodsAsWhenTheyNameTheConfiguredNamespace()
    {
        var named = Cluster(Snapshot.Replace("  metadata:\n    name: web-5d8f7c6b9-aaaaa\n", "  metadata:\n    name: web-5d8f7c6b9-aaaaa\n    namespace: prod\n", StringComparison.Ordinal));
        named.Pods.Single(p => p.Pod.Name.StartsWith("web-", StringComparison.Ordinal)).Pod.Metadata.Namespace.ShouldBe(Configured);

        var unnamed = RolloutPlanner.Simulate(Cluster(), [Web], KubeVersion.Latest, Configured).Single();

        unnamed.ShouldBe(RolloutPlanner.Simulate(named, [Web], KubeVersion.Latest, Configured).Single());
    }

    [Fact]
    public void PortMap_PodsAndServicesWithoutNamespace_AreNamedInTheConfiguredNamespace()
    {
        var map = PortMapBuilder.Build(Cluster(), [], PlanOptions.Default with { DefaultNamespace = Configured });

        map.Nodes.Single().Ports.Where(u => u.Port == 9100).Select(u => u.Owner).Order(StringComparer.Ordinal)
            .ShouldBe(["Pod prod/debug-shell", "Pod prod/web-5d8f7c6b9-aaaaa"]);
        map.EveryNode.Single(u => u.Port == 30080).Owner.ShouldBe("Service prod/web");
    }

    [Fact]
    public void Audit_ClashOfPodsWithoutNamespace_NamesThemInTheConfiguredNamespace()
    {
        var report = Auditor.Audit(Cluster(), "cluster.yaml", AnalysisOptions.Default with { DefaultNamespace = Configured });

        var clash = report.Findings.Single(f => f.Observed && f.Diagnostic.Rule.Id == "HN012").Diagnostic;
        clash.Object!.ToString().ShouldBe("Pod/prod/debug-shell");
        clash.Message.ShouldStartWith(
            "host port 9100/TCP is held twice on node-1: by Pod prod/web-5d8f7c6b9-aaaaa of Deployment/web (declared) and by Pod prod/debug-shell (not declared: --web.listen-address=:9100 in container exporter)");
    }
}
