using Hostnet.Core.Analysis;
using Hostnet.Core.Model;
using Hostnet.Core.Runs;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Runs;

/// <summary><c>hostnet ports</c>'s answer: which nodes it shows, what it says it assumed, and the <c>--node</c> it refuses.</summary>
public sealed class HostPortQueryTests
{
    private const string Agent = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: monitoring}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              hostNetwork: true
              containers:
              - name: agent
                image: agent:1
                ports: [{containerPort: 9100}]
        """;

    private static HostPortAnswer Answer(ClusterSnapshot snapshot, IReadOnlyList<KubeObject> objects, string? node = null) =>
        HostPortQuery.Answer(snapshot, objects, AnalysisOptions.Default, node, "any", null);

    [Fact]
    public void Answer_WithoutAnyNode_ShowsTheDefaultNodeAndSaysSo()
    {
        var answer = Answer(ClusterSnapshot.Empty, Objects.Read(Agent));

        answer.Notice.ShouldBe("no --cluster and no Node in the manifests: showing one empty worker node named node-1");
        answer.Problem.ShouldBeNull();
        answer.Map!.Nodes.Select(n => n.Node).ShouldBe(["node-1"]);
        answer.Map.Nodes[0].Ports.ShouldContain(u => u.Port == 9100 && u.Owner.Contains("agent", StringComparison.Ordinal));
    }

    [Fact]
    public void Answer_WithTheManifestsNodes_AssumesNothing()
    {
        var answer = Answer(ClusterSnapshot.Empty, [.. Objects.Read(Agent), Objects.Node("worker-a"), Objects.Node("worker-b")], node: "worker-b");

        answer.Notice.ShouldBeNull();
        answer.Problem.ShouldBeNull();
        answer.Map!.Nodes.Select(n => n.Node).ShouldBe(["worker-b"]);
    }

    [Fact]
    public void Answer_NodeTheSnapshotLacks_IsRefused()
    {
        var snapshot = SnapshotText.ReadFixture("kubectl-list.json").Snapshot;

        var answer = Answer(snapshot, [], node: "ghost");

        answer.Problem.ShouldBe("--node ghost: no such node in the cluster");
        answer.Notice.ShouldBeNull();
        answer.Map.ShouldBeNull();
    }

    [Fact]
    public void Answer_NodeNotTheDefaultOne_IsRefusedAfterTheNotice()
    {
        var answer = Answer(ClusterSnapshot.Empty, [], node: "ghost");

        answer.Notice.ShouldNotBeNull();
        answer.Problem.ShouldBe("--node ghost: no such node in the cluster");
        answer.Map.ShouldBeNull();
    }
}
