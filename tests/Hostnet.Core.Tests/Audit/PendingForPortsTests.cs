using Hostnet.Core.Analysis;
using Hostnet.Core.Audit;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Audit;

/// <summary>
/// The holders a Pending pod's finding names are those whose claim conflicts with the pod's (HostPortInfo.Conflict):
/// a claim of the same port on another specific host IP does not keep the pod off a node, so it is not named.
/// </summary>
public sealed class PendingForPortsTests
{
    private const string Snapshot = """
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: Node, metadata: {name: node-1}, status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}}
        - {apiVersion: v1, kind: Node, metadata: {name: node-2}, status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}}
        - apiVersion: v1
          kind: Pod
          metadata: {name: other-ip, namespace: edge}
          spec: {nodeName: node-1, containers: [{name: c, image: example/proxy:1, ports: [{containerPort: 8080, hostPort: 80, hostIP: 10.0.0.2}]}]}
          status: {phase: Running}
        - apiVersion: v1
          kind: Pod
          metadata: {name: every-ip-1, namespace: edge}
          spec: {nodeName: node-1, containers: [{name: c, image: example/proxy:1, ports: [{containerPort: 8080, hostPort: 80}]}]}
          status: {phase: Running}
        - apiVersion: v1
          kind: Pod
          metadata: {name: every-ip-2, namespace: edge}
          spec: {nodeName: node-2, containers: [{name: c, image: example/proxy:1, ports: [{containerPort: 8080, hostPort: 80}]}]}
          status: {phase: Running}
        - apiVersion: v1
          kind: Pod
          metadata: {name: waiting, namespace: edge}
          spec: {containers: [{name: c, image: example/web:1, ports: [{containerPort: 8080, hostPort: 80, hostIP: 10.0.0.1}]}]}
          status:
            phase: Pending
            conditions:
            - {type: PodScheduled, status: "False", reason: Unschedulable, message: "0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod."}
        """;

    [Fact]
    public void PendingPod_NamesOnlyHoldersWhoseClaimConflicts()
    {
        var read = SnapshotText.Read(Snapshot, "cluster.yaml");
        read.Errors.ShouldBeEmpty();

        var finding = Auditor.Audit(read.Snapshot, "cluster.yaml", AnalysisOptions.Default).Findings
            .Single(f => f.Observed && f.Diagnostic.Object!.ToString() == "Pod/edge/waiting").Diagnostic;

        finding.Message.ShouldEndWith("80/TCP is held on 2 nodes by Pod/every-ip-1, Pod/every-ip-2");
    }
}
