using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// HN012 against running pods for a pod that names its node: it can go there alone, so it is reported exactly when
/// that node's port is held (the kubelet rejects it), and never for the ports held on the other nodes, whether or not
/// the filters run over every node.
/// </summary>
public sealed class RunningPortConflictsNodeNameTests
{
    private const string Cluster = """
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: Node, metadata: {name: worker-1, labels: {kubernetes.io/hostname: worker-1}}, status: {allocatable: {cpu: "4", memory: 16Gi, pods: "110"}}}
        - {apiVersion: v1, kind: Node, metadata: {name: worker-2, labels: {kubernetes.io/hostname: worker-2}}, status: {allocatable: {cpu: "4", memory: 16Gi, pods: "110"}}}
        - {apiVersion: v1, kind: Node, metadata: {name: worker-3, labels: {kubernetes.io/hostname: worker-3}}, status: {allocatable: {cpu: "4", memory: 16Gi, pods: "110"}}}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: ingress-7c9d5-abcde
            namespace: ingress
            ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: ingress-7c9d5, uid: r1, controller: true}]
          spec:
            nodeName: worker-1
            containers: [{name: proxy, image: example.com/proxy:1, ports: [{containerPort: 8443, hostPort: 8443}]}]
          status: {phase: Running}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: ingress-7c9d5-fghij
            namespace: ingress
            ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: ingress-7c9d5, uid: r1, controller: true}]
          spec:
            nodeName: worker-2
            containers: [{name: proxy, image: example.com/proxy:1, ports: [{containerPort: 8443, hostPort: 8443}]}]
          status: {phase: Running}
        """;

    [Theory]
    [InlineData("worker-1", true)]
    [InlineData("worker-2", true)]
    [InlineData("worker-3", false)]
    [InlineData("worker-9", false)]
    public void Check_PodNamingItsNode_IsReportedOnlyWhereThePortIsHeld(string node, bool reported)
    {
        var pod = $"""
            apiVersion: v1
            kind: Pod
            metadata: {"{"}name: debug-proxy, namespace: ops{"}"}
            spec:
              nodeName: {node}
              containers: [{"{"}name: proxy, image: example.com/proxy:1, ports: [{"{"}containerPort: 8443, hostPort: 8443{"}"}]{"}"}]
            """;

        var findings = Fixtures.Check(pod, cluster: Fixtures.Cluster(Cluster)).Diagnostics.Where(d => d.Rule.Id == "HN012").Select(d => d.Message).ToList();

        if (reported)
        {
            findings.ShouldHaveSingleItem().ShouldContain($"by running pods: ingress/ingress-7c9d5-");
            findings[0].ShouldContain($"on {node}; its pods are rejected by the kubelet");
        }
        else
        {
            findings.ShouldBeEmpty();
        }
    }
}
