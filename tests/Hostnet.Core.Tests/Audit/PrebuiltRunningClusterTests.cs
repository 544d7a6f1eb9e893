using Hostnet.Core.Analysis;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Audit;

/// <summary>
/// The audit builds the scheduler's view of the snapshot on a second core while it indexes the owners
/// (<see cref="AnalysisContext.PrebuiltRunningCluster"/>). A context takes that view only when it is the one it would
/// build itself: with a Node in the input, the view must hold that node too, so the context builds its own.
/// </summary>
public sealed class PrebuiltRunningClusterTests
{
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
          metadata: {name: exporter, namespace: monitoring}
          spec:
            nodeName: node-1
            containers: [{name: exporter, image: example.com/exporter:1, ports: [{containerPort: 9100, hostPort: 9100}]}]
          status: {phase: Running}
        """;

    private const string InputNode = """
        apiVersion: v1
        kind: Node
        metadata: {name: node-2}
        status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
        """;

    [Fact]
    public void A_context_without_nodes_of_its_own_places_on_the_prebuilt_view()
    {
        var cluster = Fixtures.Cluster(Snapshot);
        var view = new ClusterSimulation(cluster.Nodes, cluster.Pods, KubeVersion.Latest, "default");
        var context = new AnalysisContext([], AnalysisOptions.Default) { Cluster = cluster, PrebuiltRunningCluster = Task.FromResult(view) };

        context.RunningCluster.ShouldBeSameAs(view);
    }

    [Fact]
    public void A_context_with_a_node_of_its_own_builds_the_view_with_that_node()
    {
        var cluster = Fixtures.Cluster(Snapshot);
        var view = new ClusterSimulation(cluster.Nodes, cluster.Pods, KubeVersion.Latest, "default");
        var context = new AnalysisContext(Objects.Read(InputNode), AnalysisOptions.Default) { Cluster = cluster, PrebuiltRunningCluster = Task.FromResult(view) };

        context.RunningCluster.ShouldNotBeSameAs(view);
        context.RunningCluster.Nodes.Select(n => n.Name).ShouldBe(["node-1", "node-2"]);
    }

    [Fact]
    public void The_audit_reports_the_pods_the_prebuilt_view_holds()
    {
        // The running pod holds host port 9100 on the only node: a second such pod can go nowhere, as placing on the
        // view (built beside the index) says.
        var cluster = Fixtures.Cluster(Snapshot + """

            - apiVersion: v1
              kind: Pod
              metadata: {name: exporter-2, namespace: monitoring}
              spec:
                containers: [{name: exporter, image: example.com/exporter:1, ports: [{containerPort: 9100, hostPort: 9100}]}]
              status: {phase: Pending}
            """);

        var report = Hostnet.Core.Audit.Auditor.Audit(cluster, "cluster.yaml", AnalysisOptions.Default);

        report.Findings.ShouldContain(f => f.Diagnostic.Object!.Name == "exporter-2" && f.Diagnostic.Message.Contains("9100", StringComparison.Ordinal));
    }
}
